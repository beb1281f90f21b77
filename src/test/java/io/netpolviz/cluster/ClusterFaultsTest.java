package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the user is told when the cluster cannot be read, and that credentials never show. */
class ClusterFaultsTest {

    @TempDir
    Path temp;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ConnectionStatus firstError(ClusterOptions options, RecordingListener listener) throws Exception {
        try (ClusterSource source = ClusterSource.open(options, listener)) {
            return listener.awaitState(ConnectionState.ERROR);
        }
    }

    @Test
    void anUnreachableServerIsNamedWithTheContextAndAKubectlCheck() throws Exception {
        String server = "http://127.0.0.1:" + freePort();
        ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, server, false), "mock", Set.of()).withTiming(MockCluster.FAST);
        RecordingListener listener = new RecordingListener();

        ConnectionStatus error = firstError(options, listener);

        assertEquals("Context 'mock': the server at " + server + " refused the connection. Is the cluster running? "
                + "Check with kubectl --context mock get ns. Retrying in 0.2 s.", error.message());
        assertTrue(error.retrying(), "a cluster that is starting up is worth retrying");
    }

    @Test
    void aListenerThatThrowsIsLoggedWithItsStackTraceAndTheSourceGoesOn() throws Exception {
        ClusterOptions options = ClusterOptions.of(temp.resolve("no-such-kubeconfig.yaml"), "mock", Set.of()).withTiming(MockCluster.FAST);
        IllegalStateException bug = new IllegalStateException("a bug in the listener");
        CountDownLatch heard = new CountDownLatch(1);
        ClusterListener failing = new ClusterListener() {
            @Override
            public void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
            }

            @Override
            public void status(ConnectionStatus status) {
                heard.countDown();
                throw bug;
            }
        };

        try (CapturedLog log = CapturedLog.of(ClusterSource.class); ClusterSource source = ClusterSource.open(options, failing)) {
            assertTrue(heard.await(10, TimeUnit.SECONDS), "the listener heard the status");
            for (int waited = 0; log.records().isEmpty() && waited < 10_000; waited += 10) {
                Thread.sleep(10);
            }
            LogRecord record = log.records().get(0);
            assertEquals(Level.SEVERE, record.getLevel());
            assertSame(bug, record.getThrown(), "the stack trace is kept");
            assertEquals(ConnectionState.ERROR, source.status().state(), "the source went on: " + source.status());
        }
    }

    @Test
    void anUntrustedCertificateSaysTheKubeconfigMayBeStaleAndDoesNotRetry() throws Exception {
        try (MockCluster tls = MockCluster.start(true)) {
            ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, tls.url(), false), "mock", Set.of())
                    .withTiming(MockCluster.FAST);
            RecordingListener listener = new RecordingListener();

            ConnectionStatus error = firstError(options, listener);

            assertTrue(error.message().startsWith("Context 'mock': the server at " + tls.url().replaceAll("/$", "")
                    + " presented a TLS certificate that the kubeconfig does not trust."), error.message());
            assertTrue(error.message().contains("refresh it"), error.message());
            assertFalse(error.retrying());
        }
    }

    @Test
    void skippingTlsVerificationAsTheKubeconfigAsksConnects() throws Exception {
        try (MockCluster tls = MockCluster.start(true)) {
            tls.admin().resource(Fixtures.pod("shop", "web", Map.of())).create();
            ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, tls.url(), true), "mock", Set.of())
                    .withTiming(MockCluster.FAST);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(options, listener)) {
                ClusterSnapshot snapshot = listener.awaitSnapshot(p -> true).snapshot();
                assertEquals(List.of("shop/web"), snapshot.workloads().stream().map(w -> w.id()).toList());
                tls.stop();
            }
        }
    }

    @Test
    void anUnknownContextListsTheKnownOnes() throws Exception {
        ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, "http://127.0.0.1:1", false), "kind-dev", Set.of());
        RecordingListener listener = new RecordingListener();

        ConnectionStatus error = firstError(options, listener);

        assertTrue(error.message().startsWith("Context 'kind-dev' is not in "), error.message());
        assertTrue(error.message().endsWith("Known contexts: mock, other."), error.message());
        assertFalse(error.retrying());
    }

    @Test
    void aMissingKubeconfigSaysWhereItLooked() throws Exception {
        Path missing = temp.resolve("nowhere").resolve("config");
        RecordingListener listener = new RecordingListener();

        ConnectionStatus error = firstError(ClusterOptions.of(missing, null, Set.of()), listener);

        assertTrue(error.message().contains(missing.toString()), error.message());
        assertTrue(error.message().contains("no kubeconfig here"), error.message());
    }

    @Test
    void theTokenNeverAppearsInAnyMessageOrDiagnostic() throws Exception {
        List<String> texts = new ArrayList<>();
        // A server that quotes the token back in its errors: redaction must still hide it.
        try (MockCluster cluster = MockCluster.start()) {
            cluster.admin().resource(Fixtures.pod("shop", "web", Map.of())).create();
            cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/")
                    ? MockCluster.status(403, "Forbidden", "token " + MockCluster.TOKEN + " may not list networkpolicies")
                    : null);
            RecordingListener partial = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), partial)) {
                ClusterSnapshot snapshot = partial.awaitSnapshot(p -> true).snapshot();
                snapshot.diagnostics().stream().map(Diagnostic::display).forEach(texts::add);
                assertTrue(texts.stream().anyMatch(text -> text.contains("token [redacted] may not list")), texts::toString);
                cluster.stop();
                partial.awaitState(ConnectionState.RECONNECTING);
            }
            partial.statuses().forEach(status -> texts.add(status.toString()));

            cluster.restartWith();
            cluster.answer(request -> MockCluster.status(401, "Unauthorized", "invalid bearer token " + MockCluster.TOKEN));
            RecordingListener unauthorized = new RecordingListener();
            firstError(cluster.options(temp), unauthorized);
            unauthorized.statuses().forEach(status -> texts.add(status.toString()));

            cluster.answer(request -> MockCluster.status(403, "Forbidden", "user with token " + MockCluster.TOKEN + " is forbidden"));
            RecordingListener forbidden = new RecordingListener();
            firstError(cluster.options(temp), forbidden);
            forbidden.statuses().forEach(status -> texts.add(status.toString()));
        }
        RecordingListener unreachable = new RecordingListener();
        firstError(ClusterOptions.of(MockCluster.kubeconfig(temp, "http://127.0.0.1:" + freePort(), false), "mock", Set.of())
                .withTiming(MockCluster.FAST), unreachable);
        unreachable.statuses().forEach(status -> texts.add(status.toString()));
        KubeconfigContexts.read(List.of(MockCluster.kubeconfig(temp, "http://127.0.0.1:1", false))).contexts().forEach(c -> texts.add(c.toString()));

        assertTrue(texts.size() >= 8, texts::toString);
        assertTrue(texts.stream().anyMatch(text -> text.contains("[redacted]")), "the echoing server was heard: " + texts);
        for (String text : texts) {
            assertFalse(text.contains(MockCluster.TOKEN), text);
            assertFalse(text.contains("sekrit"), text);
        }
    }

    @Test
    void aPasswordInTheServerAddressIsNeverShown() throws Exception {
        String text = Files.readString(MockCluster.kubeconfig(temp, "http://admin:hunter2-pass@127.0.0.1:" + freePort(), false));
        Path kubeconfig = Files.writeString(temp.resolve("with-password.yaml"), text);
        RecordingListener listener = new RecordingListener();

        ConnectionStatus error = firstError(ClusterOptions.of(kubeconfig, "mock", Set.of()).withTiming(MockCluster.FAST), listener);

        assertTrue(error.message().contains("http://127.0.0.1:"), error.message());
        assertFalse(error.message().contains("hunter2-pass"), error.message());
        assertFalse(KubeconfigContexts.read(List.of(kubeconfig)).contexts().toString().contains("hunter2"));
    }
}

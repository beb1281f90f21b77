package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.netpolviz.cluster.MockCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against fabric8's mock API server in CRUD mode over real HTTP, reached through a
 * generated kubeconfig: the real client, the real protocol.
 */
class LiveClusterCliTest {

    private static final Path TUTORIAL = Path.of("sample-clusters/01-tutorial");

    @TempDir
    Path dir;

    private MockCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void startCluster() throws IOException {
        cluster = MockCluster.start();
        kubeconfig = cluster.kubeconfig(dir);
        cluster.applyFolder(TUTORIAL);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void analyzeGivesTheSameAnswersFromTheClusterAsFromTheFolder() {
        CliRun fromFolder = CliRun.of("analyze", TUTORIAL.toString(), "--format", "json");
        CliRun fromCluster = CliRun.of("analyze", "--kubeconfig", kubeconfig.toString(), "--context", MockCluster.CONTEXT, "--format", "json");
        assertEquals(0, fromCluster.exitCode(), fromCluster.err());
        assertEquals(connections(fromFolder.out()), connections(fromCluster.out()));
        assertTrue(connections(fromCluster.out()).contains("\"from\": \"production/frontend\",\n      \"to\": \"production/backend-api\",\n      \"allowed\": [\"TCP 8080\"]"),
                fromCluster.out());
    }

    /** Ingresses are read from the cluster too: the ingress controller's lines are the folder's. */
    @Test
    void theIngressControllersConnectionsComeFromTheClustersIngresses() throws IOException {
        Path shop = Path.of("src/test/resources/ingress/shop");
        cluster.applyFolder(shop);
        CliRun fromFolder = CliRun.of("analyze", shop.toString(), "--format", "csv");
        CliRun fromCluster = CliRun.of("analyze", "--kubeconfig", kubeconfig.toString(), "--namespace", "shop", "--format", "csv");
        assertEquals(0, fromCluster.exitCode(), fromCluster.err());
        List<String> controller = fromCluster.out().lines().filter(line -> line.startsWith("{ingress-controller}")).toList();
        assertEquals(List.of("{ingress-controller},shop/web,TCP 8080"), controller, fromCluster.out() + fromCluster.err());
        assertEquals(fromFolder.out().lines().filter(line -> line.startsWith("{ingress-controller}")).toList(), controller);
    }

    /** OVN-Kubernetes' UserDefinedNetworks and ClusterUserDefinedNetworks are read from the cluster too: lesson 12 reads as its folder. */
    @Test
    void userDefinedNetworksComeFromTheCluster() throws IOException {
        Path lesson = Path.of("sample-clusters/12-tenant-networks");
        cluster.applyFolder(lesson);
        CliRun fromFolder = CliRun.of("analyze", lesson.toString(), "--format", "csv");
        CliRun fromCluster = CliRun.of("analyze", "--kubeconfig", kubeconfig.toString(), "--namespace", "shop", "--namespace", "billing",
                "--namespace", "analytics", "--namespace", "reports", "--format", "csv");
        assertEquals(0, fromCluster.exitCode(), fromCluster.err());
        assertTrue(fromCluster.out().contains("shop/web,billing/api,none"), fromCluster.out() + fromCluster.err());
        assertTrue(fromCluster.out().contains("analytics/collector,reports/dashboard,all"), fromCluster.out());
        assertEquals(fromFolder.out(), fromCluster.out());
    }

    private static String connections(String json) {
        return json.substring(json.indexOf("\"connections\""), json.indexOf("\"diagnostics\""));
    }

    @Test
    void checkAndExplainWorkAgainstTheCluster() {
        CliRun check = CliRun.withInput("production/frontend\tproduction/database\t5432\tTCP\n",
                "check", "--kubeconfig", kubeconfig.toString(), "--probes", "-");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("production/frontend\tproduction/database\t5432\tTCP\tdeny\n", check.out());
        CliRun explain = CliRun.of("explain", "--kubeconfig", kubeconfig.toString(), "production/frontend", "production/backend-api", "8080/TCP");
        assertTrue(explain.out().contains("Verdict: ALLOWED"), explain.out() + explain.err());
    }

    @Test
    void snapshotSavesManifestsThatAnalyzeTheSameOffline() {
        Path out = dir.resolve("saved");
        CliRun snapshot = CliRun.of("snapshot", "--kubeconfig", kubeconfig.toString(), "--out", out.toString());
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        assertTrue(snapshot.out().contains("production.yaml"), snapshot.out());
        assertEquals(connections(CliRun.of("analyze", TUTORIAL.toString(), "--format", "json").out()),
                connections(CliRun.of("analyze", out.toString(), "--format", "json").out()));
    }

    @Test
    void anUnreachableClusterIsAClearErrorNotAHang() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path unreachable = dir.resolve("unreachable.yaml");
        Files.writeString(unreachable, Files.readString(kubeconfig).replace(cluster.url().replaceAll("/$", ""), "http://127.0.0.1:" + closedPort));
        Instant start = Instant.now();
        CliRun run = CliRun.of("analyze", "--kubeconfig", unreachable.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("'" + MockCluster.CONTEXT + "'"), run.err());
        assertFalse(run.err().contains(MockCluster.TOKEN), "no credentials in messages");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "gave up in time");
    }

    @Test
    void watchPrintsEachChangeInReachabilityWithTheObjectThatCausedIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread watcher = new Thread(() -> new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("watch", "--kubeconfig", kubeconfig.toString(), "--changes", "2")));
        watcher.start();
        awaitOutput(out, text -> text.contains("pairs allow something"));

        cluster.admin().resource(new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace("staging").withName("lock-staging").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Egress").endSpec()
                .build()).create();
        awaitOutput(out, text -> text.contains("NetworkPolicy staging/lock-staging ADDED"));
        cluster.admin().network().v1().networkPolicies().inNamespace("staging").withName("lock-staging").delete();
        watcher.join(Duration.ofSeconds(20).toMillis());

        assertFalse(watcher.isAlive(), "watch stops after --changes 2");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.lines().anyMatch(l -> l.contains("staging/test-runner -> production/backend-api: allowed\u2192blocked all")
                && l.contains("NetworkPolicy staging/lock-staging ADDED")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("staging/test-runner -> production/backend-api: blocked\u2192allowed all")
                && l.contains("NetworkPolicy staging/lock-staging DELETED")), text);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CONNECTED"), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The incident-response move of issue 17: a Deployment's pod labelled {@code quarantine=true}
     * under a policy that isolates that label. Policies select pods by the pods' own labels, so the
     * watch reports the pod's lost connections, naming the pod and the change that caused it.
     */
    @Test
    void watchReportsAPodRelabelledIntoQuarantine() throws Exception {
        var frontend = cluster.admin().apps().deployments().inNamespace("production").withName("frontend").get();
        var replicas = cluster.admin().resource(new io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder()
                .withNewMetadata().withNamespace("production").withName("frontend-7d9").addNewOwnerReference()
                .withApiVersion("apps/v1").withKind("Deployment").withName("frontend").withUid(frontend.getMetadata().getUid())
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withSelector(frontend.getSpec().getSelector()).withTemplate(frontend.getSpec().getTemplate()).endSpec()
                .build()).create();
        var podLabels = new java.util.HashMap<>(frontend.getSpec().getTemplate().getMetadata().getLabels());
        cluster.admin().resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withNamespace("production").withName("frontend-7d9-x1").withLabels(podLabels).addNewOwnerReference()
                .withApiVersion("apps/v1").withKind("ReplicaSet").withName("frontend-7d9").withUid(replicas.getMetadata().getUid())
                .withController(true).endOwnerReference().endMetadata()
                .withSpec(frontend.getSpec().getTemplate().getSpec()).build()).create();
        cluster.admin().resource(new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace("production").withName("quarantine").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("quarantine", "true").endPodSelector()
                .withPolicyTypes("Ingress", "Egress").endSpec()
                .build()).create();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread watcher = new Thread(() -> new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(List.of("watch", "--kubeconfig", kubeconfig.toString(), "--changes", "1")));
        watcher.start();
        awaitOutput(out, text -> text.contains("pairs allow something"));

        cluster.admin().pods().inNamespace("production").withName("frontend-7d9-x1").edit(pod -> {
            pod.getMetadata().getLabels().put("quarantine", "true");
            return pod;
        });
        watcher.join(Duration.ofSeconds(20).toMillis());

        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(watcher.isAlive(), "the relabel is one change: " + text);
        assertTrue(text.lines().anyMatch(l -> l.contains("production/frontend-7d9-x1 -> production/backend-api: blocked")
                && l.contains("Pod production/frontend-7d9-x1 MODIFIED")), text);
    }

    @Test
    void watchWithCredentialsTheServerRejectsSaysSoAndExitsInsteadOfWaiting() throws Exception {
        // The source waits for a reconnect after a 401 (ConnectionStatus.retrying() is false); nobody asks a CLI for one.
        cluster.answer(request -> MockCluster.status(401, "Unauthorized", "invalid bearer token " + MockCluster.TOKEN));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] exit = {-1};
        Thread watcher = new Thread(() -> exit[0] = new Cli(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("watch", "--kubeconfig", kubeconfig.toString())));
        watcher.start();
        watcher.join(Duration.ofSeconds(60).toMillis());
        String said = err.toString(StandardCharsets.UTF_8);
        assertFalse(watcher.isAlive(), "watch still waits: " + said);
        assertEquals(1, exit[0], said);
        assertTrue(said.contains("ERROR"), said);
        assertFalse(said.contains(MockCluster.TOKEN), "no credentials in messages: " + said);
    }

    @Test
    void watchWritesJsonLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread watcher = new Thread(() -> new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(List.of("watch", "--kubeconfig", kubeconfig.toString(), "--format", "jsonl", "--changes", "1")));
        watcher.start();
        awaitOutput(out, text -> text.contains("\"type\":\"snapshot\""));
        cluster.admin().network().v1().networkPolicies().inNamespace("production").withName("deny-all").delete();
        watcher.join(Duration.ofSeconds(20).toMillis());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("{\"time\":\"") && l.contains("\"type\":\"change\"")
                && l.contains("\"objects\":[\"NetworkPolicy production/deny-all DELETED\"]")), text);
        assertTrue(text.lines().allMatch(l -> l.startsWith("{") && l.endsWith("}")), text);
    }

    private static void awaitOutput(ByteArrayOutputStream out, Predicate<String> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.test(out.toString(StandardCharsets.UTF_8))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting; output so far:\n" + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }
}

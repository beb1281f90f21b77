package io.netpolviz.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSnapshotReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsOnceAndReturnsTheSnapshotWithItsManifests() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            assertEquals(List.of("shop/deny-all", "shop/web-from-debug"),
                    capture.snapshot().policies().stream().map(p -> p.id().toString()).toList());
            assertEquals(List.of("Namespace /shop", "Deployment shop/web", "Pod shop/debug", "Service shop/web",
                            "NetworkPolicy shop/deny-all", "NetworkPolicy shop/web-from-debug"),
                    capture.manifests().stream().map(m -> ApiObjects.kind(m) + " " + ApiObjects.namespace(m) + "/" + ApiObjects.name(m)).toList());
        }
    }

    @Test
    void aClusterThatCannotBeReadGivesTheUsersMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, "http://127.0.0.1:" + port, false), "mock", Set.of());

        ClusterAccessException failure = assertThrows(ClusterAccessException.class,
                () -> ClusterSnapshotReader.read(options, Duration.ofSeconds(20)));

        assertTrue(failure.getMessage().startsWith("Context 'mock': the server at http://127.0.0.1:" + port + " refused the connection."),
                failure.getMessage());
    }

    @Test
    void manifestsCannotBeChangedBehindTheSnapshotsBack() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.admin().resource(Fixtures.pod("shop", "web", Map.of("app", "web"))).create();

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            Map<String, Object> pod = capture.manifests().get(0);
            assertThrows(UnsupportedOperationException.class, () -> pod.put("kind", "Secret"));
            assertThrows(UnsupportedOperationException.class, () -> ApiObjects.metadata(pod).put("name", "other"));
        }
    }
}

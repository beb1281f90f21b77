package io.netpolviz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cilium's kinds from a live cluster (the fabric8 mock server in CRUD mode, over real HTTP): read
 * by the one-shot reader and the watching source through the same builder as manifests, the
 * clusterwide kind even for chosen namespaces, kept by {@code snapshot}; a cluster without
 * Cilium's CRDs (404) is normal.
 */
class CiliumInformersTest {

    @TempDir
    Path temp;

    private static GenericKubernetesResource cnp(String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("cilium.io/v2").withKind("CiliumNetworkPolicy")
                .withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpointSelector", Map.of("matchLabels", Map.of("app", "db")),
                        "ingressDeny", List.of(Map.of("fromEntities", List.of("world")))))
                .build();
    }

    private static GenericKubernetesResource ccnp(String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("cilium.io/v2").withKind("CiliumClusterwideNetworkPolicy")
                .withNewMetadata().withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpointSelector", Map.of(),
                        "egress", List.of(Map.of("toEntities", List.of("cluster")))))
                .build();
    }

    private static void create(MockCluster cluster) {
        cluster.admin().genericKubernetesResources(ResourceKind.CILIUM_NETWORK_POLICY.definition()).inNamespace("shop")
                .resource(cnp("db-no-world")).create();
        cluster.admin().genericKubernetesResources(ResourceKind.CILIUM_CLUSTERWIDE_NETWORK_POLICY.definition())
                .resource(ccnp("inside-only")).create();
    }

    private static void assertRead(ClusterSnapshot snapshot) {
        assertEquals(List.of(new PolicyId("CiliumClusterwideNetworkPolicy", "inside-only"), new PolicyId("CiliumNetworkPolicy", "shop/db-no-world")),
                snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).toList(), snapshot.diagnostics().toString());
        assertTrue(snapshot.ciliumPolicies().get(1).specs().get(0).ingressDeny().get(0).world());
        assertTrue(snapshot.unevaluatedPolicyKinds().isEmpty(), snapshot.unevaluatedPolicyKinds().toString());
        assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), snapshot.diagnostics().toString());
    }

    @Test
    void aOneShotReadEvaluatesCiliumPoliciesAndTheSnapshotKeepsThem() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            create(cluster);
            ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, cluster.url(), false), MockCluster.CONTEXT, Set.of("shop"));

            ClusterCapture capture = ClusterSnapshotReader.read(options, Duration.ofSeconds(20));

            assertRead(capture.snapshot());
            assertEquals(2, capture.manifests().stream().filter(m -> m.get("apiVersion").equals("cilium.io/v2")).count(),
                    "snapshot writes them out with the rest");
        }
    }

    @Test
    void theWatchingSourceReadsThemToo() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            create(cluster);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                assertRead(listener.awaitSnapshot(published -> published.snapshot().ciliumPolicies().size() == 2).snapshot());
            }
        }
    }

    @Test
    void aClusterWithoutCiliumIsNormal() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.answer(request -> request.getPath().startsWith("/apis/cilium.io/")
                    ? MockCluster.status(404, "NotFound", "the server could not find the requested resource") : null);

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            assertTrue(capture.snapshot().ciliumPolicies().isEmpty());
            assertTrue(capture.snapshot().diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR),
                    capture.snapshot().diagnostics().toString());
        }
    }
}

package io.netpolviz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network-policy-api's cluster-wide kinds from a live cluster: read cluster-wide (even when
 * the user chose namespaces) through the same builder as manifests; a cluster that does not serve
 * their CRDs (404) is normal, and one that refuses them (403) is a partial view.
 */
class ClusterPolicyInformersTest {

    @TempDir
    Path temp;

    private static GenericKubernetesResource cnp(String name, String tier, int priority) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("policy.networking.k8s.io/v1alpha2").withKind("ClusterNetworkPolicy")
                .withNewMetadata().withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("tier", tier, "priority", priority,
                        "subject", Map.of("namespaces", Map.of()),
                        "ingress", List.of(Map.of("name", "deny-all", "action", "Deny", "from", List.of(Map.of("namespaces", Map.of()))))))
                .build();
    }

    @Test
    void clusterNetworkPoliciesAreReadFromTheClusterEvenForChosenNamespaces() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.admin().genericKubernetesResources(ResourceKind.CLUSTER_NETWORK_POLICY.definition())
                    .resource(cnp("protect-shop", "Admin", 10)).create();
            ClusterOptions options = ClusterOptions.of(MockCluster.kubeconfig(temp, cluster.url(), false), MockCluster.CONTEXT, Set.of("shop"));

            ClusterCapture capture = ClusterSnapshotReader.read(options, Duration.ofSeconds(20));

            List<ClusterPolicy> read = capture.snapshot().clusterPolicies();
            assertEquals(List.of("protect-shop"), read.stream().map(ClusterPolicy::name).toList(), capture.snapshot().diagnostics().toString());
            assertEquals(PolicyTier.ADMIN, read.get(0).tier());
            assertEquals(List.of(), capture.snapshot().diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        }
    }

    @Test
    void aClusterWithoutTheCrdsIsNormal() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.answer(request -> request.getPath().startsWith("/apis/policy.networking.k8s.io/")
                    ? MockCluster.status(404, "NotFound", "the server could not find the requested resource") : null);

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            assertEquals(2, capture.snapshot().policies().size());
            assertTrue(capture.snapshot().diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR),
                    capture.snapshot().diagnostics().toString());
        }
    }

    @Test
    void aRefusedKindIsAPartialView() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.answer(request -> request.getPath().startsWith("/apis/policy.networking.k8s.io/v1alpha2/clusternetworkpolicies")
                    ? MockCluster.status(403, "Forbidden", "clusternetworkpolicies is forbidden") : null);

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            assertTrue(capture.snapshot().diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR
                    && d.message().contains("clusternetworkpolicies.policy.networking.k8s.io")), capture.snapshot().diagnostics().toString());
        }
    }
}

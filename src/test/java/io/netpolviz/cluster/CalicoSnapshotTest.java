package io.netpolviz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot} of a cluster with Calico's tiers and policies (read over real HTTP from the
 * fabric8 mock server in CRUD mode): the written folder holds them, namespaced ones in their
 * namespace's file and cluster-scoped ones in a file of their own, and loading it gives the same
 * Calico objects and the same verdicts as the live read.
 */
class CalicoSnapshotTest {

    @TempDir
    Path temp;

    private static ResourceDefinitionContext calico(String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup("crd.projectcalico.org").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    @Test
    void aSnapshotHoldsCalicosObjectsAndLoadsBackAsTheSamePicture() throws Exception {
        ClusterCapture capture;
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.admin().genericKubernetesResources(calico("Tier", "tiers", false)).resource(new GenericKubernetesResourceBuilder()
                    .withApiVersion("crd.projectcalico.org/v1").withKind("Tier").withNewMetadata().withName("security").endMetadata()
                    .addToAdditionalProperties("spec", Map.of("order", 100)).build()).create();
            cluster.admin().genericKubernetesResources(calico("GlobalNetworkPolicy", "globalnetworkpolicies", false))
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("crd.projectcalico.org/v1").withKind("GlobalNetworkPolicy")
                            .withNewMetadata().withName("security.deny-debug").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("tier", "security", "order", 10, "selector", "app == 'web'",
                                    "ingress", List.of(Map.of("action", "Deny", "source", Map.of("selector", "app == 'debug'")))))
                            .build()).create();
            cluster.admin().genericKubernetesResources(calico("NetworkPolicy", "networkpolicies", true)).inNamespace("shop")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("crd.projectcalico.org/v1").withKind("NetworkPolicy")
                            .withNewMetadata().withName("allow-to-debug").withNamespace("shop").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("selector", "app == 'debug'",
                                    "ingress", List.of(Map.of("action", "Allow", "protocol", "TCP",
                                            "destination", Map.of("ports", List.of(8080))))))
                            .build()).create();
            capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));
            cluster.stop();
        }
        Path out = temp.resolve("snapshot");
        List<Path> written = SnapshotWriter.write(capture, out);
        assertTrue(written.contains(out.resolve(SnapshotWriter.CLUSTER_SCOPED + ".yaml")), written::toString);
        String cluster = Files.readString(out.resolve(SnapshotWriter.CLUSTER_SCOPED + ".yaml"));
        assertTrue(cluster.contains("kind: Tier") && cluster.contains("security.deny-debug"), cluster);
        assertTrue(Files.readString(out.resolve("shop.yaml")).contains("allow-to-debug"), "a namespaced Calico policy goes with its namespace");

        ClusterSnapshot live = capture.snapshot();
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(out));
        assertEquals(ids(live), ids(loaded));
        assertEquals(3, ids(loaded).size(), "two policies and a tier: " + ids(loaded));
        assertEquals(verdicts(live), verdicts(loaded));
        assertTrue(verdicts(loaded).contains("shop/debug -> shop/web TCP 80 false"), "the GlobalNetworkPolicy's Deny holds: " + verdicts(loaded));
        assertFalse(verdicts(loaded).contains("shop/web -> shop/debug TCP 80 true"), "the Calico policy isolates debug: only 8080 is let in");
    }

    private static List<String> ids(ClusterSnapshot snapshot) {
        List<String> out = new ArrayList<>();
        snapshot.calico().tiers().forEach(tier -> out.add("tier " + tier.name() + " " + tier.order() + " " + tier.defaultAction()));
        snapshot.calico().policies().forEach(policy -> out.add(policy.id() + " " + policy.tier() + " " + policy.order()));
        return out;
    }

    private static List<String> verdicts(ClusterSnapshot snapshot) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate(Set.of());
        List<String> out = new ArrayList<>();
        for (Workload from : snapshot.workloads()) {
            for (Workload to : snapshot.workloads()) {
                Endpoint source = engine.resolve(from.id()).orElseThrow();
                Endpoint destination = engine.resolve(to.id()).orElseThrow();
                for (int port : new int[] {80, 8080}) {
                    out.add(from.id() + " -> " + to.id() + " TCP " + port + " " + evaluation.verdict(source, destination, Protocol.TCP, port)
                            .allowed());
                }
            }
        }
        return out;
    }
}

package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster whose CNI enforces its own policies is one the picture may get wrong unless they are
 * evaluated: Calico's GlobalNetworkPolicy is read with its spec and evaluated, Antrea's
 * NetworkPolicy is warned of — for a live cluster exactly as for a folder holding the same
 * objects, in the one-shot read and in the watching source the app uses.
 */
class ForeignPoliciesTest {

    @TempDir
    Path temp;

    private static void createCalicoAndAntreaPolicies(MockCluster cluster) {
        cluster.admin().genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("crd.projectcalico.org")
                .withVersion("v1").withKind("GlobalNetworkPolicy").withPlural("globalnetworkpolicies").withNamespaced(false).build())
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("crd.projectcalico.org/v1").withKind("GlobalNetworkPolicy")
                        .withNewMetadata().withName("deny-attack-to-database").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("selector", "app == 'database'"))
                        .build()).create();
        var antrea = cluster.admin().genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("crd.antrea.io")
                .withVersion("v1beta1").withKind("NetworkPolicy").withPlural("networkpolicies").withNamespaced(true).build());
        for (String name : List.of("rule1", "rule2")) {
            antrea.inNamespace("shop").resource(new GenericKubernetesResourceBuilder().withApiVersion("crd.antrea.io/v1beta1")
                    .withKind("NetworkPolicy").withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                    .addToAdditionalProperties("spec", Map.of("appliedTo", List.of())).build()).create();
        }
    }

    private static void assertWarned(ClusterSnapshot snapshot) {
        List<String> warnings = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::message).toList();
        assertTrue(warnings.stream().noneMatch(w -> w.contains("GlobalNetworkPolicy")), "Calico's policies are evaluated: " + warnings);
        assertEquals(List.of("GlobalNetworkPolicy/deny-attack-to-database"),
                snapshot.calico().policies().stream().map(p -> p.id().toString()).toList(), "read with its spec, as a folder would be");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("crd.antrea.io/v1beta1 NetworkPolicy: 2 objects (the first is here) of a")
                && w.contains("Antrea policy kind that NetPolViz does not evaluate")), warnings::toString);
        assertEquals(List.of("crd.antrea.io/v1beta1 NetworkPolicy (Antrea)"), snapshot.unevaluatedPolicyKinds());
    }

    @Test
    void aOneShotReadWarnsOfEveryPolicyKindItDoesNotEvaluate() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            createCalicoAndAntreaPolicies(cluster);

            ClusterCapture capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));

            assertWarned(capture.snapshot());
            assertTrue(capture.manifests().stream().noneMatch(m -> m.get("apiVersion").toString().contains("antrea")),
                    "other projects' policies are counted, never written to a snapshot");
        }
    }

    @Test
    void theWatchingSourceWarnsToo() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            createCalicoAndAntreaPolicies(cluster);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                assertWarned(listener.awaitSnapshot(published -> true).snapshot());
            }
        }
    }
}

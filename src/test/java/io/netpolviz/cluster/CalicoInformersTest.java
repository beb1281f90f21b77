package io.netpolviz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico's kinds followed live (the fabric8 mock server in CRUD mode, over real HTTP): a policy
 * created, changed or deleted in the cluster changes the picture without a reconnect; the
 * projectcalico.org/v3 objects are read where the server holds them, else the
 * crd.projectcalico.org/v1 ones, never both; Calico's NetworkPolicy never mixes with Kubernetes'
 * of the same name; a cluster without Calico says nothing, one that forbids it says what is missing.
 */
class CalicoInformersTest {

    @TempDir
    Path temp;

    /** shop's debug pod may reach web (the NetworkPolicy web-from-debug) unless a Calico policy denies it first. */
    private static boolean debugReachesWeb(ClusterSnapshot snapshot) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        return engine.evaluate(java.util.Set.of()).verdict(engine.resolve("shop/debug").orElseThrow(), engine.resolve("shop/web").orElseThrow(),
                Protocol.TCP, 8080).allowed();
    }

    private static GenericKubernetesResource denyDebugToWeb(ResourceKind kind, String name, String selector) {
        return new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion()).withKind(kind.kind())
                .withNewMetadata().withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("order", 10, "selector", selector,
                        "ingress", List.of(Map.of("action", "Deny", "source", Map.of("selector", "app == 'debug'")))))
                .build();
    }

    private static List<String> calicoIds(ClusterSnapshot snapshot) {
        return snapshot.calico().policies().stream().map(p -> p.id().toString()).toList();
    }

    @Test
    void aCalicoPolicyCreatedChangedAndDeletedInTheClusterChangesThePicture() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            RecordingListener listener = new RecordingListener();
            var policies = cluster.admin().genericKubernetesResources(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY.definition());
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                assertTrue(debugReachesWeb(listener.awaitSnapshot(published -> true).snapshot()));

                policies.resource(denyDebugToWeb(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY, "deny-debug", "app == 'web'")).create();
                var denied = listener.awaitSnapshot(published -> !published.snapshot().calico().policies().isEmpty());
                assertFalse(debugReachesWeb(denied.snapshot()), "the Deny at order 10 comes before the NetworkPolicies' order 1000");
                assertEquals("Calico GlobalNetworkPolicy deny-debug ADDED", denied.cause().display());

                int seen = listener.snapshotCount();
                policies.withName("deny-debug").edit(policy -> denyDebugToWeb(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY, "deny-debug",
                        "app == 'nothing'"));
                var changed = listener.awaitSnapshot(seen, published -> debugReachesWeb(published.snapshot()));
                assertEquals(List.of("GlobalNetworkPolicy/deny-debug"), calicoIds(changed.snapshot()));
                assertEquals("Calico GlobalNetworkPolicy deny-debug MODIFIED", changed.cause().display());

                seen = listener.snapshotCount();
                policies.resource(denyDebugToWeb(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY, "deny-debug-again", "app == 'web'")).create();
                listener.awaitSnapshot(seen, published -> !debugReachesWeb(published.snapshot()));
                seen = listener.snapshotCount();
                policies.withName("deny-debug-again").delete();
                var deleted = listener.awaitSnapshot(seen, published -> debugReachesWeb(published.snapshot()));
                assertEquals(List.of("GlobalNetworkPolicy/deny-debug"), calicoIds(deleted.snapshot()));
            }
        }
    }

    @Test
    void aCalicoNetworkPolicyAndAKubernetesOneOfTheSameNameStayApart() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            GenericKubernetesResource calico = denyDebugToWeb(ResourceKind.CALICO_NETWORK_POLICY, "deny-all", "app == 'web'");
            calico.getMetadata().setNamespace("shop");
            cluster.admin().genericKubernetesResources(ResourceKind.CALICO_NETWORK_POLICY.definition()).inNamespace("shop")
                    .resource(calico).create();

            ClusterSnapshot live = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20)).snapshot();

            assertEquals(List.of("calico:shop/deny-all"), calicoIds(live));
            assertTrue(live.policies().stream().anyMatch(p -> p.name().equals("deny-all")), "Kubernetes' deny-all is there too");
            assertFalse(debugReachesWeb(live));
        }
    }

    @Test
    void theV3ObjectsAreReadWhereTheServerHoldsThemElseTheStoredV1OnesNeverBoth() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.admin().genericKubernetesResources(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY_V1.definition())
                    .resource(denyDebugToWeb(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY_V1, "default.deny-debug", "app == 'web'")).create();

            ClusterSnapshot onlyV1 = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20)).snapshot();
            assertEquals(List.of("GlobalNetworkPolicy/default.deny-debug"), calicoIds(onlyV1), "no v3 objects: the stored ones");

            cluster.admin().genericKubernetesResources(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY.definition())
                    .resource(denyDebugToWeb(ResourceKind.CALICO_GLOBAL_NETWORK_POLICY, "deny-debug", "app == 'web'")).create();
            ClusterSnapshot both = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20)).snapshot();
            assertEquals(List.of("GlobalNetworkPolicy/deny-debug"), calicoIds(both), "the same object served twice is read once, as v3");

            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                assertEquals(List.of("GlobalNetworkPolicy/deny-debug"), calicoIds(listener.awaitSnapshot(published -> true).snapshot()));
            }
        }
    }

    @Test
    void aClusterWithoutCalicoSaysNothingAndOneThatForbidsItSaysWhatIsMissing() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.answer(request -> request.getPath().contains("projectcalico.org/")
                    ? MockCluster.status(404, "NotFound", "the server could not find the requested resource") : null);
            ClusterSnapshot without = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20)).snapshot();
            assertTrue(without.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), without.diagnostics().toString());

            // v3 forbidden, v1 readable: the view is whole, nothing to say.
            cluster.answer(request -> request.getPath().startsWith("/apis/projectcalico.org/") && MockCluster.carriesToken(request)
                    ? MockCluster.status(403, "Forbidden", "forbidden") : null);
            ClusterSnapshot v1Only = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20)).snapshot();
            assertTrue(v1Only.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), v1Only.diagnostics().toString());

            cluster.answer(request -> request.getPath().contains("projectcalico.org/") && request.getPath().contains("globalnetworkpolicies")
                    && MockCluster.carriesToken(request) ? MockCluster.status(403, "Forbidden", "forbidden") : null);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                ClusterSnapshot partial = listener.awaitSnapshot(published -> true).snapshot();
                List<String> errors = partial.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::message).toList();
                assertTrue(errors.stream().anyMatch(e -> e.startsWith("cannot list globalnetworkpolicies.projectcalico.org (cluster-scoped)")
                        && e.contains("Calico's global policies are missing")), errors::toString);
                assertTrue(debugReachesWeb(partial), "the rest of the view goes on");
                assertEquals(List.of(), partial.calico().policies().stream().map(CalicoPolicy::name).toList());
            }
        }
    }
}

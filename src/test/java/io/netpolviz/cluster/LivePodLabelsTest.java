package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live cluster's pods, with the labels they carry now: "podSelector ... selects particular
 * Pods" (NetworkPolicy v1 API reference, NetworkPolicyPeer), and the pods' labels are the pods'
 * own, whatever their controller's template says. The incident-response move, labelling a
 * Deployment's pods {@code quarantine=true} under a policy that isolates that label, must change
 * the picture at once.
 */
class LivePodLabelsTest {

    @TempDir
    Path temp;

    /** Isolates pods labelled quarantine=true in both directions and admits nothing. */
    private static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy quarantine() {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace("shop").withName("quarantine").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("quarantine", "true").endPodSelector()
                .withPolicyTypes("Ingress", "Egress").endSpec()
                .build();
    }

    /** A namespace with a client pod and a two-pod Deployment run through its ReplicaSet, as a controller leaves them. */
    private static void createShop(MockCluster cluster, int pods) {
        cluster.admin().resource(Fixtures.namespace("shop", Map.of())).create();
        Deployment web = cluster.admin().resource(Fixtures.deployment("shop", "web", pods, Map.of("app", "web"))).create();
        ReplicaSet replicas = cluster.admin().resource(Fixtures.replicaSetOwnedBy(web, "web-5d8f")).create();
        for (int i = 0; i < pods; i++) {
            cluster.admin().resource(Fixtures.podOwnedBy(replicas, "web-5d8f-" + (char) ('a' + i),
                    Map.of("app", "web", "pod-template-hash", "5d8f"))).create();
        }
        cluster.admin().resource(Fixtures.pod("shop", "client", Map.of("app", "client"))).create();
        cluster.admin().resource(quarantine()).create();
    }

    private static void label(MockCluster cluster, String pod, String key, String value) {
        cluster.admin().pods().inNamespace("shop").withName(pod).edit(p -> {
            p.getMetadata().getLabels().put(key, value);
            return p;
        });
    }

    /** What {@code from} may open to {@code to} on TCP 8080, per endpoint {@code to} names. */
    private static List<Boolean> reaches(ClusterSnapshot snapshot, String from, String to) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        Endpoint source = engine.resolveAll(from).get(0);
        return engine.resolveAll(to).stream().map(target -> evaluation.verdict(source, target, Protocol.TCP, 8080).allowed()).toList();
    }

    @Test
    void relabellingADeploymentsPodsReachesTheWatchAndTheVerdict() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            createShop(cluster, 2);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                ClusterSnapshot before = listener.awaitSnapshot(published -> true).snapshot();
                Workload web = before.workloads().stream().filter(w -> w.id().equals("shop/web")).findFirst().orElseThrow();
                assertEquals(List.of("web-5d8f-a", "web-5d8f-b"), web.podNames());
                assertEquals(List.of(true), reaches(before, "shop/client", "shop/web"));

                label(cluster, "web-5d8f-a", "quarantine", "true");
                label(cluster, "web-5d8f-b", "quarantine", "true");
                RecordingListener.Published after = listener.awaitSnapshot(published -> published.snapshot().workloads().stream()
                        .anyMatch(w -> w.variant() != null && w.replicas() == 2));

                assertEquals(List.of(false), reaches(after.snapshot(), "shop/client", "shop/web"),
                        "both pods are quarantined, so the workload's one node is blocked");
                assertEquals(List.of(false), reaches(after.snapshot(), "shop/client", "shop/web-5d8f-b"), "a pod's name answers too");
                assertTrue(after.snapshot().workloads().stream().noneMatch(w -> w.id().equals("shop/web")),
                        "no pod is left with the template's labels: " + after.snapshot().workloads());
            }
        }
    }

    @Test
    void oneQuarantinedPodSplitsTheWorkloadAndTheSnapshotKeepsTheSplit() throws Exception {
        ClusterCapture capture;
        try (MockCluster cluster = MockCluster.start()) {
            createShop(cluster, 3);
            label(cluster, "web-5d8f-c", "quarantine", "true");
            capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));
        }
        ClusterSnapshot live = capture.snapshot();
        assertEquals(List.of(true, false), reaches(live, "shop/client", "shop/web"), "two pods open, the quarantined one shut");
        Workload apart = live.workloads().stream().filter(w -> w.variant() != null).findFirst().orElseThrow();
        assertEquals("shop/web-5d8f-c", apart.id());
        assertEquals("quarantine=true", apart.variant().difference());

        Path out = temp.resolve("snapshot");
        SnapshotWriter.write(capture, out);
        String shop = Files.readString(out.resolve("shop.yaml"));
        assertTrue(shop.contains("name: web-5d8f-c") && shop.contains("kind: Deployment\n    name: web"), shop);
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(out));

        assertEquals(SnapshotShapes.withoutSources(live).workloads(), SnapshotShapes.withoutSources(loaded).workloads());
        assertEquals(reaches(live, "shop/client", "shop/web"), reaches(loaded, "shop/client", "shop/web"));
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
    }

    @Test
    void aWorkloadWhosePodsAreAsTheirTemplateIsWrittenWithoutThem() throws Exception {
        ClusterCapture capture;
        try (MockCluster cluster = MockCluster.start()) {
            createShop(cluster, 2);
            capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));
        }
        Path out = temp.resolve("snapshot");
        SnapshotWriter.write(capture, out);

        String shop = Files.readString(out.resolve("shop.yaml"));
        assertFalse(shop.contains("web-5d8f-a"), shop);
        assertEquals(reaches(capture.snapshot(), "shop/client", "shop/web"),
                reaches(new ManifestLoader().load(List.of(out)), "shop/client", "shop/web"));
    }

    @Test
    void aClusterPolicyNetworkPeerMatchesAControllersPodsByTheirOwnAddresses() throws Exception {
        // ClusterNetworkPolicy egress "networks": CIDRs that "match pods too" by their IPs (network-policy-api v1alpha2,
        // ClusterNetworkPolicyEgressPeer.networks). A Deployment's pods each have their own address, from status.podIP.
        ClusterCapture capture;
        try (MockCluster cluster = MockCluster.start()) {
            createShop(cluster, 2);
            for (String[] pod : new String[][] {{"web-5d8f-a", "10.0.1.5"}, {"web-5d8f-b", "10.0.2.9"}}) {
                cluster.admin().pods().inNamespace("shop").withName(pod[0]).editStatus(p -> {
                    p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running").withPodIP(pod[1]).build());
                    return p;
                });
            }
            cluster.admin().genericKubernetesResources(ResourceKind.CLUSTER_NETWORK_POLICY.definition()).resource(
                    new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                            .withApiVersion("policy.networking.k8s.io/v1alpha2").withKind("ClusterNetworkPolicy")
                            .withNewMetadata().withName("no-subnet-2").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("tier", "Admin", "priority", 5,
                                    "subject", Map.of("pods", Map.of("namespaceSelector", Map.of(),
                                            "podSelector", Map.of("matchLabels", Map.of("app", "client")))),
                                    "egress", List.of(Map.of("name", "deny-subnet-2", "action", "Deny",
                                            "to", List.of(Map.of("networks", List.of("10.0.2.0/24")))))))
                            .build()).create();
            capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));
        }
        ClusterSnapshot live = capture.snapshot();
        Workload inSubnet = live.workloads().stream().filter(w -> w.variant() != null).findFirst().orElseThrow(() -> new AssertionError(live.workloads()));

        assertEquals(List.of("web-5d8f-b"), inSubnet.podNames(), "the pod in the denied network is shown apart");
        assertTrue(inSubnet.variant().otherNetworks(), inSubnet.variant().toString());
        assertEquals(List.of(true, false), reaches(live, "shop/client", "shop/web"), "10.0.1.5 open, 10.0.2.9 denied");
    }

    @Test
    void credentialsRejectedDuringARunAreRetriedWithTheKubeconfigReadAgain() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            createShop(cluster, 1);
            RecordingListener listener = new RecordingListener();
            try (ClusterSource source = ClusterSource.open(cluster.options(temp), listener)) {
                listener.awaitState(ConnectionState.CONNECTED);
                cluster.stop();
                cluster.restartWith();
                cluster.answer(request -> MockCluster.status(401, "Unauthorized", "token expired"));
                ConnectionStatus rejected = listener.awaitStatus(status -> status.message().contains("reading the kubeconfig again"));
                assertEquals(ConnectionState.RECONNECTING, rejected.state());
                assertTrue(rejected.retrying(), "a token that worked may come back rotated: " + rejected);

                cluster.answerNormally();
                listener.awaitStatus(status -> status.state() == ConnectionState.CONNECTED && status != rejected
                        && listener.statuses().indexOf(status) > listener.statuses().indexOf(rejected));
            }
        }
    }
}

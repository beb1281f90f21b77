package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.netpolviz.load.Fixtures.all;
import static io.netpolviz.load.Fixtures.single;
import static io.netpolviz.load.Fixtures.workload;
import static io.netpolviz.load.Fixtures.workloadIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policies select pods by the pods' own labels: "podSelector selects the grouping of pods to
 * which the policy applies" and a peer's podSelector "selects particular Pods" (NetworkPolicy v1
 * API reference, NetworkPolicySpec and NetworkPolicyPeer). A workload's template only says what
 * labels its pods start with; pods read with it (a cluster, a {@code kubectl get -o yaml} dump)
 * say what they carry now.
 */
class PodTruthTest {

    @TempDir
    Path temp;

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
            """;

    private static String pod(String name, String labels) {
        return """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: shop
                  labels: {%s}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: u2, controller: true}]
                spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
                status: {phase: Running}
                """.formatted(name, labels);
    }

    private static final String REPLICA_SET = """
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d8f
              namespace: shop
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, pod-template-hash: 5d8f}}
                spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
            """;

    private ClusterSnapshot load(String text) {
        return Fixtures.load(Fixtures.write(temp, "cluster.yaml", text));
    }

    @Test
    void podsAsTheirTemplateStayTheWorkloadWhateverLabelsTheirControllerAdds() {
        ClusterSnapshot snapshot = load(WEB + REPLICA_SET + pod("web-5d8f-a", "app: web, pod-template-hash: 5d8f")
                + pod("web-5d8f-b", "app: web, pod-template-hash: 5d8f"));

        assertFalse(snapshot.hasErrors(), all(snapshot));
        assertEquals(List.of("Deployment shop/web"), workloadIds(snapshot));
        Workload web = workload(snapshot, "shop/web");
        assertEquals(Map.of("app", "web"), web.podLabels(), "pod-template-hash decides nothing while no policy names it");
        assertEquals(List.of("web-5d8f-a", "web-5d8f-b"), web.podNames());
        assertEquals(3, web.replicas(), "a dump that lists two of three pods still shows three");
        assertNull(web.variant());
    }

    @Test
    void aRelabelledPodIsShownApartWithWhatSetsItApart() {
        ClusterSnapshot snapshot = load(WEB + REPLICA_SET + pod("web-5d8f-a", "app: web, pod-template-hash: 5d8f")
                + pod("web-5d8f-b", "app: web, pod-template-hash: 5d8f")
                + pod("web-5d8f-c", "app: web, pod-template-hash: 5d8f, quarantine: \"true\""));

        assertEquals(List.of("Deployment shop/web", "Pod shop/web-5d8f-c"), workloadIds(snapshot));
        assertEquals(2, workload(snapshot, "shop/web").replicas());
        Workload quarantined = workload(snapshot, "shop/web-5d8f-c");
        assertEquals(Map.of("app", "web", "quarantine", "true"), quarantined.podLabels());
        assertEquals("Deployment web", quarantined.variant().owner());
        assertEquals("quarantine=true", quarantined.variant().difference());
        assertTrue(single(snapshot, Severity.NOTE, "web-5d8f-c differs").message()
                .contains("Deployment shop/web: its pod web-5d8f-c differs from its template: quarantine=true"), all(snapshot));
    }

    @Test
    void podsThatDifferAlikeAreOneNodeAndAWorkloadWithNoTemplatedPodLeftIsGone() {
        ClusterSnapshot snapshot = load(WEB.replace("replicas: 3", "replicas: 2") + REPLICA_SET
                + pod("web-5d8f-a", "app: web, quarantine: \"true\"") + pod("web-5d8f-b", "app: web, quarantine: \"true\""));

        assertEquals(List.of("Pod shop/web-5d8f-a"), workloadIds(snapshot));
        Workload quarantined = workload(snapshot, "shop/web-5d8f-a");
        assertEquals(2, quarantined.replicas());
        assertEquals(List.of("web-5d8f-a", "web-5d8f-b"), quarantined.podNames());
        assertTrue(quarantined.holdsPod("web-5d8f-b"));
        assertEquals("web", quarantined.ownerName());
    }

    @Test
    void aPodThatLostATemplateLabelOrChangedPortsIsApartToo() {
        ClusterSnapshot snapshot = load(WEB + REPLICA_SET + pod("web-5d8f-a", "app: web")
                + pod("web-5d8f-b", "tier: debug").replace("containerPort: 8080", "containerPort: 9090"));

        Workload apart = workload(snapshot, "shop/web-5d8f-b");
        assertEquals("tier=debug, without app, other ports", apart.variant().difference());
    }

    private static final String DB = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 3
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: db, image: postgres, ports: [{name: pg, containerPort: 5432}]}]}
            """;

    @Test
    void aPolicyOnAStatefulSetPodNameSplitsTheSetIntoTheReplicasItsControllerMakes() {
        // StatefulSets, "Pod Name Label": the controller labels each pod statefulset.kubernetes.io/pod-name=<set>-<ordinal>.
        ClusterSnapshot snapshot = load(DB + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: primary-only, namespace: shop}
                spec:
                  podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}
                  policyTypes: [Ingress]
                  ingress:
                  - from: [{podSelector: {matchExpressions: [{key: apps.kubernetes.io/pod-index, operator: In, values: ["1", "2"]}]}}]
                """);

        assertEquals(List.of("Pod shop/db-0", "Pod shop/db-1", "Pod shop/db-2"), workloadIds(snapshot));
        Workload primary = workload(snapshot, "shop/db-0");
        assertEquals("db-0", primary.podLabels().get("statefulset.kubernetes.io/pod-name"));
        assertEquals("0", primary.podLabels().get("apps.kubernetes.io/pod-index"));
        assertEquals("StatefulSet db", primary.variant().owner());
    }

    @Test
    void withoutAPolicyOnItsPodNamesAStatefulSetStaysOneNode() {
        ClusterSnapshot snapshot = load(DB);

        assertEquals(List.of("StatefulSet shop/db"), workloadIds(snapshot));
        assertEquals(3, workload(snapshot, "shop/db").replicas());
    }

    @Test
    void aPolicyOnAHashOnlyTheClusterKnowsIsReportedAsDecidedByTheLiveClusterOnly() {
        ClusterSnapshot snapshot = load(WEB + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: old-pods, namespace: shop}
                spec:
                  podSelector: {matchLabels: {pod-template-hash: 5d8f}}
                  policyTypes: [Ingress]
                """);

        String warning = single(snapshot, Severity.WARNING, "pod-template-hash").message();
        assertTrue(warning.startsWith("NetworkPolicy shop/old-pods selects pods by pod-template-hash"), warning);
        assertTrue(warning.contains("Deployment shop/web as a template only"), warning);
        assertTrue(warning.contains("decided by the live cluster only"), warning);
    }

    @Test
    void withThePodsReadAPolicyOnTheirHashDecidesAndNoWarningIsGiven() {
        ClusterSnapshot snapshot = load(WEB.replace("replicas: 3", "replicas: 1") + REPLICA_SET
                + pod("web-5d8f-a", "app: web, pod-template-hash: 5d8f") + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: old-pods, namespace: shop}
                spec:
                  podSelector: {matchLabels: {pod-template-hash: 5d8f}}
                  policyTypes: [Ingress]
                """);

        assertEquals(List.of("Deployment shop/web"), workloadIds(snapshot), "pods of one revision are still as templated");
        assertEquals("5d8f", workload(snapshot, "shop/web").podLabels().get("pod-template-hash"));
        assertTrue(Fixtures.withSeverity(snapshot, Severity.WARNING).isEmpty(), all(snapshot));
    }
}

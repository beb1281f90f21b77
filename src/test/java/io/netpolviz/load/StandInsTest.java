package io.netpolviz.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A folder of policies without workloads (five recipes of ahmetb/kubernetes-network-policy-recipes)
 * gets one stand-in per distinct pod selector, and the policies then decide between them as they
 * would between real pods with those labels. The verdicts below were derived by hand from the
 * Kubernetes documentation, https://kubernetes.io/docs/concepts/services-networking/network-policies/:
 * "A pod is isolated for ingress if there is any NetworkPolicy that both selects the pod and has
 * "Ingress" in its policyTypes" and "the pod is isolated for egress" likewise; "the connections
 * allowed are the union of what each applicable policy allows"; "For a connection from a source pod
 * to a destination pod to be allowed, both the egress policy on the source pod and the ingress
 * policy on the destination pod need to allow the connection."
 */
class StandInsTest {

    private static final Path RECIPES = Path.of("src/test/resources/policy-only/recipes");

    @Test
    void everyDistinctSelectorOfThePoliciesAndTheirPeersGetsOneStandIn() {
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(RECIPES));

        assertTrue(snapshot.workloads().stream().allMatch(w -> w.kind() == WorkloadKind.STAND_IN));
        assertEquals(List.of(
                "default/all pods",
                "default/pods with app=apiserver",
                "default/pods with app=bookstore",
                "default/pods with app=bookstore,role=api",
                "default/pods with app=bookstore,role=db",
                "default/pods with app=bookstore,role=search",
                "default/pods with app=foo",
                "default/pods with app=inventory,role=web",
                "default/pods with role=monitoring",
                "kube-system/pods with k8s-app=kube-dns"),
                snapshot.workloads().stream().map(Workload::id).toList());
        // The peer names kube-system by its name label: the namespace is assumed, as any namespace the loader meets.
        assertTrue(snapshot.namespace("kube-system").orElseThrow().implicit());
        assertTrue(snapshot.diagnostics().stream().anyMatch(d -> d.message().contains("10 stand-ins")), snapshot.diagnostics().toString());
        Workload api = workload(snapshot, "default/pods with app=apiserver");
        assertEquals(Map.of("app", "apiserver"), api.podLabels());
        assertEquals(List.of(5000), api.ports().stream().map(p -> p.port()).toList(), "the port its policy admits");
    }

    @Test
    void thePoliciesDecideBetweenStandInsAsBetweenRealPods() {
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(RECIPES));
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();

        // api-allow admits every app=bookstore pod; nothing isolates the search pods' egress.
        assertTrue(allowed(evaluation, "default/pods with app=bookstore,role=search", "default/pods with app=bookstore,role=api", 8080));
        // default-deny-all isolates every pod of default; inventory is not app=bookstore.
        assertFalse(allowed(evaluation, "default/pods with app=inventory,role=web", "default/pods with app=bookstore,role=api", 8080));
        // redis-allow-services admits inventory's web pods by their two labels.
        assertTrue(allowed(evaluation, "default/pods with app=inventory,role=web", "default/pods with app=bookstore,role=db", 6379));
        // api-allow-5000: monitoring on 5000 only.
        assertTrue(allowed(evaluation, "default/pods with role=monitoring", "default/pods with app=apiserver", 5000));
        assertFalse(allowed(evaluation, "default/pods with role=monitoring", "default/pods with app=apiserver", 80));
        // foo-deny-egress: DNS to kube-dns and nothing else.
        assertTrue(allowed(evaluation, "default/pods with app=foo", "kube-system/pods with k8s-app=kube-dns", 53, Protocol.UDP));
        assertFalse(allowed(evaluation, "default/pods with app=foo", "default/pods with app=apiserver", 5000));
    }

    @Test
    void anInputWithAWorkloadGetsNoStandIns() {
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(Path.of("sample-clusters/01-tutorial/1-wide-open"),
                Path.of("sample-clusters/01-tutorial/2-deny-all")));

        assertTrue(snapshot.workloads().stream().noneMatch(w -> w.kind() == WorkloadKind.STAND_IN));
        assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.message().contains("stand-in")));
    }

    @Test
    void aStandInCarriesExactlyTheLabelsItsSelectorAsksFor() {
        LabelSelector selector = new LabelSelector(Map.of("app", "web"), List.of(
                new LabelRequirement("tier", SelectorOperator.IN, List.of("front", "edge")),
                new LabelRequirement("debug", SelectorOperator.DOES_NOT_EXIST, List.of()),
                new LabelRequirement("team", SelectorOperator.EXISTS, List.of())));

        assertEquals(Map.of("app", "web", "tier", "front", "team", "any"), StandIns.labelsFor(selector));
        assertEquals("pods with app=web,tier in (front,edge),!debug,team", StandIns.name(selector));
        assertEquals("all pods", StandIns.name(LabelSelector.EVERYTHING));
        // No pod can match a selector that contradicts itself: no stand-in.
        assertNull(StandIns.labelsFor(new LabelSelector(Map.of("app", "web"),
                List.of(new LabelRequirement("app", SelectorOperator.DOES_NOT_EXIST, List.of())))));
    }

    private static Workload workload(ClusterSnapshot snapshot, String id) {
        return snapshot.workloads().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean allowed(Evaluation evaluation, String from, String to, int port) {
        return allowed(evaluation, from, to, port, Protocol.TCP);
    }

    private static boolean allowed(Evaluation evaluation, String from, String to, int port, Protocol protocol) {
        Endpoint source = evaluation.engine().resolve(from).orElseThrow(() -> new AssertionError("no endpoint " + from));
        Endpoint destination = evaluation.engine().resolve(to).orElseThrow(() -> new AssertionError("no endpoint " + to));
        return evaluation.verdict(source, destination, protocol, port).allowed();
    }
}

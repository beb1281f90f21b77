package io.netpolviz.policy;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds the mistakes the tutorial warns about and learners make, for the switched-on policies. */
public final class PolicyLint {

    private static final int DNS_PORT = 53;

    private PolicyLint() {
    }

    public static List<LintFinding> lint(Evaluation evaluation) {
        List<LintFinding> findings = new ArrayList<>();
        PolicyEngine engine = evaluation.engine();
        for (CompiledPolicy policy : engine.policies()) {
            if (!evaluation.isSwitchedOn(policy.id()) || policy.isCilium()) {
                // A Cilium part's shape is not a NetworkPolicy's: these NetworkPolicy checks would misname it.
                continue;
            }
            lintSelection(engine, policy, findings);
            lintPeers(engine, policy, findings);
            lintNamedPorts(engine, policy, findings);
        }
        findings.addAll(TierLint.lint(evaluation));
        findings.addAll(CalicoLint.lint(evaluation));
        findings.addAll(CiliumLint.lint(evaluation));
        lintHalfOpenPaths(evaluation, findings);
        lintDns(evaluation, findings);
        return List.copyOf(findings);
    }

    private static void lintSelection(PolicyEngine engine, CompiledPolicy policy, List<LintFinding> findings) {
        if (policy.selectedClasses().isEmpty()) {
            findings.add(new LintFinding(LintFinding.Kind.SELECTS_NO_POD, Severity.WARNING,
                    policy.id() + " selects no pod: its podSelector " + policy.source().podSelector().display()
                            + " matches nothing in namespace " + policy.id().namespace() + ", so it has no effect. "
                            + OperatorLabels.named(policy.source().podSelector()).map(label -> "Its label " + label
                                    + " is one an operator sets on the pods it creates: the pods are probably made by an operator"
                                    + " (from its custom resource) once it runs, so no manifest here holds them. ").orElse("")
                            + whyNothing(engine, policy.id().namespace()),
                    policy.id(), List.of()));
        }
    }

    /**
     * The classic surprise behind a policy that selects nothing: its namespace holds no pods at all,
     * typically because the manifest has no namespace (so kubectl, and NetPolViz, put it in
     * {@code default}) while kustomize or {@code kubectl apply -n} would have set it.
     */
    private static String whyNothing(PolicyEngine engine, String namespace) {
        boolean podsThere = engine.workloadEndpoints().stream().anyMatch(pods -> pods.workload().namespace().equals(namespace));
        if (podsThere) {
            return "Check the labels.";
        }
        List<String> elsewhere = engine.workloadEndpoints().stream().map(pods -> pods.workload().namespace()).distinct().sorted()
                .limit(4).toList();
        if (elsewhere.isEmpty()) {
            return "No pods are known at all: these manifests hold policies but no workloads.";
        }
        return "Namespace " + namespace + " holds no pods; they are in " + String.join(", ", elsewhere)
                + (namespace.equals("default") ? ". A manifest without metadata.namespace lands in default: if the namespace comes from"
                        + " kustomize (namespace:) or kubectl apply -n, render or set it first." : ". Check the policy's namespace.");
    }

    private static void lintPeers(PolicyEngine engine, CompiledPolicy policy, List<LintFinding> findings) {
        for (PolicyType direction : PolicyType.values()) {
            for (CompiledRule rule : policy.rules(direction)) {
                for (PolicyPeer peer : rule.source().peers()) {
                    if (peer.ipBlock() == null && engine.matchPeer(policy.id().namespace(), peer).isEmpty()) {
                        findings.add(new LintFinding(LintFinding.Kind.PEER_MATCHES_NOTHING, Severity.WARNING,
                                rule.ref().display() + ": the peer \"" + peer.display() + "\" matches no pod. Check the pod and namespace labels.",
                                policy.id(), List.of()));
                    }
                }
            }
        }
    }

    private static void lintNamedPorts(PolicyEngine engine, CompiledPolicy policy, List<LintFinding> findings) {
        for (PolicyType direction : PolicyType.values()) {
            for (CompiledRule rule : policy.rules(direction)) {
                // Named ports resolve at the destination: the selected pods for ingress, the peers for egress.
                BitSet destinations = direction == PolicyType.INGRESS ? policy.selectedClasses() : destinationsOf(engine, rule);
                for (PolicyPort port : rule.namedPorts()) {
                    if (!declaredAnywhere(engine, destinations, port)) {
                        findings.add(new LintFinding(LintFinding.Kind.NAMED_PORT_UNDECLARED, Severity.WARNING,
                                rule.ref().display() + ": no " + (direction == PolicyType.INGRESS ? "selected" : "destination")
                                        + " pod declares a container port named '" + port.port().name() + "' with protocol " + port.protocol()
                                        + ", so this port admits nothing.",
                                policy.id(), List.of()));
                    }
                }
            }
        }
    }

    private static BitSet destinationsOf(PolicyEngine engine, CompiledRule rule) {
        if (!rule.allPeers()) {
            return rule.peerClasses();
        }
        BitSet all = new BitSet();
        all.set(0, engine.classes().size());
        return all;
    }

    private static boolean declaredAnywhere(PolicyEngine engine, BitSet classes, PolicyPort port) {
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            for (ContainerPort declared : engine.classes().get(c).ports()) {
                if (port.port().name().equals(declared.name()) && port.protocol() == declared.protocol()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A path one side opens on purpose and the other side closes: the tutorial's own mistake,
     * where backend-api admits frontend but deny-all isolates frontend's egress. On purpose means
     * by a NetworkPolicy rule that names the peer ({@link NamedPeerPorts}), not one that admits every pod.
     */
    private static void lintHalfOpenPaths(Evaluation evaluation, List<LintFinding> findings) {
        PolicyEngine engine = evaluation.engine();
        List<Endpoint.Pods> pods = List.copyOf(engine.workloadEndpoints());
        for (Endpoint.Pods source : pods) {
            for (Endpoint.Pods destination : pods) {
                PortSet ingress = evaluation.ingressPorts(source, destination);
                PortSet egress = evaluation.egressPorts(source, destination);
                boolean ingressOpenedByRule = evaluation.isIsolated(destination.podClass(), PolicyType.INGRESS) && !ingress.isEmpty();
                boolean egressOpenedByRule = evaluation.isIsolated(source.podClass(), PolicyType.EGRESS) && !egress.isEmpty();
                if (ingressOpenedByRule) {
                    PortSet lost = difference(ingress, egress);
                    // Only what a rule admits for this source by name: "every pod" rules were not written for it.
                    lost = lost.isEmpty() ? lost : lost.intersect(NamedPeerPorts.ofNetworkPolicies(evaluation, destination.podClass(), PolicyType.INGRESS, source, destination));
                    if (!lost.isEmpty()) {
                        Set<PolicyId> blockers = new TreeSet<>();
                        evaluation.isolatingPolicies(source.podClass(), PolicyType.EGRESS).forEach(p -> blockers.add(p.id()));
                        findings.add(new LintFinding(LintFinding.Kind.HALF_OPEN_PATH, Severity.WARNING,
                                destination.id() + " admits " + source.id() + " on " + lost.display() + ", but " + source.id()
                                        + "'s egress is isolated by " + joinIds(blockers) + " and does not allow it, so the connection is blocked."
                                        + " Add an egress rule for " + source.id() + ".",
                                blockers.isEmpty() ? null : blockers.iterator().next(), List.of(source.id(), destination.id())));
                    }
                }
                if (egressOpenedByRule) {
                    PortSet lost = difference(egress, ingress);
                    lost = lost.isEmpty() ? lost : lost.intersect(NamedPeerPorts.ofNetworkPolicies(evaluation, source.podClass(), PolicyType.EGRESS, destination, destination));
                    if (!lost.isEmpty() && !lost.isAll()) {
                        Set<PolicyId> blockers = new TreeSet<>();
                        evaluation.isolatingPolicies(destination.podClass(), PolicyType.INGRESS).forEach(p -> blockers.add(p.id()));
                        findings.add(new LintFinding(LintFinding.Kind.HALF_OPEN_PATH, Severity.WARNING,
                                source.id() + " may send to " + destination.id() + " on " + lost.display() + ", but " + destination.id()
                                        + "'s ingress is isolated by " + joinIds(blockers) + " and does not admit it, so the connection is blocked."
                                        + " Add an ingress rule for " + destination.id() + ".",
                                blockers.isEmpty() ? null : blockers.iterator().next(), List.of(source.id(), destination.id())));
                    }
                }
            }
        }
    }

    /**
     * Ports in {@code wanted} that {@code allowed} lacks. Only explicit ports count: a rule that
     * allows all ports toward a pod would otherwise flag every other port as "lost".
     */
    private static PortSet difference(PortSet wanted, PortSet allowed) {
        if (wanted.isAll()) {
            return allowed.isEmpty() ? PortSet.ALL : PortSet.NONE;
        }
        List<PortRange> missing = new ArrayList<>();
        for (PortRange range : wanted.ranges()) {
            if (!allowed.containsAll(range)) {
                missing.add(range);
            }
        }
        return PortSet.of(missing);
    }

    private static void lintDns(Evaluation evaluation, List<LintFinding> findings) {
        PolicyEngine engine = evaluation.engine();
        for (PodClass podClass : engine.classes()) {
            if (!evaluation.isIsolated(podClass, PolicyType.EGRESS) || allowsDnsSomewhere(evaluation, podClass)) {
                continue;
            }
            Set<PolicyId> isolating = new TreeSet<>();
            evaluation.isolatingPolicies(podClass, PolicyType.EGRESS).forEach(p -> isolating.add(p.id()));
            List<String> ids = podClass.workloads().stream().map(w -> w.id()).sorted().toList();
            findings.add(new LintFinding(LintFinding.Kind.EGRESS_WITHOUT_DNS, Severity.WARNING,
                    String.join(", ", ids) + ": egress is isolated by " + joinIds(isolating)
                            + " and no rule allows DNS (UDP and TCP 53), so name lookups fail. Add an egress rule to kube-system on port 53.",
                    isolating.iterator().next(), ids));
        }
    }

    private static boolean allowsDnsSomewhere(Evaluation evaluation, PodClass podClass) {
        Endpoint.Pods source = new Endpoint.Pods(podClass.workloads().get(0), podClass);
        List<Endpoint> destinations = new ArrayList<>(evaluation.engine().workloadEndpoints());
        destinations.add(Endpoint.External.anyIpv4());
        for (Endpoint destination : destinations) {
            if (evaluation.egressPorts(source, destination).contains(Protocol.UDP, DNS_PORT)) {
                return true;
            }
        }
        return false;
    }

    private static String joinIds(Set<PolicyId> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids.stream().map(PolicyId::toString).toList());
    }
}

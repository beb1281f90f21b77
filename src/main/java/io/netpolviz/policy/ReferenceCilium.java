package io.netpolviz.policy;

import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Cilium's policies read literally for {@link ReferenceEvaluator}, one connection at a time: does
 * a switched-on deny rule match, does a spec put the side into default deny, does an allow rule
 * match. Written from the documentation, not from {@link CiliumCompiler}: endpoint selectors
 * never match host-network pods, {@code cluster} matches every pod, CIDRs and {@code world}
 * only addresses outside the cluster, a rule with ports and no peer field every peer.
 */
final class ReferenceCilium {

    private final ClusterSnapshot snapshot;
    private final Set<PolicyId> switchedOff;
    private final Function<String, Map<String, String>> namespaceLabels;

    ReferenceCilium(ClusterSnapshot snapshot, Set<PolicyId> switchedOff, Function<String, Map<String, String>> namespaceLabels) {
        this.snapshot = snapshot;
        this.switchedOff = switchedOff;
        this.namespaceLabels = namespaceLabels;
    }

    boolean denies(Workload subject, PolicyType direction, ReferenceEvaluator.Peer other, ReferenceEvaluator.Peer destination,
            Protocol protocol, int port) {
        return anyMatches(subject, spec -> spec.denies(direction), other, destination, protocol, port);
    }

    boolean isolates(Workload subject, PolicyType direction) {
        return selecting(subject).stream().anyMatch(spec -> spec.defaultDeny(direction));
    }

    boolean allows(Workload subject, PolicyType direction, ReferenceEvaluator.Peer other, ReferenceEvaluator.Peer destination,
            Protocol protocol, int port) {
        return anyMatches(subject, spec -> spec.allows(direction), other, destination, protocol, port);
    }

    /** Whether some rule of the lists {@code rules} picks from the specs selecting {@code subject} matches. */
    private boolean anyMatches(Workload subject, Function<CiliumSpec, java.util.List<CiliumRule>> rules, ReferenceEvaluator.Peer other,
            ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        return selecting(subject).stream().flatMap(spec -> rules.apply(spec).stream())
                .anyMatch(rule -> matches(rule, other, destination, protocol, port));
    }

    private java.util.List<CiliumSpec> selecting(Workload subject) {
        return snapshot.ciliumPolicies().stream()
                .filter(policy -> !switchedOff.contains(policy.id()))
                .flatMap(policy -> policy.specs().stream())
                .filter(spec -> !spec.nodeSelector() && isEndpoint(spec.subject(), subject))
                .toList();
    }

    private boolean isEndpoint(ClusterPolicySubject selector, Workload pod) {
        return !pod.hostNetwork() && selector.namespaces().matches(namespaceLabels.apply(pod.namespace()))
                && selector.pods().matches(pod.podLabels());
    }

    private boolean matches(CiliumRule rule, ReferenceEvaluator.Peer other, ReferenceEvaluator.Peer destination, Protocol protocol,
            int port) {
        return peerMatches(rule, other) && ReferenceTiers.portsMatch(rule.ports(), destination, protocol, port);
    }

    private boolean peerMatches(CiliumRule rule, ReferenceEvaluator.Peer other) {
        if (rule.anyPeer()) {
            return true;
        }
        if (other.workload() != null) {
            return rule.cluster() || rule.endpoints().stream().anyMatch(selector -> isEndpoint(selector, other.workload()));
        }
        return rule.world() || rule.cidrs().stream().anyMatch((IpBlock block) -> block.contains(other.address()));
    }

    /** Whether the snapshot holds any Cilium policy (a fast way out for every other cluster). */
    boolean any() {
        return !snapshot.ciliumPolicies().isEmpty();
    }
}

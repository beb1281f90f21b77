package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of one connection for an {@link Evaluation}, read endpoint by endpoint: the ports it
 * allows, and the full reasoning for one port ({@link SideVerdict}). With Calico policies both
 * come from walking every ordered tier ({@link ChainWalk}).
 */
final class SideDecisions {

    private SideDecisions() {
    }

    static PortSet sidePorts(Evaluation evaluation, PodClass subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        if (subject.hostNetwork()) {
            return PortSet.ALL;
        }
        if (evaluation.engine().hasCalico()) {
            return ChainWalk.of(evaluation, subject, direction, peer, destination, null, 0).allowedPorts();
        }
        TierWalk admin = TierWalk.of(evaluation, PolicyTier.ADMIN, subject, direction, peer, destination);
        PortSet below;
        if (evaluation.isolatingIndices(direction, subject.index()).length > 0) {
            below = networkPolicyPorts(evaluation, subject, direction, peer, destination);
        } else {
            below = TierWalk.of(evaluation, PolicyTier.BASELINE, subject, direction, peer, destination).allowedWithDefault();
        }
        PortSet undecided = admin.undecided();
        return undecided == PortSet.ALL ? below : admin.allowed().union(undecided.intersect(below));
    }

    /** What the NetworkPolicies isolating {@code subject} in {@code direction} admit. */
    private static PortSet networkPolicyPorts(Evaluation evaluation, PodClass subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        PortSet allowed = PortSet.NONE;
        for (int p : evaluation.isolatingIndices(direction, subject.index())) {
            for (CompiledRule rule : evaluation.engine().policies().get(p).rules(direction)) {
                if (rule.matches(peer)) {
                    allowed = allowed.union(rule.portsToward(destination));
                    if (allowed.isAll()) {
                        return allowed;
                    }
                }
            }
        }
        return allowed;
    }

    static SideVerdict side(Evaluation evaluation, Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination, Protocol protocol, int port) {
        if (!(subject instanceof Endpoint.Pods pods)) {
            return new SideVerdict(direction, Governance.EXTERNAL, List.of(), List.of(), List.of(), List.of());
        }
        PodClass podClass = pods.podClass();
        List<PolicyId> switchedOff = new ArrayList<>();
        for (CompiledPolicy policy : evaluation.engine().policies()) {
            if (!evaluation.isEnabled(policy.index()) && policy.isolates(direction) && policy.selects(podClass.index())) {
                switchedOff.add(policy.id());
            }
        }
        for (CompiledTierPolicy policy : evaluation.engine().tierPolicies()) {
            if (!evaluation.isTierEnabled(policy.index()) && policy.selects(podClass.index()) && !policy.rules(direction).isEmpty()) {
                switchedOff.add(policy.id());
            }
        }
        for (CompiledCalicoPolicy policy : evaluation.engine().calicoPolicies()) {
            if (!evaluation.isCalicoEnabled(policy.index()) && policy.selects(podClass.index(), direction)) {
                switchedOff.add(policy.id());
            }
        }
        switchedOff = switchedOff.stream().distinct().toList(); // a Cilium policy's parts share its id
        if (podClass.hostNetwork()) {
            return new SideVerdict(direction, Governance.HOST_NETWORK, List.of(), List.of(), List.of(), switchedOff);
        }
        if (Evaluation.isSelf(subject, peer)) {
            return new SideVerdict(direction, Governance.SELF, List.of(), List.of(), List.of(), List.of());
        }
        List<TierRuleRef> undecidable = new ArrayList<>();
        TierRuleRef adminRule = TierWalk.firstMatch(evaluation, PolicyTier.ADMIN, podClass, direction, peer, destination, protocol, port,
                undecidable);
        List<PolicyId> isolatingIds = new ArrayList<>();
        List<RuleRef> admitting = new ArrayList<>();
        List<RuleRef> peerOnly = new ArrayList<>();
        for (CompiledPolicy policy : evaluation.isolatingPolicies(podClass, direction)) {
            if (policy.isolates(direction) && !isolatingIds.contains(policy.id())) { // Cilium parts that only contribute rules do not isolate
                isolatingIds.add(policy.id());
            }
            for (CompiledRule rule : policy.rules(direction)) {
                if (!rule.matches(peer)) {
                    continue;
                }
                if (rule.portsToward(destination).contains(protocol, port)) {
                    admitting.add(rule.ref());
                } else {
                    peerOnly.add(rule.ref());
                }
            }
        }
        boolean adminFinal = adminRule != null && adminRule.action() != RuleAction.PASS;
        TierRuleRef baselineRule = adminFinal || !isolatingIds.isEmpty() ? null
                : TierWalk.firstMatch(evaluation, PolicyTier.BASELINE, podClass, direction, peer, destination, protocol, port, undecidable);
        SideVerdict layered = new SideVerdict(direction, Governance.POD, isolatingIds, admitting, peerOnly, switchedOff, adminRule,
                baselineRule, undecidable);
        return evaluation.engine().hasCalico() ? CalicoDecision.onto(layered, ChainWalk.of(evaluation, podClass, direction, peer, destination, protocol, port))
                : layered;
    }
}

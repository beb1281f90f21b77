package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;

/**
 * The Admin tier's say on traffic from an address outside the cluster into a pod. Only rules
 * that name addresses on ingress can match such a source — today Cilium's {@code ingressDeny}
 * rules with CIDRs, {@code world} or no peer at all — so a cluster without them skips this
 * ({@code TierIndex.externalIngress}). Which rule covers which external peer is answered once, in
 * the indexes, not for every destination class again.
 * The fast form of what {@link TierWalk} does for one verdict; the NetworkPolicy layer's part is here too.
 */
final class ExternalTierIngress {

    private ExternalTierIngress() {
    }

    /**
     * The ports the Admin tier {allowed, denied, left to the layers below} from external peer
     * {@code external} into {@code destination}.
     */
    static PortSet[] decided(Evaluation evaluation, TierIndex tiers, int external, PodClass destination) {
        PortSet open = PortSet.ALL;
        PortSet allowed = PortSet.NONE;
        PortSet denied = PortSet.NONE;
        // Most policies have no rule for addresses at all: only those that do are listed.
        for (int t : tiers.adminIngressFromExternal[tiers.ingressList[destination.index()]][external]) {
            if (!evaluation.isTierEnabled(t)) {
                continue;
            }
            CompiledTierPolicy policy = tiers.policies.get(t);
            java.util.List<CompiledTierRule> rules = policy.rules(PolicyType.INGRESS);
            for (int r = 0; r < rules.size(); r++) {
                if (open.isEmpty()) {
                    return withLeft(allowed, denied);
                }
                if (!tiers.ingressMatchesExternal[t][r][external]) {
                    continue;
                }
                CompiledTierRule rule = rules.get(r);
                PortSet hit = open.intersect(rule.portsToward(destination));
                if (rule.ref().action() == RuleAction.ALLOW) {
                    allowed = allowed.union(hit);
                } else if (rule.ref().action() == RuleAction.DENY) {
                    denied = denied.union(hit);
                }
                open = open.minus(hit);
            }
        }
        return withLeft(allowed, denied);
    }

    /** {allowed, denied, left}: a port a rule passed is left to the layers below as one no rule matched is. */
    private static PortSet[] withLeft(PortSet allowed, PortSet denied) {
        return new PortSet[] {allowed, denied, PortSet.ALL.minus(allowed).minus(denied)};
    }

    /** What the tier {@code decided} ({allowed, denied, left}) and what it left that {@code below} allows. */
    static PortSet withBelow(PortSet[] decided, PortSet below) {
        PortSet allowed = decided[0];
        PortSet left = decided[2];
        return left.isEmpty() ? allowed : allowed.union(left.intersect(below));
    }

    /** What the NetworkPolicy layer lets external peer {@code external} send to class {@code destination}. */
    static PortSet networkPolicies(Evaluation evaluation, ConnectivityIndex index, int external, int destination) {
        int[] isolating = evaluation.isolatingIndices(PolicyType.INGRESS, destination);
        if (isolating.length == 0) {
            return PortSet.ALL;
        }
        PortSet allowed = PortSet.NONE;
        boolean[] admits = index.admitsExternal[external];
        for (int p : isolating) {
            if (!admits[p]) {
                continue;
            }
            int[] admitting = index.ingressRulesAdmittingExternal[p][external];
            java.util.List<CompiledRule> rules = evaluation.engine().policies().get(p).rules(PolicyType.INGRESS);
            for (int r : admitting) {
                allowed = allowed.union(index.ingressPorts(p, r, rules.get(r), destination));
            }
        }
        return allowed;
    }
}

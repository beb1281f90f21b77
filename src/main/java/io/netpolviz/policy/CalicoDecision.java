package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import java.util.List;

/**
 * What Calico's tiers did to one side of one connection on one port: the rule that decided
 * ({@code rule}), or the default action of the tier whose policies apply ({@code tier} with
 * {@code tierPolicies}); the rules that passed it on and those only the data plane can decide.
 * {@code decided} is false when Calico's tiers left the port to the other layers.
 *
 * @param tierOrder the deciding tier's order, for explanations
 */
public record CalicoDecision(boolean decided, boolean allows, CalicoRuleRef rule, String tier, double tierOrder,
        List<PolicyId> tierPolicies, List<CalicoRuleRef> passes, List<CalicoRuleRef> runTime) {

    public CalicoDecision {
        tierPolicies = List.copyOf(tierPolicies);
        passes = List.copyOf(passes);
        runTime = List.copyOf(runTime);
    }

    /** The side as the layered reading gave it, with what the walk through every tier found. */
    static SideVerdict onto(SideVerdict layered, ChainWalk walk) {
        boolean calicoRule = walk.step == ChainWalk.Step.CALICO_RULE;
        boolean calicoDefault = walk.step == ChainWalk.Step.TIER_DEFAULT
                && walk.tierPolicies.stream().anyMatch(id -> !isNetworkPolicy(id, walk));
        // A pass can skip the NetworkPolicies' tier: then the layered reading would not match the walk.
        boolean decided = calicoRule || calicoDefault || layered.allows() != walk.probeAllowed;
        String tier = walk.defaultTier == null ? "" : walk.defaultTier.name();
        double order = walk.defaultTier == null ? 0 : walk.defaultTier.order();
        CalicoDecision decision = new CalicoDecision(decided, walk.probeAllowed, walk.calicoRule, tier, order, walk.tierPolicies,
                walk.passes, walk.runTime);
        if (!decided && decision.passes().isEmpty() && decision.runTime().isEmpty()) {
            return layered;
        }
        return layered.withCalico(decision);
    }

    private static boolean isNetworkPolicy(PolicyId id, ChainWalk walk) {
        return !id.namespace().startsWith(io.netpolviz.model.CalicoPolicy.NAMESPACED_PREFIX)
                && !id.namespace().equals(io.netpolviz.model.CalicoPolicy.GLOBAL_NETWORK_POLICY);
    }

    /** {@code the default action of tier security (order 100) denies it: GlobalNetworkPolicy/default-deny applies here}. */
    public String display() {
        if (rule != null) {
            return rule.display();
        }
        if (!tier.isEmpty()) {
            return "tier " + tier + " (order " + io.netpolviz.model.CalicoPolicy.orderText(tierOrder) + ") ends with its default"
                    + " action, Deny, for endpoints its policies apply to (" + String.join(", ", tierPolicies.stream()
                    .map(PolicyId::toString).toList()) + ") and no rule matched";
        }
        return passes.isEmpty() ? "Calico's tiers" : passes.get(passes.size() - 1).display() + " passed it on, and no later tier"
                + (allows ? " denied it" : " allowed it");
    }
}

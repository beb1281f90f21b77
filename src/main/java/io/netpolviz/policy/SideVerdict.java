package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.List;

/**
 * One side of a connection: the source's egress or the destination's ingress, decided by the
 * first layer that decides. The Admin tier's first matching rule (Allow and Deny are final, Pass
 * goes on); then NetworkPolicies, final for a pod they isolate in this direction (an isolated
 * side allows the connection only if some rule of those policies admits the peer on the port);
 * then the Baseline tier's first matching rule; then the default, allow.
 *
 * @param isolatingPolicies switched-on NetworkPolicies that select the pod and isolate this direction
 * @param admittingRules NetworkPolicy rules that admit this peer on this port
 * @param peerMatchedRules NetworkPolicy rules whose peers match but whose ports do not include this port
 * @param switchedOffPolicies switched-off policies (of any kind) that would apply to this side if switched on
 * @param adminRule the Admin tier's first rule that matches this peer and port; null when none does
 * @param baselineRule the Baseline tier's first rule that matches; null when none does or it is never consulted
 * @param calico what Calico's tiers did, when Calico policies take part (null otherwise)
 * @param undecidableRules rules before the deciding one that name nodes or domain names, which
 *     the manifests cannot resolve: if they matched, the answer could differ
 */
public record SideVerdict(
        PolicyType direction,
        Governance governance,
        List<PolicyId> isolatingPolicies,
        List<RuleRef> admittingRules,
        List<RuleRef> peerMatchedRules,
        List<PolicyId> switchedOffPolicies,
        TierRuleRef adminRule,
        TierRuleRef baselineRule,
        List<TierRuleRef> undecidableRules,
        CalicoDecision calico) {

    /** The layer that decided a side; CALICO_TIER covers a Calico rule, a Calico tier's default action, and passes around the others. */
    public enum Layer { NOT_GOVERNED, ADMIN_TIER, NETWORK_POLICY, BASELINE_TIER, CALICO_TIER, DEFAULT }

    /** A side that Calico's tiers did not touch. */
    public SideVerdict(PolicyType direction, Governance governance, List<PolicyId> isolatingPolicies, List<RuleRef> admittingRules,
            List<RuleRef> peerMatchedRules, List<PolicyId> switchedOffPolicies, TierRuleRef adminRule, TierRuleRef baselineRule,
            List<TierRuleRef> undecidableRules) {
        this(direction, governance, isolatingPolicies, admittingRules, peerMatchedRules, switchedOffPolicies, adminRule, baselineRule,
                undecidableRules, null);
    }

    SideVerdict withCalico(CalicoDecision decision) {
        return new SideVerdict(direction, governance, isolatingPolicies, admittingRules, peerMatchedRules, switchedOffPolicies,
                adminRule, baselineRule, undecidableRules, decision);
    }

    public SideVerdict {
        isolatingPolicies = List.copyOf(isolatingPolicies);
        admittingRules = List.copyOf(admittingRules);
        peerMatchedRules = List.copyOf(peerMatchedRules);
        switchedOffPolicies = List.copyOf(switchedOffPolicies);
        undecidableRules = undecidableRules == null ? List.of() : List.copyOf(undecidableRules);
    }

    /** A side no cluster-wide policy touches. */
    public SideVerdict(PolicyType direction, Governance governance, List<PolicyId> isolatingPolicies, List<RuleRef> admittingRules,
            List<RuleRef> peerMatchedRules, List<PolicyId> switchedOffPolicies) {
        this(direction, governance, isolatingPolicies, admittingRules, peerMatchedRules, switchedOffPolicies, null, null, List.of());
    }

    /** Whether NetworkPolicies isolate this side (they decide only when the Admin tier did not). */
    public boolean isolated() {
        return governance == Governance.POD && !isolatingPolicies.isEmpty();
    }

    public Layer decidedBy() {
        if (governance != Governance.POD) {
            return Layer.NOT_GOVERNED;
        }
        if (calico != null && calico.decided()) {
            return Layer.CALICO_TIER;
        }
        if (adminRule != null && adminRule.action() != RuleAction.PASS) {
            return Layer.ADMIN_TIER;
        }
        if (isolated()) {
            return Layer.NETWORK_POLICY;
        }
        if (baselineRule != null && baselineRule.action() != RuleAction.PASS) {
            return Layer.BASELINE_TIER;
        }
        return Layer.DEFAULT;
    }

    public boolean allows() {
        return switch (decidedBy()) {
            case NOT_GOVERNED, DEFAULT -> true;
            case ADMIN_TIER -> adminRule.action() == RuleAction.ALLOW;
            case NETWORK_POLICY -> !admittingRules.isEmpty();
            case BASELINE_TIER -> baselineRule.action() == RuleAction.ALLOW;
            case CALICO_TIER -> calico.allows();
        };
    }
}

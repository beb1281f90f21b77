package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import java.util.List;

/**
 * A mistake learners make, found in the current evaluation: what kind, how much it matters, a
 * plain message, the policy involved (may be null) and the endpoints it concerns.
 */
public record LintFinding(Kind kind, Severity severity, String message, PolicyId policy, List<String> endpointIds) {

    public LintFinding {
        endpointIds = List.copyOf(endpointIds);
    }

    /** The kinds of finding, each one a mistake the tutorial warns about or learners make. */
    public enum Kind {
        /** An ingress rule admits a source whose own egress blocks the connection, or the reverse. */
        HALF_OPEN_PATH,
        /** Egress is isolated and DNS (port 53) is not allowed anywhere. */
        EGRESS_WITHOUT_DNS,
        /** The policy's podSelector matches no pod in its namespace. */
        SELECTS_NO_POD,
        /** A rule peer's selectors match no pod at all. */
        PEER_MATCHES_NOTHING,
        /** A rule names a port that no pod it could apply to declares. */
        NAMED_PORT_UNDECLARED,
        /** Two cluster-wide policies of one tier share a priority and overlapping rules with different actions. */
        SAME_PRIORITY_OVERLAP,
        /** A Pass rule hands traffic on, but nothing below decides: the default allows it. */
        PASS_DECIDES_NOTHING,
        /** An earlier rule of the tier (this policy's or one with a lower priority number) already decides all a rule matches. */
        SHADOWED_TIER_RULE,
        /** An Admin-tier Deny covers everything a NetworkPolicy rule admits: that rule can never take effect. */
        NETWORK_POLICY_RULE_OVERRIDDEN,
        /** A rule names nodes or domain names, or CIDRs (Calico nets and network sets too) that pods without a known address cannot be matched against. */
        TIER_PEER_UNDECIDABLE,
        /** A Calico rule comes after one of its policy that matches every packet: it can never match. */
        UNREACHABLE_CALICO_RULE,
        /** A Calico Pass rule in the last tier: no tier after it decides, so what it passes is allowed. */
        PASS_IN_LAST_TIER,
        /** A Cilium deny rule covers everything an allow rule (Cilium's or a NetworkPolicy's) admits: that rule can never take effect. */
        CILIUM_ALLOW_DENIED
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;

/** A rule of a policy: its direction and its 0-based index in that direction's list. */
public record RuleRef(PolicyId policy, PolicyType direction, int index) implements Comparable<RuleRef> {

    /** {@code production/allow-web ingress rule #0}. */
    public String display() {
        if (io.netpolviz.model.CiliumPolicy.isCilium(policy)) {
            return io.netpolviz.model.CiliumPolicy.display(policy) + ", " + ruleName();
        }
        return policy + " " + ruleName();
    }

    /**
     * The rule within its policy: {@code ingress rule #0} for a NetworkPolicy (0-based, as the
     * rest of NetPolViz counts them), {@code egress rule 1} for Cilium's (1-based, as its own
     * explanations count), so one explanation never numbers a rule two ways.
     */
    public String ruleName() {
        return io.netpolviz.model.CiliumPolicy.isCilium(policy) ? io.netpolviz.model.CiliumRule.name(direction, false, index)
                : direction.apiName().toLowerCase(java.util.Locale.ROOT) + " rule #" + index;
    }

    @Override
    public int compareTo(RuleRef other) {
        int byPolicy = policy.compareTo(other.policy);
        if (byPolicy != 0) {
            return byPolicy;
        }
        int byDirection = direction.compareTo(other.direction);
        return byDirection != 0 ? byDirection : Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return display();
    }
}

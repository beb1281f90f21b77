package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.Locale;

/**
 * A rule of an ordered tier, with everything an explanation names: the tier, the policy and its
 * priority, the rule's direction, 0-based index and name (empty when unnamed), and its action.
 */
public record TierRuleRef(PolicyTier tier, PolicyId policy, int priority, PolicyType direction, int index, String name,
        RuleAction action) {

    /** {@code rule `deny-from-staging`}, or {@code ingress rule #0} for an unnamed rule. */
    public String ruleDisplay() {
        return name.isEmpty() ? direction.apiName().toLowerCase(Locale.ROOT) + " rule #" + index : "rule `" + name + "`";
    }

    /** {@code Admin tier: `cluster-deny-monitoring` (priority 10) rule `deny-from-staging`}. */
    public String display() {
        if (io.netpolviz.model.CiliumPolicy.isCilium(policy)) {
            return io.netpolviz.model.CiliumPolicy.display(policy) + ", " + name;
        }
        return tier.apiName() + " tier: " + policy.namespace() + " `" + policy.name() + "` (priority " + priority + ") "
                + ruleDisplay();
    }

    @Override
    public String toString() {
        return display();
    }
}

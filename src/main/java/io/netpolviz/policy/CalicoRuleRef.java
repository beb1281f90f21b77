package io.netpolviz.policy;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.Locale;

/**
 * A rule of a Calico policy with what an explanation names: the kind, the policy, its tier and
 * order, the direction, the rule's 0-based index (shown 1-based, as people count) and its action
 * (null for Log, which never decides).
 */
public record CalicoRuleRef(PolicyId policy, String kind, String name, String namespace, String tier, Double order,
        PolicyType direction, int index, RuleAction action) {

    /** {@code GlobalNetworkPolicy default-deny in tier security (order 100)}. */
    public String policyDisplay() {
        String what = namespace == null ? kind + " " + name : "Calico " + kind + " " + namespace + "/" + name;
        return what + " in tier " + tier + " (order " + CalicoPolicy.orderText(order) + ")";
    }

    /** {@code GlobalNetworkPolicy default-deny in tier security (order 100), ingress rule 2: Deny}. */
    public String display() {
        return policyDisplay() + ", " + ruleDisplay();
    }

    /** {@code ingress rule 2: Deny}: the rule within its policy. */
    public String ruleDisplay() {
        String verb = action == null ? "Log" : switch (action) {
            case ALLOW -> "Allow";
            case DENY -> "Deny";
            case PASS -> "Pass";
        };
        return direction.apiName().toLowerCase(Locale.ROOT) + " rule " + (index + 1) + ": " + verb;
    }

    @Override
    public String toString() {
        return display();
    }
}

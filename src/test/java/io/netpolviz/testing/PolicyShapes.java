package io.netpolviz.testing;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often generated policies have the shapes that make evaluation hard: several rules in one
 * direction, rules with several peers (OR'ed), rules with several ports, and all three in one
 * policy. Random-cluster generators are only as good as the shapes they reach.
 */
public record PolicyShapes(int policies, int rules, double multiRulePolicies, double multiPeerRules, double multiPortRules,
                           double allThreePolicies, double rulesWithoutPeers, double rulesWithoutPorts) {

    /** The shapes of {@code policies}, counting the rules of both directions. */
    public static PolicyShapes of(List<NetworkPolicy> policies) {
        int multiRule = 0;
        int allThree = 0;
        List<PolicyRule> rules = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            boolean several = false;
            boolean rich = false;
            for (PolicyType direction : PolicyType.values()) {
                List<PolicyRule> ofDirection = policy.rules(direction);
                rules.addAll(ofDirection);
                if (ofDirection.size() >= 2) {
                    several = true;
                    rich |= ofDirection.stream().anyMatch(rule -> rule.peers().size() >= 2 && rule.ports().size() >= 2);
                }
            }
            multiRule += several ? 1 : 0;
            allThree += rich ? 1 : 0;
        }
        double ruleCount = Math.max(1, rules.size());
        double policyCount = Math.max(1, policies.size());
        return new PolicyShapes(policies.size(), rules.size(), multiRule / policyCount,
                rules.stream().filter(rule -> rule.peers().size() >= 2).count() / ruleCount,
                rules.stream().filter(rule -> rule.ports().size() >= 2).count() / ruleCount,
                allThree / policyCount,
                rules.stream().filter(rule -> rule.peers().isEmpty()).count() / ruleCount,
                rules.stream().filter(rule -> rule.ports().isEmpty()).count() / ruleCount);
    }

    /** One line for a test's output and a commit message. */
    public String display() {
        return String.format(Locale.ROOT, "%d policies, %d rules: %.0f%% of policies with 2+ rules in a direction, %.0f%% of rules"
                        + " with 2+ peers, %.0f%% with 2+ ports, %.0f%% of policies with all three in one rule set;"
                        + " %.0f%% of rules without peers, %.0f%% without ports",
                policies, rules, 100 * multiRulePolicies, 100 * multiPeerRules, 100 * multiPortRules, 100 * allThreePolicies,
                100 * rulesWithoutPeers, 100 * rulesWithoutPorts);
    }
}

package io.netpolviz.policy.fix;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the rules and policies a proposal writes, and edits a policy's rule list. */
final class Rules {

    private Rules() {
    }

    static PolicyRule rule(List<PolicyPeer> peers, List<PolicyPort> ports) {
        return new PolicyRule(peers, ports, SourceRef.NONE);
    }

    static PolicyPort port(Protocol protocol, int port) {
        return new PolicyPort(protocol, PortRef.number(port), null);
    }

    /**
     * A port set as a rule's {@code ports}: every port of a protocol as the protocol alone, a
     * range with {@code endPort}. Empty only for the empty set; {@link PortSet#ALL} gives three
     * entries, one per protocol, which mean the same as no {@code ports} at all.
     */
    static List<PolicyPort> ports(PortSet set) {
        List<PolicyPort> out = new ArrayList<>();
        for (PortRange range : set.ranges()) {
            if (range.isAllPorts()) {
                out.add(new PolicyPort(range.protocol(), null, null));
            } else {
                out.add(new PolicyPort(range.protocol(), PortRef.number(range.first()), range.first() == range.last() ? null : range.last()));
            }
        }
        return out;
    }

    /** The policy with {@code direction}'s rules replaced. */
    static NetworkPolicy withRules(NetworkPolicy policy, PolicyType direction, List<PolicyRule> rules) {
        return direction == PolicyType.INGRESS
                ? new NetworkPolicy(policy.namespace(), policy.name(), policy.podSelector(), policy.declaredPolicyTypes(), rules,
                        policy.egress(), policy.where(), policy.sourceText())
                : new NetworkPolicy(policy.namespace(), policy.name(), policy.podSelector(), policy.declaredPolicyTypes(),
                        policy.ingress(), rules, policy.where(), policy.sourceText());
    }

    static NetworkPolicy withRuleAdded(NetworkPolicy policy, PolicyType direction, PolicyRule rule) {
        List<PolicyRule> rules = new ArrayList<>(policy.rules(direction));
        rules.add(rule);
        return withRules(policy, direction, rules);
    }

    /** A new policy with one direction isolated and the given rules. */
    static NetworkPolicy newPolicy(String namespace, String name, io.netpolviz.model.LabelSelector pods, PolicyType direction,
            List<PolicyRule> rules) {
        List<PolicyRule> none = List.of();
        return new NetworkPolicy(namespace, name, pods, List.of(direction), direction == PolicyType.INGRESS ? rules : none,
                direction == PolicyType.EGRESS ? rules : none, SourceRef.NONE, "");
    }

    /**
     * A policy name from words, as the API server accepts it (a DNS subdomain: lower case,
     * digits, '-' and '.', at most 253 characters, starting and ending alphanumeric).
     */
    static String policyName(String... words) {
        String joined = String.join("-", words).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (joined.length() > 200) {
            joined = joined.substring(0, 200).replaceAll("[-.]+$", "");
        }
        return joined.isEmpty() ? "netpolviz-fix" : joined;
    }

    static String word(PolicyType direction) {
        return direction.apiName().toLowerCase(Locale.ROOT);
    }
}

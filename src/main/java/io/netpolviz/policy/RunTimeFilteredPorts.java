package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;

/**
 * The allowed ports of a connection on which Cilium filters further at run time: an L7 rule
 * ({@code rules: http/dns/kafka}) or a DNS name ({@code toFQDNs}) on the rule that admits it. The
 * L3/L4 verdict stands; an edge label marks these ports so that "allowed" is not read as "every
 * request passes". A side filters a port only when every rule admitting the peer on it filters:
 * "If a layer 4 rule is specified in the policy, and a similar layer 4 rule with layer 7 rules is
 * also specified, then the layer 7 portions of the latter rule will have no effect"
 * (https://docs.cilium.io/en/stable/security/policy/layer7/).
 */
public final class RunTimeFilteredPorts {

    private RunTimeFilteredPorts() {
    }

    /** Whether some switched-on policy's rule has run-time filters at all: a fast way out for every other cluster. */
    public static boolean any(Evaluation evaluation) {
        return evaluation.engine().snapshot().ciliumPolicies().stream().flatMap(policy -> policy.specs().stream())
                .anyMatch(spec -> spec.ingress().stream().anyMatch(rule -> !rule.filteredPorts().isEmpty())
                        || spec.egress().stream().anyMatch(rule -> !rule.filteredPorts().isEmpty()));
    }

    /** The ports of {@code allowed} (what the evaluation allows from source to destination) that a run-time filter narrows. */
    public static PortSet of(Evaluation evaluation, Endpoint source, Endpoint destination, PortSet allowed) {
        if (allowed.isEmpty() || Evaluation.isSelf(source, destination)) {
            return PortSet.NONE;
        }
        PortSet filtered = side(evaluation, source, PolicyType.EGRESS, destination, destination)
                .union(side(evaluation, destination, PolicyType.INGRESS, source, destination));
        return filtered.intersect(allowed);
    }

    /** The ports every rule admitting {@code peer} on the subject's side filters. */
    private static PortSet side(Evaluation evaluation, Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        if (!(subject instanceof Endpoint.Pods pods) || !evaluation.isIsolated(pods.podClass(), direction)) {
            return PortSet.NONE;
        }
        PortSet filtered = PortSet.NONE;
        PortSet plain = PortSet.NONE;
        for (CompiledPolicy policy : evaluation.isolatingPolicies(pods.podClass(), direction)) {
            for (CompiledRule rule : policy.rules(direction)) {
                if (rule.matches(peer)) {
                    PortSet these = rule.filteredPortsToward(destination);
                    filtered = filtered.union(these);
                    plain = plain.union(rule.portsToward(destination).minus(these));
                }
            }
        }
        return filtered.minus(plain);
    }
}

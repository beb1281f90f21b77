package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Workload;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ordered tiers read literally for {@link ReferenceEvaluator}: for one side of one connection,
 * walk a tier's switched-on policies by priority (ties by id) and their rules as written, and
 * return the first matching rule's action. No classes, no bitsets.
 */
final class ReferenceTiers {

    private final List<ClusterPolicy> ordered;
    private final Set<PolicyId> switchedOff;
    private final Function<String, Map<String, String>> namespaceLabels;

    ReferenceTiers(ClusterSnapshot snapshot, Set<PolicyId> switchedOff, Function<String, Map<String, String>> namespaceLabels) {
        this.ordered = snapshot.clusterPolicies().stream()
                .sorted(Comparator.comparing(ClusterPolicy::priority).thenComparing(ClusterPolicy::id)).toList();
        this.switchedOff = switchedOff;
        this.namespaceLabels = namespaceLabels;
    }

    /** The action of the first rule of {@code tier} that matches, or null when none does. */
    RuleAction firstMatch(PolicyTier tier, Workload subject, PolicyType direction, ReferenceEvaluator.Peer other,
            ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        for (ClusterPolicy policy : ordered) {
            if (policy.tier() != tier || switchedOff.contains(policy.id()) || !selects(policy.subject().namespaces(),
                    policy.subject().pods() == null ? LabelSelector.EVERYTHING : policy.subject().pods(), subject)) {
                continue;
            }
            for (ClusterPolicyRule rule : policy.rules(direction)) {
                if (peerMatches(rule, other) && portMatches(rule, destination, protocol, port)) {
                    return rule.action();
                }
            }
        }
        return null;
    }

    /** The action of the first rule of one policy that matches, or null; the policy must apply to the subject. */
    RuleAction firstMatchOf(ClusterPolicy policy, Workload subject, PolicyType direction, ReferenceEvaluator.Peer other,
            ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        if (switchedOff.contains(policy.id()) || !selects(policy.subject().namespaces(),
                policy.subject().pods() == null ? LabelSelector.EVERYTHING : policy.subject().pods(), subject)) {
            return null;
        }
        for (ClusterPolicyRule rule : policy.rules(direction)) {
            if (peerMatches(rule, other) && portMatches(rule, destination, protocol, port)) {
                return rule.action();
            }
        }
        return null;
    }

    private boolean selects(LabelSelector namespaces, LabelSelector pods, Workload workload) {
        return !workload.hostNetwork() && namespaces.matches(namespaceLabels.apply(workload.namespace()))
                && pods.matches(workload.podLabels());
    }

    private boolean peerMatches(ClusterPolicyRule rule, ReferenceEvaluator.Peer other) {
        for (ClusterPolicyPeer peer : rule.peers()) {
            Workload pod = other.workload();
            boolean matches = switch (peer.form()) {
                case NAMESPACES -> pod != null && selects(peer.namespaceSelector(), LabelSelector.EVERYTHING, pod);
                case PODS -> pod != null && selects(peer.namespaceSelector(), peer.podSelector(), pod);
                case NETWORKS -> pod == null ? peer.networks().stream().anyMatch(n -> n.contains(other.address()))
                        : !pod.hostNetwork() && pod.podAddresses().stream().anyMatch(a -> inAny(peer.networks(), a));
                case NODES, DOMAIN_NAMES -> false;
            };
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(List<Cidr> networks, IpAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    private static boolean portMatches(ClusterPolicyRule rule, ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        return portsMatch(rule.ports(), destination, protocol, port);
    }

    /** Whether {@code ports} (empty: every port) hold the port; a named one is looked up among the destination's container ports. */
    static boolean portsMatch(List<ClusterPolicyPort> ports, ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (ClusterPolicyPort match : ports) {
            if (!match.isNamed()) {
                if (match.protocol() == protocol && port >= match.first() && port <= match.last()) {
                    return true;
                }
                continue;
            }
            if (destination.workload() == null) {
                continue;
            }
            for (ContainerPort declared : destination.workload().ports()) {
                if (match.resolvesTo(declared.name(), declared.protocol()) && declared.protocol() == protocol && declared.port() == port) {
                    return true;
                }
            }
        }
        return false;
    }
}

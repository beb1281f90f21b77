package io.netpolviz.policy;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Workload;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The specification read literally, one connection at a time, straight from the snapshot: no
 * classes, no bitsets, no caching. With Calico policies, {@link ReferenceChain} walks every tier. It is slow on purpose; tests and {@code bench} compare the
 * fast engine with it.
 */
public final class ReferenceEvaluator {

    private final ClusterSnapshot snapshot;
    private final Set<PolicyId> switchedOff;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    private final ReferenceTiers tiers;
    private final ReferenceCilium cilium;
    private final ReferenceChain chain;
    private final io.netpolviz.model.PrimaryNetworks networks;

    public ReferenceEvaluator(ClusterSnapshot snapshot, Set<PolicyId> switchedOff) {
        this.snapshot = snapshot;
        this.switchedOff = Set.copyOf(switchedOff);
        this.networks = snapshot.primaryNetworks();
        this.tiers = new ReferenceTiers(snapshot, this.switchedOff, this::labelsOf);
        this.cilium = new ReferenceCilium(snapshot, this.switchedOff, this::labelsOf);
        for (Namespace namespace : snapshot.namespaces()) {
            namespaceLabels.put(namespace.name(), namespace.labels());
        }
        // As the engine: with Cilium's policies present the picture follows Cilium, and Calico's are not evaluated.
        this.chain = snapshot.calico().policies().isEmpty() || !snapshot.ciliumPolicies().isEmpty() ? null : new ReferenceChain(snapshot, this.switchedOff, tiers, this::labelsOf,
                this::networkPolicyAllows);
    }

    /** A pod of {@code workload}, or an external address: exactly one of the two is set. */
    public record Peer(Workload workload, IpAddress address) {
        public static Peer pod(Workload workload) {
            return new Peer(workload, null);
        }

        public static Peer external(IpAddress address) {
            return new Peer(null, address);
        }
    }

    public boolean allowed(Peer source, Peer destination, Protocol protocol, int port) {
        if (source.workload() != null && source.workload().equals(destination.workload()) && source.workload().replicas() == 1) {
            return true; // a pod reaching itself: loopback follows no policy
        }
        if (source.workload() != null && destination.workload() != null
                && networks.separates(source.workload().namespace(), destination.workload().namespace())) {
            return false; // different primary networks (OVN-Kubernetes UserDefinedNetworks): no route at all
        }
        return sideAllows(source, PolicyType.EGRESS, destination, destination, protocol, port)
                && sideAllows(destination, PolicyType.INGRESS, source, destination, protocol, port);
    }

    /** Admin tier, first match; then NetworkPolicies where they isolate; then the Baseline tier; then allow. */
    private boolean sideAllows(Peer subject, PolicyType direction, Peer other, Peer destination, Protocol protocol, int port) {
        if (subject.workload() == null || subject.workload().hostNetwork()) {
            return true;
        }
        // Cilium: "Deny policies take precedence over allow policies, regardless of whether they are a Cilium Network
        // Policy, a Clusterwide Cilium Network Policy or even a Kubernetes Network Policy."
        if (cilium.any() && cilium.denies(subject.workload(), direction, other, destination, protocol, port)) {
            return false;
        }
        if (chain != null) {
            return chain.allows(subject.workload(), direction, other, destination, protocol, port);
        }
        RuleAction admin = tiers.firstMatch(PolicyTier.ADMIN, subject.workload(), direction, other, destination, protocol, port);
        if (admin == RuleAction.ALLOW || admin == RuleAction.DENY) {
            return admin == RuleAction.ALLOW;
        }
        Boolean networkPolicies = networkPolicyAllows(subject, direction, other, destination, protocol, port);
        if (cilium.any() && (networkPolicies != null || cilium.isolates(subject.workload(), direction))) {
            // Allowed is the union of every allow rule, NetworkPolicies and Cilium's alike, once anything isolates the side.
            return Boolean.TRUE.equals(networkPolicies) || cilium.allows(subject.workload(), direction, other, destination, protocol, port);
        }
        if (networkPolicies != null) {
            return networkPolicies;
        }
        return tiers.firstMatch(PolicyTier.BASELINE, subject.workload(), direction, other, destination, protocol, port) != RuleAction.DENY;
    }

    /** Null when no switched-on NetworkPolicy isolates the side; else whether one of their rules admits the connection. */
    Boolean networkPolicyAllows(Peer subject, PolicyType direction, Peer other, Peer destination, Protocol protocol, int port) {
        return networkPolicyAllows(subject, direction, other, destination, protocol, port, policy -> true);
    }

    /** The same for NetworkPolicy {@code only}: Calico's default tier asks one at a time, each at its place by name. */
    Boolean networkPolicyAllows(NetworkPolicy only, Peer subject, PolicyType direction, Peer other, Peer destination, Protocol protocol,
            int port) {
        return networkPolicyAllows(subject, direction, other, destination, protocol, port, policy -> policy == only);
    }

    /** The same among the NetworkPolicies {@code among} accepts. */
    private Boolean networkPolicyAllows(Peer subject, PolicyType direction, Peer other, Peer destination, Protocol protocol, int port,
            java.util.function.Predicate<NetworkPolicy> among) {
        boolean isolated = false;
        for (NetworkPolicy policy : snapshot.policies()) {
            // Cheapest test first; the order does not change the answer.
            if (!among.test(policy) || !policy.namespace().equals(subject.workload().namespace())
                    || !policy.podSelector().matches(subject.workload().podLabels())
                    || !policy.effectivePolicyTypes().contains(direction) || switchedOff.contains(policy.id())) {
                continue;
            }
            isolated = true;
            for (PolicyRule rule : policy.rules(direction)) {
                if (peerMatches(policy, rule, other) && portMatches(rule, destination, protocol, port)) {
                    return true;
                }
            }
        }
        return isolated ? Boolean.FALSE : null;
    }

    private boolean peerMatches(NetworkPolicy policy, PolicyRule rule, Peer other) {
        if (rule.peers().isEmpty()) {
            return true;
        }
        for (PolicyPeer peer : rule.peers()) {
            if (peer.ipBlock() != null) {
                if (other.address() != null && peer.ipBlock().contains(other.address())) {
                    return true;
                }
                continue;
            }
            if (other.workload() == null) {
                continue;
            }
            Workload pod = other.workload();
            boolean namespaceOk = peer.namespaceSelector() == null
                    ? pod.namespace().equals(policy.namespace())
                    : peer.namespaceSelector().matches(labelsOf(pod.namespace()));
            LabelSelector podSelector = peer.podSelector() == null ? LabelSelector.EVERYTHING : peer.podSelector();
            if (namespaceOk && podSelector.matches(pod.podLabels())) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> labelsOf(String namespace) {
        return namespaceLabels.computeIfAbsent(namespace, ns -> new Namespace(ns, Map.of(), true, null).labels());
    }

    private static boolean portMatches(PolicyRule rule, Peer destination, Protocol protocol, int port) {
        if (rule.ports().isEmpty()) {
            return true;
        }
        for (PolicyPort policyPort : rule.ports()) {
            if (policyPort.protocol() != protocol) {
                continue;
            }
            if (policyPort.port() == null) {
                return true;
            }
            if (!policyPort.port().isNamed()) {
                int first = policyPort.port().number();
                int last = policyPort.endPort() == null ? first : policyPort.endPort();
                if (port >= first && port <= last) {
                    return true;
                }
                continue;
            }
            if (destination.workload() == null) {
                continue;
            }
            for (ContainerPort declared : destination.workload().ports()) {
                if (policyPort.port().name().equals(declared.name()) && declared.protocol() == protocol && declared.port() == port) {
                    return true;
                }
            }
        }
        return false;
    }
}

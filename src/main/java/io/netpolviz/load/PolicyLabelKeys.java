package io.netpolviz.load;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.SourceRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pod-label keys the policies select on, each with the policies that name it. A pod label
 * no policy names cannot change a verdict, so pods that differ only in such labels are the same
 * to every policy.
 */
final class PolicyLabelKeys {

    /** A policy that names a key: how to call it in a message, and where it is. */
    record Naming(String policy, SourceRef where) {
    }

    private final Map<String, Set<Naming>> byKey = new TreeMap<>();

    static PolicyLabelKeys of(List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies) {
        return of(policies, clusterPolicies, List.of());
    }

    static PolicyLabelKeys of(List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<CiliumPolicy> ciliumPolicies) {
        PolicyLabelKeys keys = new PolicyLabelKeys();
        for (NetworkPolicy policy : policies) {
            Naming naming = new Naming("NetworkPolicy " + policy.namespace() + "/" + policy.name(), policy.where());
            keys.add(policy.podSelector(), naming);
            for (List<PolicyRule> rules : List.of(policy.ingress(), policy.egress())) {
                for (PolicyRule rule : rules) {
                    for (PolicyPeer peer : rule.peers()) {
                        keys.add(peer.podSelector(), naming);
                    }
                }
            }
        }
        for (ClusterPolicy policy : clusterPolicies) {
            Naming naming = new Naming(policy.kind() + " " + policy.name(), policy.where());
            keys.add(policy.subject().pods(), naming);
            for (List<ClusterPolicyRule> rules : List.of(policy.ingress(), policy.egress())) {
                for (ClusterPolicyRule rule : rules) {
                    for (ClusterPolicyPeer peer : rule.peers()) {
                        if (peer.form() == ClusterPolicyPeer.Form.PODS) {
                            keys.add(peer.podSelector(), naming);
                        }
                    }
                }
            }
        }
        for (CiliumPolicy policy : ciliumPolicies) {
            Naming naming = new Naming(policy.display(), policy.where());
            for (CiliumSpec spec : policy.specs()) {
                keys.add(spec.subject().pods(), naming);
                for (List<CiliumRule> rules : List.of(spec.ingress(), spec.egress(), spec.ingressDeny(), spec.egressDeny())) {
                    rules.forEach(rule -> rule.endpoints().forEach(peer -> keys.add(peer.pods(), naming)));
                }
            }
        }
        return keys;
    }

    private void add(LabelSelector selector, Naming naming) {
        if (selector == null) {
            return;
        }
        selector.matchLabels().keySet().forEach(key -> name(key, naming));
        for (LabelRequirement requirement : selector.matchExpressions()) {
            name(requirement.key(), naming);
        }
    }

    private void name(String key, Naming naming) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(naming);
    }

    Set<String> keys() {
        return byKey.keySet();
    }

    Set<Naming> namings(String key) {
        return byKey.getOrDefault(key, Set.of());
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compiles cluster-wide policies into the engine's ordered tiers: sorted into decision order
 * (Admin before Baseline, lower priority first, ties by id so the order is stable), subjects and
 * peers matched to pod classes. Pod and namespace selections leave host-network pods out, as the
 * API says; CIDR peers match the classes whose pods have a known address inside them.
 */
final class TierCompiler {

    /** The decision order of cluster-wide policies. */
    static final Comparator<ClusterPolicy> DECISION_ORDER = Comparator.comparing(ClusterPolicy::tier)
            .thenComparingInt(ClusterPolicy::priority)
            .thenComparing(ClusterPolicy::id);

    private final List<PodClass> classes;
    private final Map<String, List<PodClass>> classesByNamespace;

    TierCompiler(List<PodClass> classes, Map<String, List<PodClass>> classesByNamespace) {
        this.classes = classes;
        this.classesByNamespace = classesByNamespace;
    }

    /** The policies in decision order, numbered from {@code firstIndex} (what decides before them comes first). */
    List<CompiledTierPolicy> compile(List<ClusterPolicy> policies, int firstIndex) {
        List<ClusterPolicy> ordered = policies.stream().sorted(DECISION_ORDER).toList();
        List<CompiledTierPolicy> compiled = new ArrayList<>();
        for (ClusterPolicy policy : ordered) {
            ClusterPolicySubject subject = policy.subject();
            BitSet selected = match(subject.namespaces(), subject.pods() == null ? LabelSelector.EVERYTHING : subject.pods());
            compiled.add(new CompiledTierPolicy(firstIndex + compiled.size(), policy, selected,
                    rules(policy, PolicyType.INGRESS), rules(policy, PolicyType.EGRESS)));
        }
        return List.copyOf(compiled);
    }

    private List<CompiledTierRule> rules(ClusterPolicy policy, PolicyType direction) {
        List<CompiledTierRule> compiled = new ArrayList<>();
        List<ClusterPolicyRule> rules = policy.rules(direction);
        for (int i = 0; i < rules.size(); i++) {
            ClusterPolicyRule rule = rules.get(i);
            BitSet peers = new BitSet(classes.size());
            List<Cidr> networks = new ArrayList<>();
            for (ClusterPolicyPeer peer : rule.peers()) {
                switch (peer.form()) {
                    case NAMESPACES -> peers.or(match(peer.namespaceSelector(), LabelSelector.EVERYTHING));
                    case PODS -> peers.or(match(peer.namespaceSelector(), peer.podSelector()));
                    case NETWORKS -> {
                        networks.addAll(peer.networks());
                        peers.or(PodAddresses.addressedIn(classes, peer.networks()));
                    }
                    default -> {
                        // nodes and domainNames: nothing the manifests show can be matched to them.
                    }
                }
            }
            TierRuleRef ref = new TierRuleRef(policy.tier(), policy.id(), policy.priority(), direction, i, rule.name(), rule.action());
            compiled.add(new CompiledTierRule(ref, rule, peers, networks));
        }
        return compiled;
    }

    /** Pods (not on the host network) matching {@code pods} in namespaces matching {@code namespaces}. */
    private BitSet match(LabelSelector namespaces, LabelSelector pods) {
        BitSet matched = new BitSet(classes.size());
        for (List<PodClass> inNamespace : classesByNamespace.values()) {
            if (!namespaces.matches(inNamespace.get(0).namespaceLabels())) {
                continue;
            }
            for (PodClass podClass : inNamespace) {
                if (!podClass.hostNetwork() && pods.matches(podClass.labels())) {
                    matched.set(podClass.index());
                }
            }
        }
        return matched;
    }
}

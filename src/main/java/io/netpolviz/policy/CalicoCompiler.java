package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoLabels;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Compiles Calico policies against the pod classes (docs.tigera.io NetworkPolicy and
 * GlobalNetworkPolicy references): a namespaced policy applies to pods of its namespace, a
 * global one to the namespaces its namespaceSelector picks; a rule's selector without a
 * namespaceSelector means the policy's namespace for a namespaced policy and every namespace
 * for a global one; nets, and the nets of the network sets a selector picks ({@link CalicoNetworkSets}),
 * match addresses outside the cluster and pods by their known addresses ({@link PodAddresses}). Selectors see the
 * labels Calico adds ({@link CalicoLabels}).
 */
final class CalicoCompiler {

    private final List<PodClass> classes;
    private final List<Map<String, String>> podLabels = new ArrayList<>();
    private final List<Map<String, String>> namespaceLabels = new ArrayList<>();
    /** Selectors recur across policies (a team, a tier of apps): each is matched against the classes once. */
    private final Map<CalicoSelector, BitSet> podMatches = new java.util.HashMap<>();
    private final Map<CalicoSelector, BitSet> namespaceMatches = new java.util.HashMap<>();

    private final CalicoNetworkSets networkSets;

    CalicoCompiler(List<PodClass> classes, CalicoResources calico, List<io.netpolviz.model.Namespace> namespaces) {
        this.classes = classes;
        this.networkSets = new CalicoNetworkSets(calico.networkSets(), namespaces);
        for (PodClass podClass : classes) {
            podLabels.add(CalicoLabels.ofPod(podClass.namespace(), podClass.labels(), podClass.namespaceLabels()));
            namespaceLabels.add(CalicoLabels.ofNamespace(podClass.namespace(), podClass.namespaceLabels()));
        }
    }

    List<CompiledCalicoPolicy> compile(CalicoResources calico) {
        List<CompiledCalicoPolicy> out = new ArrayList<>();
        for (CalicoPolicy policy : calico.policies()) {
            CalicoTier tier = calico.tier(policy.tier()).orElse(new CalicoTier(policy.tier(), null, io.netpolviz.model.RuleAction.DENY,
                    policy.where()));
            BitSet[] subjects = new BitSet[PolicyType.values().length];
            for (PolicyType direction : PolicyType.values()) {
                subjects[direction.ordinal()] = policy.types().contains(direction) ? subjects(policy) : new BitSet();
            }
            out.add(new CompiledCalicoPolicy(out.size(), policy, tier, subjects, rules(policy, tier, PolicyType.INGRESS),
                    rules(policy, tier, PolicyType.EGRESS)));
        }
        return List.copyOf(out);
    }

    private List<CompiledCalicoRule> rules(CalicoPolicy policy, CalicoTier tier, PolicyType direction) {
        List<CompiledCalicoRule> out = new ArrayList<>();
        List<CalicoRule> rules = policy.rules(direction);
        for (int i = 0; i < rules.size(); i++) {
            CalicoRule rule = rules.get(i);
            CalicoRuleRef ref = new CalicoRuleRef(policy.id(), policy.kind(), policy.name(), policy.namespace(), tier.name(),
                    policy.order(), direction, i, rule.action().decision());
            CalicoEntity peer = rule.peer(direction);
            List<CalicoNetworkSet> selected = networkSets.selected(policy, peer);
            List<CalicoNetworkSet> excluded = networkSets.excluded(policy, peer);
            CalicoEntity local = rule.local(direction);
            BitSet localClasses = entity(policy, local, networkSets.selected(policy, local), networkSets.excluded(policy, local));
            out.add(new CompiledCalicoRule(ref, rule, entity(policy, peer, selected, excluded), localClasses, selected, excluded));
        }
        return out;
    }

    private BitSet subjects(CalicoPolicy policy) {
        BitSet out = (BitSet) pods(policy.selector()).clone();
        if (policy.isGlobal()) {
            if (policy.namespaceSelector() != null) {
                out.and(namespaces(policy.namespaceSelector()));
            }
        } else {
            out.and(inNamespace(policy.namespace()));
        }
        out.andNot(hostNetwork());
        return out;
    }

    private BitSet pods(CalicoSelector selector) {
        return podMatches.computeIfAbsent(selector, key -> matching(c -> key.matches(podLabels.get(c))));
    }

    private BitSet namespaces(CalicoSelector selector) {
        return namespaceMatches.computeIfAbsent(selector, key -> matching(c -> key.matches(namespaceLabels.get(c))));
    }

    private BitSet inNamespace(String namespace) {
        return matching(c -> classes.get(c).namespace().equals(namespace));
    }

    private BitSet hostNetwork() {
        return matching(c -> classes.get(c).hostNetwork());
    }

    private BitSet matching(java.util.function.IntPredicate test) {
        BitSet out = new BitSet(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            if (test.test(c)) {
                out.set(c);
            }
        }
        return out;
    }

    /**
     * The classes an entity matches; every field that is set must hold. A selector matches the endpoints it picks and every
     * pod whose address lies in the nets of a network set it picks, and a notSelector's sets exclude pods the same way: the
     * data plane compares addresses (Global network set reference: Calico "includes the CIDRs from any network sets that match
     * the selector" in "the set of IPs that should match"), whatever namespace the pod is in.
     */
    private BitSet entity(CalicoPolicy policy, CalicoEntity entity, List<CalicoNetworkSet> selected, List<CalicoNetworkSet> excluded) {
        BitSet out = new BitSet(classes.size());
        out.set(0, classes.size());
        if (entity.narrowsEndpoints()) {
            out.andNot(hostNetwork()); // a host-network pod is a host endpoint to Calico: pod selectors never pick it
        }
        if (entity.namespaceSelector() != null) {
            out.and(namespaces(entity.namespaceSelector()));
        } else if (!policy.isGlobal() && (entity.selector() != null || entity.notSelector() != null)) {
            out.and(inNamespace(policy.namespace()));
        }
        if (entity.selector() != null) {
            out.and(pods(entity.selector()));
        }
        if (entity.selector() != null || entity.namespaceSelector() != null) {
            out.or(PodAddresses.addressedIn(classes, nets(selected)));
        }
        if (entity.notSelector() != null) {
            out.andNot(pods(entity.notSelector()));
        }
        out.andNot(PodAddresses.addressedIn(classes, nets(excluded)));
        if (!entity.nets().isEmpty()) {
            out.and(PodAddresses.addressedIn(classes, entity.nets()));
        }
        out.andNot(PodAddresses.addressedIn(classes, entity.notNets()));
        return out;
    }

    private static List<Cidr> nets(List<CalicoNetworkSet> sets) {
        return sets.stream().flatMap(set -> set.nets().stream()).toList();
    }
}

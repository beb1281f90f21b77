package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoLabels;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpAddress;
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
 * for a global one; nets match pods by their known addresses. Selectors see the labels Calico
 * adds ({@link CalicoLabels}).
 */
final class CalicoCompiler {

    private final List<PodClass> classes;
    private final List<Map<String, String>> podLabels = new ArrayList<>();
    private final List<Map<String, String>> namespaceLabels = new ArrayList<>();

    CalicoCompiler(List<PodClass> classes) {
        this.classes = classes;
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
            out.add(new CompiledCalicoRule(ref, rule, entity(policy, rule.peer(direction)), entity(policy, rule.local(direction))));
        }
        return out;
    }

    private BitSet subjects(CalicoPolicy policy) {
        BitSet out = new BitSet(classes.size());
        for (PodClass podClass : classes) {
            int c = podClass.index();
            boolean inScope = policy.isGlobal()
                    ? policy.namespaceSelector() == null || policy.namespaceSelector().matches(namespaceLabels.get(c))
                    : podClass.namespace().equals(policy.namespace());
            if (!podClass.hostNetwork() && inScope && policy.selector().matches(podLabels.get(c))) {
                out.set(c);
            }
        }
        return out;
    }

    /** The classes an entity matches; every field that is set must hold. */
    private BitSet entity(CalicoPolicy policy, CalicoEntity entity) {
        BitSet out = new BitSet(classes.size());
        boolean ownNamespace = !policy.isGlobal() && entity.namespaceSelector() == null
                && (entity.selector() != null || entity.notSelector() != null);
        for (PodClass podClass : classes) {
            int c = podClass.index();
            if (podClass.hostNetwork() && entity.narrowsEndpoints()) {
                continue; // a host-network pod is a host endpoint to Calico: pod selectors never pick it
            }
            if (ownNamespace && !podClass.namespace().equals(policy.namespace())) {
                continue;
            }
            if (entity.namespaceSelector() != null && !entity.namespaceSelector().matches(namespaceLabels.get(c))) {
                continue;
            }
            if (entity.selector() != null && !entity.selector().matches(podLabels.get(c))) {
                continue;
            }
            if (entity.notSelector() != null && entity.notSelector().matches(podLabels.get(c))) {
                continue;
            }
            List<IpAddress> addresses = podClass.workloads().isEmpty() ? List.of() : podClass.workloads().get(0).podAddresses();
            if (!entity.nets().isEmpty() && addresses.stream().noneMatch(a -> inAny(entity.nets(), a))) {
                continue;
            }
            if (addresses.stream().anyMatch(a -> inAny(entity.notNets(), a))) {
                continue;
            }
            out.set(c);
        }
        return out;
    }

    private static boolean inAny(List<Cidr> nets, IpAddress address) {
        return nets.stream().anyMatch(net -> net.contains(address));
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sources a toggle can change when the toggled policy sits in a tier whose default action is
 * not Deny: every cluster-wide policy (Calico's kube-admin and kube-baseline tiers pass), and Calico
 * policies of tiers that pass by default. Such a policy decides only through its own rules, since
 * no tier default and no {@link IngressEntries} cutoff reads whether it applies, and a walk treats
 * every source on its own: toward a class it selects, only the sources its ingress rules match can
 * change; toward a column its egress rules reach, only the sources those rules apply to. So
 * {@link CalicoToggle} recomputes such columns on the blocks of those sources alone. Other policies
 * (in a denying tier, or NetworkPolicies, whose isolation the default tier reads) have none.
 */
record ChainToggleWindows(ClassSet ingressSources, ClassSet egressSources) {

    /** The windows of the toggled policy (one of the two is null), or null when any source may change. */
    static ChainToggleWindows of(PolicyEngine engine, CompiledCalicoPolicy calico, CompiledTierPolicy tier) {
        ConnectivityIndex index = engine.connectivityIndex();
        int ingress = PolicyType.INGRESS.ordinal();
        if (tier != null) {
            return new ChainToggleWindows(union(index, index.tiers.peers[tier.index()][ingress]), index.tiers.subjects[tier.index()]);
        }
        CalicoIndex chain = engine.calicoIndex();
        if (calico == null || chain.ingressEntries.calicoTierDenies(calico.index())) {
            return null;
        }
        int p = calico.index();
        List<ClassSet> peers = new ArrayList<>();
        List<CompiledCalicoRule> rules = calico.rules(PolicyType.INGRESS);
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).decision() != null) {
                peers.add(chain.peers[p][ingress][r]);
            }
        }
        List<ClassSet> sources = new ArrayList<>();
        rules = calico.rules(PolicyType.EGRESS);
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).decision() != null) {
                sources.add(chain.egressSources[p][r]);
            }
        }
        return new ChainToggleWindows(union(index, peers.toArray(ClassSet[]::new)), union(index, sources.toArray(ClassSet[]::new)));
    }

    /** Whether the policy can change what some external peer may send: some ingress rule of it matches one. */
    static boolean reachesExternals(PolicyEngine engine, CompiledCalicoPolicy calico, CompiledTierPolicy tier) {
        boolean[][] table = tier != null ? engine.connectivityIndex().tiers.ingressMatchesExternal[tier.index()]
                : engine.calicoIndex().ingressMatchesExternal[calico.index()];
        for (boolean[] rule : table) {
            for (boolean matches : rule) {
                if (matches) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sources whose answers toward a column may change, given which of its sides the policy touches. */
    ClassSet sources(boolean ingressTouched, boolean egressTouched) {
        ClassSet ingress = ingressTouched ? ingressSources : ClassSet.empty(ingressSources.universe());
        return egressTouched ? ingress.or(egressSources) : ingress;
    }

    /** The runs of consecutive blocks among {@code [0, blocks)} that hold some of {@code sources}, as {@code {from, to}}. */
    static List<int[]> runs(ClassSet sources, int blocks) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            if (sources.isEmpty(b, b + 1)) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == b) {
                out.get(out.size() - 1)[1] = b + 1;
            } else {
                out.add(new int[] {b, b + 1});
            }
        }
        return out;
    }

    private static ClassSet union(ConnectivityIndex index, ClassSet[] sets) {
        ClassSet out = index.emptyClasses;
        for (ClassSet set : sets) {
            out = out.or(set);
        }
        return out;
    }
}

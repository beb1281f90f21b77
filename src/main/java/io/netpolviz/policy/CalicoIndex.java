package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.List;

/**
 * The Calico policies as class sets for {@link ChainColumns}, with the tier sequence: per
 * policy and direction its subjects, per rule its peers and the local endpoints it admits.
 * Built once per engine.
 */
final class CalicoIndex {

    final List<CompiledCalicoPolicy> policies;
    final OrderedTiers tiers;
    final ClassSet[][] subjects;
    final ClassSet[][][] peers;
    final ClassSet[][][] local;
    /** Per policy, per egress rule: the subjects its source entity admits, the sources the rule decides for. */
    final ClassSet[][] egressSources;
    /** Per policy, ingress rule and external peer: whether the rule decides for that peer (it matches its addresses). */
    final boolean[][][] ingressMatchesExternal;
    /** Per policy and external peer: whether some ingress rule of it decides for that peer. */
    final boolean[][] policyMatchesExternal;
    /** What decides each column, per column, for {@link ChainKeys}: the rules and policies that can touch it. */
    final ChainReach reach;
    /** Per class: the entries its ingress walk takes, in order, up to the tier that leaves nothing undecided. */
    final IngressEntries ingressEntries;
    final EgressEntries egressEntries;

    CalicoIndex(PolicyEngine engine) {
        this.policies = engine.calicoPolicies();
        this.tiers = engine.orderedTiers();
        int classCount = engine.classes().size();
        int directions = PolicyType.values().length;
        this.subjects = new ClassSet[policies.size()][directions];
        this.peers = new ClassSet[policies.size()][directions][];
        this.local = new ClassSet[policies.size()][directions][];
        this.egressSources = new ClassSet[policies.size()][];
        for (CompiledCalicoPolicy policy : policies) {
            int p = policy.index();
            for (PolicyType direction : PolicyType.values()) {
                int d = direction.ordinal();
                subjects[p][d] = ClassSet.of(classCount, policy.subjectsView(direction));
                List<CompiledCalicoRule> rules = policy.rules(direction);
                peers[p][d] = new ClassSet[rules.size()];
                local[p][d] = new ClassSet[rules.size()];
                for (int r = 0; r < rules.size(); r++) {
                    peers[p][d][r] = ClassSet.of(classCount, rules.get(r).peerClassesView());
                    local[p][d][r] = ClassSet.of(classCount, rules.get(r).localClassesView());
                }
            }
            int egress = PolicyType.EGRESS.ordinal();
            egressSources[p] = new ClassSet[local[p][egress].length];
            for (int r = 0; r < egressSources[p].length; r++) {
                egressSources[p][r] = subjects[p][egress].and(local[p][egress][r]);
            }
        }
        List<Endpoint.External> externals = engine.externalPeers();
        this.ingressMatchesExternal = new boolean[policies.size()][][];
        this.policyMatchesExternal = new boolean[policies.size()][externals.size()];
        for (CompiledCalicoPolicy policy : policies) {
            List<CompiledCalicoRule> rules = policy.rules(PolicyType.INGRESS);
            boolean[][] table = new boolean[rules.size()][externals.size()];
            for (int r = 0; r < rules.size(); r++) {
                CompiledCalicoRule rule = rules.get(r);
                for (int x = 0; x < externals.size(); x++) {
                    // A rule only the data plane can decide, or a Log rule, decides nothing here (as in ChainWalk).
                    table[r][x] = rule.decision() != null && rule.matchesExternal(externals.get(x).block());
                    policyMatchesExternal[policy.index()][x] |= table[r][x];
                }
            }
            ingressMatchesExternal[policy.index()] = table;
        }
        this.reach = new ChainReach(engine);
        this.ingressEntries = new IngressEntries(engine, reach);
        this.egressEntries = new EgressEntries(engine, reach);
    }
}

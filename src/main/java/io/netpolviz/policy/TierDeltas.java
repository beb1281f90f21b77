package io.netpolviz.policy;

import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For a cluster-wide toggle: which sources of a column the tiers now decide differently
 * ({@link TierPartitions.Delta}), found from the rules that can matter alone. The toggled
 * policy's rules match only its reach — the peers of its ingress rules, the subjects of its
 * egress rules — so no other source's first matching rule changes; and for a source in the reach,
 * a rule whose classes miss the reach never matches it. The partitions before and after are
 * therefore built on the reach alone, from the rules whose classes meet it: an exact delta, and
 * columns whose rules differ only in rules that cannot matter share it. A toggle of a policy
 * that accepts DNS from kube-dns into every production namespace compares a few rules on one
 * block, not every list of rules on every source. A reach wider than half the blocks compares the
 * cached partitions on every block instead ({@link #narrow}).
 */
final class TierDeltas {

    private final ConnectivityIndex index;
    private final Evaluation previous;
    private final Evaluation next;
    private final ClassSet reach;
    /** The toggled policy's index among the tier policies. */
    private final int toggled;
    private final int from;
    private final int to;
    private final Map<List<Object>, TierPartitions.Delta> byRules = new HashMap<>();

    /** Deltas on {@code reach}: the sources tier policy {@code toggled}'s rules of one direction match or apply to. */
    TierDeltas(Evaluation previous, Evaluation next, int toggled, ClassSet reach) {
        this.index = next.engine().connectivityIndex();
        this.toggled = toggled;
        this.previous = previous;
        this.next = next;
        int[] span = reach.isEmpty() ? new int[] {0, 0} : reach.blockSpan();
        this.from = span[0];
        this.to = span[1];
        this.reach = reach;
    }

    /** Whether the toggled policy's rules of this direction match no source at all. */
    boolean reachesNothing() {
        return from >= to;
    }

    /**
     * Whether the reach spans at most half the blocks. A wider one saves little over the
     * partitions on every block, which the evaluations cache for the toggles that follow: there
     * those are compared instead.
     */
    private boolean narrow() {
        return 2 * (to - from) <= index.blockCount;
    }

    /** What {@link #ingress} depends on besides the evaluations: columns with the same key get the same delta. */
    long ingressKey(int column) {
        return narrow() ? TierPartitions.ingressKey(index, column) : TierPartitions.ingressChangingKey(index, column, toggled);
    }

    /**
     * The delta of the ingress rules of the tier policies that select class {@code column}; wide,
     * it may name a few sources more (see {@link TierPartitions#ingressChanging}).
     */
    TierPartitions.Delta ingress(int column) {
        if (!narrow()) {
            return TierPartitions.changedSources(TierPartitions.ingressChanging(previous, index, column, toggled),
                    TierPartitions.ingressChanging(next, index, column, toggled), index.emptyClasses);
        }
        PodClass destination = index.classes.get(column);
        Rules rules = new Rules();
        for (int t : index.tiers.selecting[column]) {
            List<CompiledTierRule> ingress = index.tiers.policies.get(t).rules(PolicyType.INGRESS);
            for (int r = 0; r < ingress.size(); r++) {
                rules.add(t, r, index.tiers.peers[t][PolicyType.INGRESS.ordinal()][r], ingress.get(r).portsToward(destination),
                        ingress.get(r).ref().action());
            }
        }
        return rules.delta();
    }

    /** The delta of the egress rules that reach {@code column} (a class, or an external peer's column). */
    TierPartitions.Delta egress(int column) {
        if (!narrow()) {
            return TierPartitions.changedSources(TierPartitions.egress(previous, index, column), TierPartitions.egress(next, index, column),
                    index.emptyClasses);
        }
        boolean external = column >= index.classCount;
        TierIndex.Slot[] slots = external ? index.tiers.egressReachingExternal[column - index.classCount] : index.tiers.egressReachingClass[column];
        PodClass destination = external ? null : index.classes.get(column);
        Rules rules = new Rules();
        for (TierIndex.Slot slot : slots) {
            CompiledTierRule rule = index.tiers.policies.get(slot.policy()).rules(PolicyType.EGRESS).get(slot.rule());
            rules.add(slot.policy(), slot.rule(), index.tiers.subjects[slot.policy()], external ? rule.numericPorts() : rule.portsToward(destination),
                    rule.ref().action());
        }
        return rules.delta();
    }

    /** The rules, in decision order, that can decide some source of the reach in either evaluation. */
    private final class Rules {

        private final List<Object> signature = new ArrayList<>();
        private final List<Rule> kept = new ArrayList<>();

        void add(int policy, int rule, ClassSet members, PortSet ports, RuleAction action) {
            if ((!previous.isTierEnabled(policy) && !next.isTierEnabled(policy)) || ports.isEmpty() || !members.intersects(reach, from, to)) {
                return;
            }
            signature.add(policy);
            signature.add(rule);
            signature.add(ports);
            kept.add(new Rule(policy, members, ports, action));
        }

        TierPartitions.Delta delta() {
            return byRules.computeIfAbsent(signature, key -> TierPartitions.changedSources(partitions(previous), partitions(next), index.emptyClasses));
        }

        private TierPartitionCache.Partitions partitions(Evaluation evaluation) {
            TierPartition admin = new TierPartition(reach, from, to);
            TierPartition baseline = new TierPartition(reach, from, to);
            for (Rule rule : kept) {
                if (evaluation.isTierEnabled(rule.policy())) {
                    (index.tiers.policies.get(rule.policy()).tier() == PolicyTier.ADMIN ? admin : baseline).apply(rule.members(), rule.ports(),
                            rule.action());
                }
            }
            return new TierPartitionCache.Partitions(admin.settled(), baseline.settled());
        }
    }

    private record Rule(int policy, ClassSet members, PortSet ports, RuleAction action) {
    }
}

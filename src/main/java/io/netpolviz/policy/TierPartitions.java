package io.netpolviz.policy;

import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import java.util.List;

/**
 * The Admin and Baseline partitions that decide one side of one column, for one evaluation's
 * switched-on cluster-wide policies, through that evaluation's {@link TierPartitionCache}; and
 * which source classes two such partitions decide differently ({@link #changedSources}), which
 * is all a cluster-wide toggle needs to recompute.
 */
final class TierPartitions {

    private TierPartitions() {
    }

    /** The partitions of the egress rules that reach {@code column} (a class, or an external peer's column). */
    static TierPartitionCache.Partitions egress(Evaluation evaluation, ConnectivityIndex index, int column) {
        return egressOn(evaluation, index, column, 0, index.blockCount);
    }

    /** The same on the sources in blocks {@code [from, to)} only (see {@link #on}). */
    static TierPartitionCache.Partitions egressOn(Evaluation evaluation, ConnectivityIndex index, int column, int from, int to) {
        return on(evaluation, index, egressKey(index, column), from, to, (first, end) -> egress(evaluation, index, column, first, end));
    }

    /** The partitions of the ingress rules of the tier policies that select class {@code column}. */
    static TierPartitionCache.Partitions ingress(Evaluation evaluation, ConnectivityIndex index, int column) {
        return ingressOn(evaluation, index, column, 0, index.blockCount);
    }

    /** The same on the sources in blocks {@code [from, to)} only (see {@link #on}). */
    static TierPartitionCache.Partitions ingressOn(Evaluation evaluation, ConnectivityIndex index, int column, int from, int to) {
        return on(evaluation, index, ingressKey(index, column), from, to, (first, end) -> ingress(evaluation, index, column, first, end));
    }

    private interface OnWindow {
        TierPartitionCache.Partitions compute(int from, int to);
    }

    /**
     * The partitions under {@code key} on blocks {@code [from, to)}: on every block, from the
     * evaluation's cache (filled here); on fewer, cut from the cached partitions when the
     * evaluation has them, else computed on the window alone (and kept for that window) — a toggle
     * compares partitions on the sources its policy can match, and need not build them for every source.
     */
    private static TierPartitionCache.Partitions on(Evaluation evaluation, ConnectivityIndex index, long key, int from, int to, OnWindow compute) {
        if (from == 0 && to == index.blockCount) {
            return evaluation.tierPartitions().get(key, k -> compute.compute(0, index.blockCount));
        }
        TierPartitionCache.Partitions known = evaluation.tierPartitions().peek(key);
        return known != null ? known.window(from, to) : evaluation.tierPartitions().onWindow(key, from, to, () -> compute.compute(from, to));
    }

    private static TierPartitionCache.Partitions egress(Evaluation evaluation, ConnectivityIndex index, int column, int from, int to) {
        boolean external = column >= index.classCount;
        TierIndex.Slot[] slots = external ? index.tiers.egressReachingExternal[column - index.classCount] : index.tiers.egressReachingClass[column];
        PodClass destination = external ? null : index.classes.get(column);
        TierPartition admin = new TierPartition(index.allClasses, from, to);
        TierPartition baseline = new TierPartition(index.allClasses, from, to);
        for (TierIndex.Slot slot : slots) {
            if (!evaluation.isTierEnabled(slot.policy())) {
                continue;
            }
            CompiledTierPolicy policy = index.tiers.policies.get(slot.policy());
            CompiledTierRule rule = policy.rules(PolicyType.EGRESS).get(slot.rule());
            PortSet ports = external ? rule.numericPorts() : rule.portsToward(destination);
            (policy.tier() == PolicyTier.ADMIN ? admin : baseline).apply(index.tiers.subjects[slot.policy()], ports, rule.ref().action());
        }
        return new TierPartitionCache.Partitions(admin.settled(), baseline.settled());
    }

    /**
     * A class selected by Cilium's deny parts gets the partitions of those with ingress rules and
     * of the rest apart, from the cache (where classes with other denials share the rest's), and
     * the Admin tier's is the rest's behind the denials'.
     */
    private static TierPartitionCache.Partitions ingress(Evaluation evaluation, ConnectivityIndex index, int column, int from, int to) {
        TierIndex tiers = index.tiers;
        if (tiers.ingressRestPolicies[column] == null) {
            return ingress(evaluation, index, column, tiers.selecting[column], from, to);
        }
        TierPartitionCache.Partitions rest = rest(evaluation, index, column, from, to);
        if (tiers.ingressDenialList[column] < 0) {
            return rest;
        }
        TierPartitionCache.Partitions denials = on(evaluation, index, key(index, false, tiers.ingressDenialList[column], column), from, to,
                (first, end) -> ingress(evaluation, index, column, tiers.ingressDenialPolicies[column], first, end));
        return new TierPartitionCache.Partitions(rest.admin().behind(denials.admin()), rest.baseline());
    }

    /** For a class Cilium's deny parts select: the partitions of its other tier policies with ingress rules. */
    private static TierPartitionCache.Partitions rest(Evaluation evaluation, ConnectivityIndex index, int column, int from, int to) {
        TierIndex tiers = index.tiers;
        return on(evaluation, index, key(index, false, tiers.ingressRestList[column], column), from, to,
                (first, end) -> ingress(evaluation, index, column, tiers.ingressRestPolicies[column], first, end));
    }

    /**
     * For a toggle of tier policy {@code toggled}: the key of {@link #ingressChanging}. Classes
     * with the same key get the same answer there.
     */
    static long ingressChangingKey(ConnectivityIndex index, int column, int toggled) {
        return restAlone(index, column, toggled) ? key(index, false, index.tiers.ingressRestList[column], column) : ingressKey(index, column);
    }

    /**
     * For a toggle of tier policy {@code toggled}: partitions on every block that, compared before
     * and after ({@link #changedSources}), name every source of class {@code column} whose ingress
     * the tiers decide differently. Where Cilium's deny parts select the class and the toggled
     * policy is none of them, those are the rest's partitions alone: the denials stay as they
     * were, and a source the rest decides alike is decided alike behind them ({@link
     * TierPartition#behind}). The sources found may include a few whose ports the denials keep
     * as they were; a toggle recomputes those to the same. Many classes share the rest's list,
     * whose partitions have fewer groups than with the denials crossed in.
     */
    static TierPartitionCache.Partitions ingressChanging(Evaluation evaluation, ConnectivityIndex index, int column, int toggled) {
        return restAlone(index, column, toggled) ? rest(evaluation, index, column, 0, index.blockCount) : ingress(evaluation, index, column);
    }

    private static boolean restAlone(ConnectivityIndex index, int column, int toggled) {
        int[] denials = index.tiers.ingressDenialPolicies[column];
        if (denials == null) {
            return false;
        }
        for (int denial : denials) {
            if (denial == toggled) {
                return false;
            }
        }
        return true;
    }

    /** The partitions of the tier policies {@code selecting} (some of those selecting class {@code column}, in decision order). */
    private static TierPartitionCache.Partitions ingress(Evaluation evaluation, ConnectivityIndex index, int column, int[] selecting, int from,
            int to) {
        PodClass destination = index.classes.get(column);
        TierPartition admin = new TierPartition(index.allClasses, from, to);
        TierPartition baseline = new TierPartition(index.allClasses, from, to);
        for (int t : selecting) {
            if (!evaluation.isTierEnabled(t)) {
                continue;
            }
            CompiledTierPolicy policy = index.tiers.policies.get(t);
            TierPartition tier = policy.tier() == PolicyTier.ADMIN ? admin : baseline;
            List<CompiledTierRule> rules = policy.rules(PolicyType.INGRESS);
            for (int r = 0; r < rules.size(); r++) {
                tier.apply(index.tiers.peers[t][PolicyType.INGRESS.ordinal()][r], rules.get(r).portsToward(destination), rules.get(r).ref().action());
            }
        }
        return new TierPartitionCache.Partitions(admin.settled(), baseline.settled());
    }

    /** Columns with the same egress rules (and, when the rules name ports, destinations declaring the same ports) share a key. */
    static long egressKey(ConnectivityIndex index, int column) {
        boolean external = column >= index.classCount;
        int listId = external ? index.tiers.externalEgressList[column - index.classCount] : index.tiers.egressList[column];
        return key(index, true, listId, column);
    }

    static long ingressKey(ConnectivityIndex index, int column) {
        return key(index, false, index.tiers.ingressList[column], column);
    }

    private static long key(ConnectivityIndex index, boolean egress, int listId, int column) {
        boolean byPorts = index.tiers.listNamesPorts.get(listId) && column < index.classCount;
        return TierPartitionCache.key(egress, listId, byPorts ? index.portProfile[column] : -1);
    }

    /**
     * Which source classes two partitions of the same side of a column decide differently.
     * {@code allowedChanged}: the Admin tier allows other ports, or the Baseline tier decides
     * otherwise. {@code passedOnly}: the Admin tier allows the same ports but denies others, so
     * only what it leaves to the layers below changed; such a source keeps its verdict wherever
     * the layers below allow it nothing. Every other source gets the same verdict from both,
     * whatever the layers below say, so a toggle leaves its pair in that column as it was.
     */
    record Delta(ClassSet allowedChanged, ClassSet passedOnly) {

        /** The sources to recompute, given those the layers below may allow something (asked only when needed). */
        ClassSet sources(java.util.function.Supplier<ClassSet> allowedBelow) {
            return passedOnly.isEmpty() ? allowedChanged : allowedChanged.or(passedOnly.and(allowedBelow.get()));
        }

        /**
         * The block window {@code [from, to)} that holds {@link #sources}, {@code [0, 0)} when there
         * are none. When the passed-only sources lie within the window of those whose allows
         * changed, whatever part of them the layers below support, the window is that one, and
         * {@code allowedBelow} (a union over many rules) is not asked.
         */
        int[] span(java.util.function.Supplier<ClassSet> allowedBelow) {
            ClassSet sources = allowedChanged;
            if (!passedOnly.isEmpty() && !within(passedOnly.blockSpan(), allowedChanged)) {
                sources = sources(allowedBelow);
            }
            return sources.isEmpty() ? new int[] {0, 0} : sources.blockSpan();
        }

        private static boolean within(int[] span, ClassSet sources) {
            if (sources.isEmpty()) {
                return false;
            }
            int[] outer = sources.blockSpan();
            return outer[0] <= span[0] && span[1] <= outer[1];
        }
    }

    static Delta changedSources(TierPartitionCache.Partitions before, TierPartitionCache.Partitions after, ClassSet none) {
        ClassSet[] admin = changed(before.admin(), after.admin(), none);
        ClassSet[] baseline = changed(before.baseline(), after.baseline(), none);
        return new Delta(admin[0].or(baseline[0]).or(baseline[1]), admin[1]);
    }

    /** {allowed other ports, allowed the same but denied other ports}. */
    private static ClassSet[] changed(TierPartition before, TierPartition after, ClassSet none) {
        ClassSet[] changed = {none, none};
        if (before == after) {
            return changed;
        }
        for (int g = 0; g < before.size(); g++) {
            for (int h = 0; h < after.size(); h++) {
                boolean sameAllowed = before.allowed(g).equals(after.allowed(h));
                if (sameAllowed && before.denied(g).equals(after.denied(h))) {
                    continue;
                }
                ClassSet both = before.classes(g).and(after.classes(h));
                changed[sameAllowed ? 1 : 0] = changed[sameAllowed ? 1 : 0].or(both);
            }
        }
        return changed;
    }
}

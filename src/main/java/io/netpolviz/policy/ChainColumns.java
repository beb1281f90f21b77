package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.List;

/**
 * Connectivity columns when Calico policies take part: each side of a destination column is
 * one {@link TierPartition} walked through every tier of {@link OrderedTiers} in order —
 * cluster-wide, NetworkPolicy and Calico rules alike are "this rule's matches minus what an
 * earlier rule decided", each tier ends with its default action for the endpoints its policies
 * apply to, and passed ports open again in the next tier. Whatever no tier decided is allowed.
 * Whole columns are shared through {@link ChainMemo}: columns whose sides have equal
 * {@link ChainKeys} are walked once, and the memo outlives the evaluation for the toggles made
 * from it ({@code CalicoToggle}); the ids of each column's sides tell a toggle which columns changed.
 */
final class ChainColumns {

    private final Evaluation evaluation;
    private final PolicyEngine engine;
    private final ConnectivityIndex index;
    private final CalicoIndex calico;
    /** Per tier with a denying default: the sources some switched-on policy of the tier applies to for egress (empty elsewhere). */
    private final ClassSet[] egressSelected;
    private final ChainMemo memo;
    private final ChainKeys keys;
    private final IngressShares shares;
    /** Per column: the ids of its egress and ingress sides in {@link #memo}, {@code UNKNOWN} until asked. */
    private final int[] egressIds;
    private final int[] ingressIds;
    /** Per column, its egress shape ({@link ChainReach#egressShapes}); per shape, the id of its egress side, {@code UNKNOWN} until asked. */
    private final int[] egressShapes;
    private final int[] egressIdsByShape;
    /** The columns whose egress id names a side their own key walks to in this generation only ({@link ChainEgressDeltas}). */
    private final java.util.BitSet keptEgressIds = new java.util.BitSet();
    /** Per class: its ingress key, kept once made, since walks resume by its beginning ({@link WalkPrefixes}). */
    private final ChainKeys.Key[] ingressKeys;
    /** Per class: the entries of its ingress walk ({@link IngressEntries}), made on first use; keys and walks both read them. */
    private final long[][] ingressEntries;
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private int[] ingressRanks;
    private int ingressRankCount;

    /** The columns of {@code evaluation}, sharing the walks of {@code previous} (an earlier evaluation's memo; may be null). */
    ChainColumns(Evaluation evaluation, ChainMemo previous) {
        this.evaluation = evaluation;
        this.engine = evaluation.engine();
        this.index = engine.connectivityIndex();
        this.calico = engine.calicoIndex();
        List<OrderedTiers.Tier> tiers = calico.tiers.tiers();
        this.egressSelected = new ClassSet[tiers.size()];
        for (int t = 0; t < tiers.size(); t++) {
            ClassSet selected = index.emptyClasses;
            // Only a denying default reads which sources the tier applies to: elsewhere a toggle changing that changes nothing.
            List<OrderedTiers.Entry> entries = tiers.get(t).defaultAction() == RuleAction.DENY ? tiers.get(t).entries() : List.of();
            for (OrderedTiers.Entry entry : entries) {
                if (entry.kind() == OrderedTiers.Kind.NETWORK_POLICIES) {
                    selected = selected.or(evaluation.egressIsolated());
                } else if (entry.kind() == OrderedTiers.Kind.CALICO && evaluation.isCalicoEnabled(entry.index())) {
                    selected = selected.or(calico.subjects[entry.index()][PolicyType.EGRESS.ordinal()]);
                }
            }
            egressSelected[t] = selected;
        }
        this.memo = previous == null ? new ChainMemo(egressSelected) : previous.following(egressSelected);
        this.ingressEntries = new long[index.classCount][];
        this.keys = new ChainKeys(evaluation);
        this.shares = new IngressShares(evaluation, keys);
        this.egressIds = new int[index.columnCount()];
        this.ingressIds = new int[index.classCount];
        this.ingressKeys = new ChainKeys.Key[index.classCount];
        java.util.Arrays.fill(egressIds, UNKNOWN);
        this.egressShapes = calico.reach.egressShapes(index);
        this.egressIdsByShape = new int[calico.reach.egressShapeCount(index)];
        java.util.Arrays.fill(egressIdsByShape, UNKNOWN);
        java.util.Arrays.fill(ingressIds, UNKNOWN);
    }

    /** The entries class {@code column}'s ingress walk takes, in order. */
    synchronized long[] ingressEntries(int column) {
        if (ingressEntries[column] == null) {
            share(column);
        }
        return ingressEntries[column];
    }

    /** Gives class {@code column} the entries and key of its kind ({@link IngressShares}). */
    private void share(int column) {
        IngressShares.Made made = shares.of(column);
        ingressEntries[column] = made.entries();
        ingressKeys[column] = made.key();
    }

    ChainMemo memo() {
        return memo;
    }

    /** The id of the egress side of {@code column} in {@link #memo()}. */
    synchronized int egressId(int column) {
        if (egressIds[column] == UNKNOWN) {
            int shape = egressShapes[column];
            if (egressIdsByShape[shape] == UNKNOWN) {
                egressIdsByShape[shape] = memo.egressId(keys.egress(column));
            }
            egressIds[column] = egressIdsByShape[shape];
        }
        return egressIds[column];
    }

    /** The id of the ingress side of class {@code column} in {@link #memo()}, -1 for a host-network pod. */
    synchronized int ingressId(int column) {
        if (ingressIds[column] == UNKNOWN) {
            ingressIds[column] = memo.ingressId(ingressKey(column));
        }
        return ingressIds[column];
    }

    /** The ingress key of class {@code column} (null for a host-network pod). */
    synchronized ChainKeys.Key ingressKey(int column) {
        if (ingressEntries[column] == null) {
            share(column);
        }
        return ingressKeys[column];
    }

    /** Names column {@code column}'s egress side by {@code id}, the id of a key whose side is, in this generation, its key's. */
    synchronized void keepEgressId(int column, int id) {
        egressIds[column] = id;
        keptEgressIds.set(column);
    }

    /** The egress side of {@code column} on every source block, walked once per id. */
    WindowPartition egressSideOf(int column) {
        int blocks = index.blockCount;
        return memo.egressSide(egressId(column), () -> toPartition(egressSide(column, 0, blocks), 0, blocks));
    }

    /** Names class {@code column}'s ingress side by {@code id}, the id of a key whose side is the same as its key's. */
    synchronized void keepIngressId(int column, int id) {
        ingressIds[column] = id;
        ingressRanks = null;
    }

    /**
     * Takes {@code earlier}'s side ids for the columns a toggle cannot have touched: every column
     * outside {@code egressTouched} keeps its egress key, every class outside {@code ingressTouched}
     * its ingress key (null: all may have changed).
     */
    synchronized void inherit(ChainColumns earlier, java.util.BitSet egressTouched, java.util.BitSet ingressTouched) {
        boolean sameGeneration = earlier.memo == memo;
        for (int column = 0; column < egressIds.length; column++) {
            // A kept id names the side of another key: in another generation that side may differ, so the key is asked again.
            boolean kept = earlier.keptEgressIds.get(column);
            if (egressTouched != null && !egressTouched.get(column) && (sameGeneration || !kept)) {
                egressIds[column] = earlier.egressIds[column];
                keptEgressIds.set(column, kept);
            }
        }
        for (int column = 0; column < ingressIds.length; column++) {
            if (ingressTouched != null && !ingressTouched.get(column)) {
                ingressIds[column] = earlier.ingressIds[column];
                ingressKeys[column] = earlier.ingressKeys[column];
                ingressEntries[column] = earlier.ingressEntries[column];
            }
        }
    }

    /** Whether {@code column} has the same sides here as in {@code earlier} (whose ids are asked for when it has not yet). */
    boolean sameColumnAs(ChainColumns earlier, int column) {
        return earlier.memo == memo && egressId(column) == earlier.egressId(column)
                && (column >= index.classCount || ingressId(column) == earlier.ingressId(column));
    }

    /**
     * One destination column (a class, or an external peer past the classes) for sources on blocks {@code [from, to)}.
     * On a window (a toggle's), each side is the whole side of its id kept to the window: an egress side is walked once
     * per id on every block, since a broad policy's egress rules reach hundreds of columns with a few dozen keys; an
     * ingress side is too when some column walked it whole, and is otherwise walked on the window, once per id.
     */
    PortGroup[] column(int column, int from, int to) {
        if (from == 0 && to == index.blockCount) {
            return wholeColumn(column);
        }
        boolean egressOnly = column >= index.classCount || index.hostNetwork[column];
        // Columns with the same sides share the window, as whole columns do.
        return memo.window(egressId(column), egressOnly ? -1 : ingressId(column), from, to, () -> {
            WindowPartition egress = egressSideOf(column).window(from, to);
            return egressOnly ? egress.toArray() : egress.cross(ingressWindow(column, from, to)).toArray();
        });
    }

    private WindowPartition ingressWindow(int column, int from, int to) {
        int id = ingressId(column);
        WindowPartition whole = memo.knownIngressSide(id);
        return whole != null ? whole.window(from, to)
                : memo.ingressWindow(id, from, to, () -> toPartition(ingressSide(column, from, to), from, to));
    }

    private PortGroup[] wholeColumn(int column) {
        int blocks = index.blockCount;
        int egressId = egressId(column);
        int ingressId = column >= index.classCount ? -1 : ingressId(column);
        return memo.column(egressId, ingressId, () -> {
            WindowPartition egress = egressSideOf(column);
            if (ingressId < 0) {
                return egress.toArray();
            }
            return egress.cross(memo.ingressSide(ingressId, () -> toPartition(ingressSide(column, 0, blocks), 0, blocks))).toArray();
        });
    }

    private TierPartition egressSide(int column, int from, int to) {
        boolean external = column >= index.classCount;
        PodClass destination = external ? null : index.classes.get(column);
        TierPartition side = new TierPartition(index.allClasses, from, to);
        List<OrderedTiers.Tier> tiers = calico.tiers.tiers();
        // Only the entries that can reach the column are visited (EgressEntries), each tier's end always.
        int[] visited = calico.egressEntries.of(column);
        int v = 0;
        for (int t = 0; t < tiers.size(); t++) {
            OrderedTiers.Tier tier = tiers.get(t);
            for (; v < visited.length && calico.egressEntries.tier(visited[v]) == t; v++) {
                OrderedTiers.Entry entry = calico.egressEntries.entry(visited[v]);
                switch (entry.kind()) {
                    case CLUSTER -> {
                        if (!evaluation.isTierEnabled(entry.index())) {
                            continue;
                        }
                        List<CompiledTierRule> rules = index.tiers.policies.get(entry.index()).rules(PolicyType.EGRESS);
                        ChainReach reach = calico.reach;
                        int[] reaching = external ? reach.clusterEgressExternal[column - index.classCount] : reach.clusterEgress[column];
                        int first = reach.clusterFirstRule[entry.index()];
                        int end = reach.clusterFirstRule[entry.index() + 1];
                        for (int at = ChainReach.firstAtOrAfter(reaching, first); at < reaching.length && reaching[at] < end; at++) {
                            CompiledTierRule rule = rules.get(reaching[at] - first);
                            side.apply(index.tiers.subjects[entry.index()], external ? rule.numericPorts() : rule.portsToward(destination),
                                    rule.ref().action());
                        }
                    }
                    case NETWORK_POLICIES -> {
                        WindowPartition allows = networkPolicyEgress(column, from, to, entry);
                        for (int g = 0; g < allows.ports.size(); g++) {
                            side.apply(allows.sets.get(g), allows.ports.get(g), RuleAction.ALLOW);
                        }
                    }
                    case CALICO -> calicoEgress(side, entry.index(), column, destination);
                }
            }
            endOfTier(side, tier, egressSelected[t], t == tiers.size() - 1);
        }
        return side;
    }

    private void calicoEgress(TierPartition side, int policy, int column, PodClass destination) {
        if (!evaluation.isCalicoEnabled(policy)) {
            return;
        }
        List<CompiledCalicoRule> rules = calico.policies.get(policy).rules(PolicyType.EGRESS);
        ChainReach reach = calico.reach;
        // The deciding rules that reach the column, in rule order: its list holds them (ChainReach), matched once per engine.
        int[] reaching = destination == null ? reach.calicoEgressExternal[column - index.classCount] : reach.calicoEgress[column];
        int end = reach.calicoFirstRule[policy + 1];
        for (int at = ChainReach.firstAtOrAfter(reaching, reach.calicoFirstRule[policy]); at < reaching.length && reaching[at] < end; at++) {
            int r = reach.calicoRuleIndex[reaching[at]];
            CompiledCalicoRule rule = rules.get(r);
            side.apply(calico.egressSources[policy][r],
                    destination == null ? rule.numericPorts() : rule.portsToward(destination), rule.decision());
        }
    }

    private TierPartition ingressSide(int column, int from, int to) {
        return ingressWalk(column).side(from, to);
    }

    /** Class {@code column}'s ingress walk, as this evaluation's entries and key for it say. */
    ChainIngressWalk ingressWalk(int column) {
        return new ChainIngressWalk(evaluation, memo.ingressPrefixes, column, ingressEntries(column), ingressKey(column));
    }

    /** The tier's default action for the endpoints its policies apply to, then the next tier (if any) opens what was passed. */
    static void endOfTier(TierPartition side, OrderedTiers.Tier tier, ClassSet selected, boolean last) {
        if (tier.defaultAction() == RuleAction.DENY && !selected.isEmpty()) {
            side.apply(selected, PortSet.ALL, RuleAction.DENY);
        }
        // After the last tier only the allowed and denied ports are read: nothing is passed on to reopen.
        if (!last) {
            side.reopen();
        }
    }

    /** What the egress rules of switched-on NetworkPolicies admit toward this column, per source group. */
    private WindowPartition networkPolicyEgress(int column, int from, int to, OrderedTiers.Entry entry) {
        WindowPartition groups = new WindowPartition(index.classCount, from, to);
        boolean external = column >= index.classCount;
        int[][] lists = external ? new int[][] {index.egressSlotsReachingExternal[column - index.classCount]}
                : new int[][] {index.egressSlotsReachingClass[column], index.egressSlotsReachingAll};
        for (int[] slots : lists) {
            for (int s : slots) {
                ConnectivityIndex.EgressSlot slot = index.egressSlots[s];
                if (evaluation.isEnabled(slot.policy()) && entry.holds(slot.policy())) {
                    groups.add(external ? slot.rule().numericPorts() : index.egressPorts(s, column), index.governed[slot.policy()]);
                }
            }
        }
        return groups.refine();
    }

    /**
     * Per class, the rank of its ingress side's id among this evaluation's distinct ids, -1 for a host-network pod: an
     * external peer's answer depends on that side alone, so a row asks once per rank ({@link ConnectivityBuilder}).
     * Made when the first row is asked; an id kept afterwards ({@link #keepIngressId}) has them made again.
     */
    synchronized int[] ingressRanks() {
        if (ingressRanks == null) {
            java.util.Map<Integer, Integer> ranks = new java.util.HashMap<>();
            int[] out = new int[index.classCount];
            for (int d = 0; d < out.length; d++) {
                out[d] = index.hostNetwork[d] ? -1 : ranks.computeIfAbsent(ingressId(d), id -> ranks.size());
            }
            ingressRanks = out;
            ingressRankCount = ranks.size();
        }
        return ingressRanks;
    }

    /** How many ranks {@link #ingressRanks} gives. */
    synchronized int ingressRankCount() {
        ingressRanks();
        return ingressRankCount;
    }

    /** What the destination's ingress lets in from external peer {@code external}, walked tier by tier. */
    PortSet fromExternal(int external, int destination) {
        PodClass podClass = index.classes.get(destination);
        if (podClass.hostNetwork()) {
            return PortSet.ALL;
        }
        return memo.fromExternal(external, ingressId(destination), () -> ChainExternalIngress.allowed(evaluation,
                ingressEntries(destination), ingressKey(destination), memo.externalPrefixes, external, destination));
    }

    /** The classes with what the tiers left them: allowed, or never decided (the default allows). */
    private WindowPartition toPartition(TierPartition side, int from, int to) {
        WindowPartition out = new WindowPartition(index.classCount, from, to);
        for (int g = 0; g < side.size(); g++) {
            PortSet ports = side.allowedWithDefault(g);
            if (!ports.isEmpty()) {
                out.merge(ports, side.classes(g));
            }
        }
        return out;
    }
}

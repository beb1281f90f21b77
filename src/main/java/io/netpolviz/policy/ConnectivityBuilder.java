package io.netpolviz.policy;

import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link Connectivity} for one evaluation: in full, or — for a toggle — only the
 * columns and the block window of sources the toggled policy can affect.
 *
 * <p>One destination column is built from two partitions of the source classes. The egress
 * side: sources no switched-on policy isolates for egress may send on every port; an isolated
 * source may send what the egress rules of its policies that reach this destination admit.
 * The ingress side: an unisolated destination accepts everything; an isolated one accepts from
 * each source what the ingress rules of its policies admit. Each side is a few (ports, sources)
 * groups; the column is their pairwise intersection. All set work is bitwise over classes.
 */
final class ConnectivityBuilder {

    private final PolicyEngine engine;
    private final ConnectivityIndex index;
    private final Evaluation evaluation;
    /** Sources whose egress no switched-on policy restricts (host-network pods included). */
    private final ClassSet egressOpen;
    private final boolean externalTiers; // some tier rule can match a source outside the cluster (Cilium's ingressDeny)
    /** Set when Calico policies take part: every column then walks all the ordered tiers. */
    private final ChainColumns chain;
    /** The sides of the columns computed so far, for the columns alike that follow. */
    private final ColumnSides sides = new ColumnSides();
    /** Whole class columns shared by the classes alike; null with Calico. */
    private final AlikeColumns alike;
    private final IngressKinds ingressKinds;
    // What the maps of shared work compute on a miss, made once per builder.
    private final ColumnSides.OfColumn<WindowPartition> egressSides = this::egressSide;
    private final ColumnSides.OfColumn<WindowPartition> ingressSides = this::keptIngressSide;
    private final ColumnSides.OfColumn<WindowPartition> computedIngressSides = this::ingressSide;
    private final ColumnSides.OfColumn<TierPartitionCache.Partitions> egressPartitions = this::egressPartitionsOn;
    private final ColumnSides.OfColumn<TierPartitionCache.Partitions> ingressPartitions = this::ingressPartitionsOn;
    private final ColumnSides.OfColumn<PortGroup[]> wholeColumns = this::column;
    private final ColumnSides.OfColumn<WindowPartition> networkPolicySides = this::networkPolicyIngress;

    ConnectivityBuilder(Evaluation evaluation) {
        this.chain = evaluation.engine().hasCalico() ? evaluation.chainColumns() : null;
        this.engine = evaluation.engine();
        this.index = engine.connectivityIndex();
        this.evaluation = evaluation;
        this.egressOpen = index.allClasses.andNot(evaluation.egressIsolated());
        this.externalTiers = index.tiers.externalIngress;
        this.ingressKinds = chain == null ? evaluation.ingressKinds() : null;
        this.alike = chain == null ? new AlikeColumns(evaluation, ingressKinds) : null;
    }

    Connectivity full() {
        int blocks = index.blockCount;
        PortGroup[][] columns = new PortGroup[index.columnCount()][];
        for (int column = 0; column < columns.length; column++) {
            columns[column] = alike != null && column < index.classCount ? alike.whole(column, blocks, wholeColumns) : column(column, 0, blocks);
        }
        PortGroup[][] rows = new PortGroup[index.externals.size()][];
        for (int external = 0; external < rows.length; external++) {
            rows[external] = externalRow(external, 0, blocks);
        }
        return new Connectivity(engine, columns, rows);
    }

    /**
     * The connectivity after toggling {@code policy}, from the connectivity before it; the
     * changed pairs go to {@code changes}. An ingress toggle changes only the columns of the
     * classes the policy selects (and the external peers' rows there); an egress toggle changes
     * only the sources it selects, which lie in its block window, and only in the columns its
     * rules reach — every column if it flips whether some source is isolated at all.
     */
    Connectivity toggle(Connectivity before, Evaluation previous, CompiledPolicy policy, ChangeCollector changes) {
        int p = policy.index();
        int from = index.window[p][0];
        int to = index.window[p][1];
        PortGroup[][] columns = before.columns.clone();
        PortGroup[][] rows = before.externalRows.clone();
        if (from >= to) {
            return new Connectivity(engine, columns, rows);
        }
        ClassSet recomputed = index.emptyClasses;
        if (policy.decides(PolicyType.INGRESS)) {
            recomputed = index.governed[p];
            recomputed.forEach(d -> updateWindow(columns, d, 0, index.blockCount, changes));
            for (int external = 0; external < rows.length; external++) {
                PortGroup[] updated = ColumnWindows.splice(rows[external], externalRow(external, from, to), from, to);
                changes.row(external, rows[external], updated, from, to);
                rows[external] = updated;
            }
        }
        if (policy.decides(PolicyType.EGRESS)) {
            boolean flips = !previous.egressIsolated().sameOn(evaluation.egressIsolated(), from, to);
            ClassSet alreadyDone = recomputed;
            // A column whose egress side on the window is what it was keeps its pairs there: the ingress side did not move.
            ConnectivityBuilder earlier = chain == null ? new ConnectivityBuilder(previous) : null;
            // Isolation alike on the window: only the policy's own egress rules can move a class column's egress side there.
            EgressMoves moves = earlier == null || flips ? null : new EgressMoves(evaluation.isEnabled(p) ? earlier : this, evaluation, policy);
            java.util.function.IntConsumer update = column -> {
                if (column < index.classCount && (alreadyDone.contains(column) || IsolatingLists.admitsNothingFrom(evaluation, column, from, to))) {
                    return;
                }
                if (earlier == null || (moves != null && column < index.classCount ? moves.moves(column, from, to)
                        : !earlier.egressSideOf(column, from, to).sameAs(egressSideOf(column, from, to)))) {
                    updateWindow(columns, column, from, to, changes);
                }
            };
            if (flips) {
                for (int column = 0; column < columns.length; column++) {
                    update.accept(column);
                }
            } else {
                index.egressReach[p].forEach(update);
                for (int external : index.egressReachExternal[p]) {
                    update.accept(index.externalColumn(external));
                }
            }
        }
        return new Connectivity(engine, columns, rows);
    }

    /**
     * The connectivity after toggling a cluster-wide policy. Its ingress rules can change only the
     * columns of the classes it selects, its egress rules only the columns they reach; and in such
     * a column only the sources whose verdict the tiers now decide differently, on the window
     * {@link TierToggleWindows} gives (none at all for a rule that earlier rules or the
     * NetworkPolicies below already decide alike). External peers' rows never change, for no
     * cluster-wide rule matches an external source.
     */
    Connectivity toggleTier(Connectivity before, Evaluation previous, CompiledTierPolicy policy, ChangeCollector changes) {
        PortGroup[][] columns = before.columns.clone();
        PortGroup[][] rows = before.externalRows.clone();
        int t = policy.index();
        boolean baseline = policy.tier() == PolicyTier.BASELINE;
        TierToggleWindows windows = new TierToggleWindows(previous, evaluation, policy, egressOpen, ingressKinds);
        if (!policy.rules(PolicyType.INGRESS).isEmpty()) {
            index.tiers.subjects[t].forEach(d -> {
                // The Baseline tier decides a destination's ingress only where no NetworkPolicy isolates it.
                if (!baseline || evaluation.isolatingIndices(PolicyType.INGRESS, d).length == 0) {
                    int[] window = windows.ingress(d);
                    updateWindow(columns, d, window[0], window[1], changes);
                }
            });
        }
        if (!policy.rules(PolicyType.EGRESS).isEmpty()) {
            // A column the ingress step updated is updated again on this window: each update reads the columns as they now are.
            java.util.function.IntConsumer update = column -> {
                int[] window = windows.egress(column);
                updateWindow(columns, column, window[0], window[1], changes);
            };
            index.tiers.egressReach[t].forEach(update);
            for (int external : index.tiers.egressReachExternal[t]) {
                update.accept(index.externalColumn(external));
            }
        }
        return new Connectivity(engine, columns, rows);
    }

    /** Recomputes blocks {@code [from, to)} of one column, and splices and reports them when they changed. */
    private void updateWindow(PortGroup[][] columns, int column, int from, int to, ChangeCollector changes) {
        if (from >= to) {
            return;
        }
        PortGroup[] before = columns[column];
        PortGroup[] updated = alike != null && column < index.classCount
                ? alike.updated(column, before, from, to, this::spliced) : spliced(before, column, from, to);
        if (updated != before) {
            changes.column(column, before, updated, from, to);
            columns[column] = updated;
        }
    }

    /** {@code before} with blocks {@code [from, to)} recomputed: {@code before} itself when they hold the same. */
    private PortGroup[] spliced(PortGroup[] before, int column, int from, int to) {
        PortGroup[] window = column(column, from, to);
        return ColumnWindows.sameOnWindow(before, window, from, to) ? before : ColumnWindows.splice(before, window, from, to);
    }

    /**
     * One destination column, for the source classes in blocks {@code [from, to)}: what the
     * policies allow, kept to the sources on the destination's network ({@link NetworkMask}).
     */
    PortGroup[] column(int column, int from, int to) {
        PortGroup[] allowed = policyColumn(column, from, to);
        return column < index.classCount ? engine.networkMask().column(allowed, column, from, to) : allowed;
    }

    private PortGroup[] policyColumn(int column, int from, int to) {
        if (chain != null) {
            return chain.column(column, from, to);
        }
        if (column >= index.classCount) {
            return egressSide(column, from, to).toArray();
        }
        WindowPartition egressSide = egressSideOf(column, from, to);
        if (index.hostNetwork[column]) {
            return egressSide.toArray();
        }
        int[] isolating = evaluation.isolatingIndices(PolicyType.INGRESS, column);
        if (isolating.length == 0 && index.tiers.selecting[column].length == 0) {
            return egressSide.toArray();
        }
        WindowPartition ingressSide = sides.ingress(ingressKinds.of(column), column, from, to, ingressSides);
        return egressSide.cross(ingressSide).toArray();
    }

    /** A column's egress side on a window: a class column's is shared by its egress kind. */
    private WindowPartition egressSideOf(int column, int from, int to) {
        return column < index.classCount ? sides.egress(index.egressKind[column], column, from, to, egressSides) : egressSide(column, from, to);
    }

    private TierPartitionCache.Partitions egressPartitionsOn(int column, int from, int to) {
        return TierPartitions.egressOn(evaluation, index, column, from, to);
    }

    private TierPartitionCache.Partitions ingressPartitionsOn(int column, int from, int to) {
        return TierPartitions.ingressOn(evaluation, index, column, from, to);
    }

    /** What the egress rules of every layer let each source send toward {@code column} (a class or an external peer's column). */
    private WindowPartition egressSide(int column, int from, int to) {
        WindowPartition egressSide = networkPolicyEgress(column, from, to);
        boolean external = column >= index.classCount;
        TierIndex.Slot[] tierSlots = external ? index.tiers.egressReachingExternal[column - index.classCount] : index.tiers.egressReachingClass[column];
        if (tierSlots.length == 0) {
            egressSide.merge(PortSet.ALL, egressOpen);
            return egressSide;
        }
        return tieredEgress(egressSide, column, from, to);
    }

    /** The NetworkPolicy layer's part of a column's egress side on blocks {@code [from, to)}: a new partition each time. */
    WindowPartition networkPolicyEgress(int column, int from, int to) {
        WindowPartition egress = new WindowPartition(index.classCount, from, to);
        if (column < index.classCount) {
            addEgress(egress, index.egressSlotsReachingClass[column], column);
            addEgress(egress, index.egressSlotsReachingAll, column);
        } else {
            addEgress(egress, index.egressSlotsReachingExternal[column - index.classCount], -1);
        }
        return egress.refine();
    }

    /** The same as {@link #ingressSide}, cut from the one on every block that the evaluation's tier partitions keep for it. */
    private WindowPartition keptIngressSide(int column, int from, int to) {
        IngressIsolation isolation = new IngressIsolation(evaluation.isolatingIndices(PolicyType.INGRESS, column), index.portProfile[column]);
        return evaluation.tierPartitions().ingressSide(index.tiers.ingressList[column], isolation, column, from, to, computedIngressSides);
    }

    /** What the ingress rules of every layer let class {@code column} accept from each source, where some policy decides its ingress. */
    private WindowPartition ingressSide(int column, int from, int to) {
        int[] isolating = evaluation.isolatingIndices(PolicyType.INGRESS, column);
        WindowPartition ingressSide = isolating.length == 0 ? null : ingressKinds.networkPolicySides().side(isolating, index.portProfile[column], column, from, to, networkPolicySides);
        if (index.tiers.selecting[column].length > 0) {
            ingressSide = tieredIngress(ingressSide, column, from, to);
        }
        return ingressSide;
    }

    /** The NetworkPolicy layer's part of a class's ingress side: the union of the rules of the policies that isolate it. */
    private WindowPartition networkPolicyIngress(int column, int from, int to) {
        WindowPartition ingress = new WindowPartition(index.classCount, from, to);
        for (int p : evaluation.isolatingIndices(PolicyType.INGRESS, column)) {
            List<CompiledRule> rules = engine.policies().get(p).rules(PolicyType.INGRESS);
            for (int r = 0; r < rules.size(); r++) {
                ingress.add(index.ingressPorts(p, r, rules.get(r), column), index.ingressPeers[p][r]);
            }
        }
        return ingress.refine();
    }

    /**
     * The egress side with the ordered tiers: the Admin tier's rules that reach this destination
     * decide first (split by the sources they apply to); what they leave goes to the
     * NetworkPolicies for sources those isolate, and to the Baseline tier, then the default, for
     * the others.
     */
    private WindowPartition tieredEgress(WindowPartition networkPolicies, int column, int from, int to) {
        TierPartitionCache.Partitions tiers = sides.partitions(TierPartitions.egressKey(index, column), column, from, to, egressPartitions);
        WindowPartition below = networkPolicies;
        TierPartition baseline = tiers.baseline();
        for (int g = 0; g < baseline.size(); g++) {
            below.merge(baseline.allowedWithDefault(g), baseline.classes(g).and(egressOpen, from, to));
        }
        return tiers.admin().decidedAny() ? below.behind(tiers.admin()) : below;
    }

    /**
     * The ingress side with the ordered tiers whose policies select the destination: the Admin
     * tier first (split by the sources its rules match), then the NetworkPolicies when they
     * isolate the destination ({@code networkPolicies} non-null), else the Baseline tier and the default.
     */
    private WindowPartition tieredIngress(WindowPartition networkPolicies, int column, int from, int to) {
        TierPartitionCache.Partitions tiers = sides.partitions(TierPartitions.ingressKey(index, column), column, from, to, ingressPartitions);
        WindowPartition below = networkPolicies;
        if (below == null) {
            below = new WindowPartition(index.classCount, from, to);
            TierPartition baseline = tiers.baseline();
            for (int g = 0; g < baseline.size(); g++) {
                below.merge(baseline.allowedWithDefault(g), baseline.classes(g));
            }
        }
        return tiers.admin().decidedAny() ? below.behind(tiers.admin()) : below;
    }

    /** {@code destination} is a class index, or -1 for an external peer (which has no named ports). */
    private void addEgress(WindowPartition groups, int[] slots, int destination) {
        for (int s : slots) {
            ConnectivityIndex.EgressSlot slot = index.egressSlots[s];
            int p = slot.policy();
            // A policy's sources lie in its window: skip it when that misses the window asked for.
            if (!evaluation.isEnabled(p) || index.window[p][0] >= groups.to || index.window[p][1] <= groups.from) {
                continue;
            }
            PortSet ports = destination < 0 ? slot.rule().numericPorts() : index.egressPorts(s, destination);
            CompiledPolicy policy = engine.policies().get(p);
            // A part that does not isolate counts only for sources something else isolates.
            groups.add(ports, policy.isolates(PolicyType.EGRESS) ? index.governed[p] : index.governed[p].and(evaluation.egressIsolated()));
        }
    }

    /** What external peer {@code external} may reach, for the destination classes in blocks {@code [from, to)}. */
    PortGroup[] externalRow(int external, int from, int to) {
        List<PortSet> ports = new ArrayList<>();
        List<ClassSetBuilder> members = new ArrayList<>();
        int first = from * ClassSet.BLOCK_BITS;
        int end = Math.min(index.classCount, to * ClassSet.BLOCK_BITS);
        // Destinations of one IngressKind (with Calico, of one ingress side) get the same answer: asked once per row.
        int[] chainKinds = chain == null ? null : chain.ingressRanks();
        PortSet[] byKind = new PortSet[chain == null ? ingressKinds.count() : chain.ingressRankCount()];
        java.util.Map<Long, PortSet[]> tierDecided = new java.util.HashMap<>();
        for (int d = first; d < end; d++) {
            int kind = index.hostNetwork[d] ? -1 : chain == null ? ingressKinds.of(d) : chainKinds[d];
            PortSet allowed = kind < 0 ? ingressFromExternal(external, d)
                    : byKind[kind] != null ? byKind[kind] : (byKind[kind] = ingressFromExternal(external, d, tierDecided));
            if (allowed.isEmpty()) {
                continue;
            }
            int slot = ports.indexOf(allowed);
            if (slot < 0) {
                ports.add(allowed);
                members.add(new ClassSetBuilder(index.classCount));
                slot = ports.size() - 1;
            }
            members.get(slot).add(d);
        }
        PortGroup[] row = new PortGroup[ports.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = new PortGroup(ports.get(i), members.get(i).build());
        }
        return row;
    }

    /** What external peer {@code external} may send to class {@code destination}, asked of this destination alone. */
    PortSet ingressFromExternal(int external, int destination) {
        return ingressFromExternal(external, destination, new java.util.HashMap<>());
    }

    /** The same; the Admin tier's part follows from the destination's tier rules alone, so {@code tierDecided} keeps it by {@link TierPartitions#ingressKey}. */
    private PortSet ingressFromExternal(int external, int destination, java.util.Map<Long, PortSet[]> tierDecided) {
        if (chain != null) {
            return chain.fromExternal(external, destination);
        }
        if (index.hostNetwork[destination]) {
            return PortSet.ALL;
        }
        PortSet below = ExternalTierIngress.networkPolicies(evaluation, index, external, destination);
        if (!externalTiers || index.tiers.selecting[destination].length == 0) {
            return below;
        }
        long key = TierPartitions.ingressKey(index, destination);
        PortSet[] decided = tierDecided.get(key);
        if (decided == null) {
            decided = ExternalTierIngress.decided(evaluation, index.tiers, external, index.classes.get(destination));
            tierDecided.put(key, decided);
        }
        return ExternalTierIngress.withBelow(decided, below);
    }
}

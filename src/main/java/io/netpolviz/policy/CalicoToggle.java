package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Toggles when Calico policies take part. A Calico policy's default action reaches every peer of
 * the endpoints it selects, and a pass can hand a connection to any later tier, so which columns a
 * toggle changes is read off the columns' keys ({@link ChainKeys}), not guessed from the policy.
 * The keys that can change are recomputed: for a Calico or cluster-wide policy, the ingress keys
 * of the classes it selects and the egress keys of the columns its egress rules reach; for a
 * NetworkPolicy the same (it sits in Calico's default tier). A column whose sides keep their ids in the shared {@link ChainMemo}
 * (same generation, see {@link ChainMemo#following}) keeps its groups; the others are looked up or
 * walked, and only those are compared for {@link Changes}. The external peers' rows are redone
 * only on the blocks of the classes for which some peer's answer changed. Measured in {@code bench}
 * and docs/benchmarks.md.
 */
final class CalicoToggle {

    private CalicoToggle() {
    }

    static Evaluation toggle(Evaluation before, PolicyId id) {
        PolicyEngine engine = before.engine();
        ChainReach reach = engine.calicoIndex().reach;
        Connectivity was = before.connectivity();
        ChainColumns earlier = before.chainColumns();
        Evaluation next;
        BitSet egressTouched = null;
        BitSet ingressTouched = null;
        CompiledCalicoPolicy calico = engine.calicoPolicy(id).orElse(null);
        CompiledTierPolicy tier = engine.tierPolicy(id).orElse(null);
        if (calico != null) {
            BitSet calicoEnabled = (BitSet) before.calicoEnabledView().clone();
            calicoEnabled.flip(calico.index());
            next = before.withLayerSwitches(before.tierEnabledView(), calicoEnabled);
            egressTouched = reach.calicoEgressColumns[calico.index()];
            ingressTouched = calico.subjectsView(PolicyType.INGRESS);
        } else if (tier != null) {
            BitSet tierEnabled = (BitSet) before.tierEnabledView().clone();
            tierEnabled.flip(tier.index());
            next = before.withLayerSwitches(tierEnabled, before.calicoEnabledView());
            egressTouched = reach.clusterEgressColumns[tier.index()];
            ingressTouched = tier.subjectClassesView();
        } else {
            CompiledPolicy policy = engine.policy(id).orElseThrow(() -> new IllegalArgumentException("no policy " + id));
            next = before.withPolicySwitched(policy);
            // Its ingress isolation is in the keys of the classes it selects, its egress rules in those of the columns they
            // reach; its egress isolation is in which sources the default tier reaches, which starts a new memo generation.
            egressTouched = reach.networkPolicyEgressColumns(engine.connectivityIndex(), engine.policies().size(), policy.index());
            ingressTouched = policy.selectedClasses();
        }
        ChainColumns chain = next.chainColumns(earlier.memo());
        chain.inherit(earlier, egressTouched, ingressTouched);
        ConnectivityBuilder builder = new ConnectivityBuilder(next);
        int blocks = engine.connectivityIndex().blockCount;
        ChangeCollector changes = new ChangeCollector(engine);
        PortGroup[][] columns = was.columns.clone();
        ChainToggleWindows windows = ChainToggleWindows.of(engine, calico, tier);
        // A cluster-wide policy's ingress rules change only the classes whose walk stands otherwise on leaving its tier.
        BitSet ingressMoved = windows == null || tier == null || ChainToggleWindows.reachesExternals(engine, null, tier) ? ingressTouched
                : ChainIngressDeltas.changed(engine, earlier, chain, tier, ingressTouched, ChainToggleWindows.runs(windows.ingressSources(), blocks));
        ChainEgressDeltas egressDeltas = new ChainEgressDeltas(earlier, chain);
        // The runs of source blocks to recompute, by which sides a column's toggle touches: {ingress, egress, both}.
        List<List<int[]>> windowRuns = windows == null ? null : List.of(ChainToggleWindows.runs(windows.sources(true, false), blocks),
                ChainToggleWindows.runs(windows.sources(false, true), blocks), ChainToggleWindows.runs(windows.sources(true, true), blocks));
        for (int column = 0; column < columns.length; column++) {
            if (windows != null) {
                boolean egress = egressTouched.get(column) && !egressDeltas.keeps(column);
                recomputeWindows(engine, builder, windowRuns, changes, columns, column, egress, ingressMoved);
                continue;
            }
            if (chain.sameColumnAs(earlier, column)) {
                continue;
            }
            PortGroup[] updated = builder.column(column, 0, blocks);
            // New keys often walk to the groups the column had (a rule that an earlier one shadows): nothing to compare then.
            if (!Arrays.equals(updated, columns[column])) {
                changes.column(column, columns[column], updated, 0, blocks);
                columns[column] = updated;
            }
        }
        PortGroup[][] rows = was.externalRows.clone();
        // A policy with windows decides an external peer's way in only through its own rules (it never makes a tier's
        // default apply), so one whose ingress rules match no external peer leaves the rows as they were.
        boolean rowsMayMove = windows == null || ChainToggleWindows.reachesExternals(engine, calico, tier);
        BitSet answersMoved = rowsMayMove ? externalAnswersMoved(engine, chain, earlier, ingressTouched) : new BitSet();
        // Only the blocks of the destinations whose answers moved are asked again; the rest of each row stands.
        for (int[] run : ChainToggleWindows.runs(ClassSet.of(engine.connectivityIndex().classCount, answersMoved), blocks)) {
            for (int external = 0; external < rows.length; external++) {
                PortGroup[] updated = ColumnWindows.splice(rows[external], builder.externalRow(external, run[0], run[1]), run[0], run[1]);
                changes.row(external, rows[external], updated, run[0], run[1]);
                rows[external] = updated;
            }
        }
        return next.with(new Connectivity(engine, columns, rows), changes.changes());
    }

    /** Recomputes {@code column} on the blocks of the sources the toggle can change there, splicing in what changed. */
    private static void recomputeWindows(PolicyEngine engine, ConnectivityBuilder builder, List<List<int[]>> windowRuns,
            ChangeCollector changes, PortGroup[][] columns, int column, boolean egress, BitSet ingressTouched) {
        ConnectivityIndex index = engine.connectivityIndex();
        boolean ingress = column < index.classCount && !index.hostNetwork[column] && ingressTouched.get(column);
        if (!ingress && !egress) {
            return;
        }
        for (int[] run : windowRuns.get(ingress && egress ? 2 : egress ? 1 : 0)) {
            int from = run[0];
            int to = run[1];
            PortGroup[] window = builder.column(column, from, to);
            if (!ColumnWindows.sameOnWindow(columns[column], window, from, to)) {
                PortGroup[] updated = ColumnWindows.splice(columns[column], window, from, to);
                changes.column(column, columns[column], updated, from, to);
                columns[column] = updated;
            }
        }
    }

    /**
     * The classes for which some external peer's answer changed: only classes whose ingress side changed can have one,
     * those in {@code ingressTouched}; asked of both evaluations' walks, which {@link ChainMemo} keeps.
     */
    private static BitSet externalAnswersMoved(PolicyEngine engine, ChainColumns chain, ChainColumns earlier, BitSet ingressTouched) {
        int externals = engine.externalPeers().size();
        BitSet out = new BitSet();
        for (int d = ingressTouched.nextSetBit(0); d >= 0; d = ingressTouched.nextSetBit(d + 1)) {
            if (chain.ingressId(d) == earlier.ingressId(d)) {
                continue;
            }
            for (int external = 0; external < externals && !out.get(d); external++) {
                out.set(d, !chain.fromExternal(external, d).equals(earlier.fromExternal(external, d)));
            }
        }
        return out;
    }
}

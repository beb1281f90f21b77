package io.netpolviz.policy;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link IngressKind} of each class of one evaluation as a small number: columns, toggle
 * windows and external peers' rows all group destinations by kind, and comparing two numbers is
 * cheaper than hashing the kind's arrays again for every row and map. Two classes with the same
 * number have the same kind; after a toggle, classes whose kind may have changed get new numbers,
 * so two classes of one kind may then hold different numbers (they share less, never wrongly).
 * Immutable: found for every class at once, handed on by toggles that leave isolation as it was.
 */
final class IngressKinds {

    private final int[] ids;
    private final int count;
    /**
     * Per kind: the NetworkPolicy layer's ingress partition on every block, once some column of
     * the kind computed it. It follows from the isolating policies and the port profile alone, so
     * the evaluations that share these kinds (cluster-wide toggles keep them) share it: a toggle
     * recomputing a column on a window cuts it from here instead of adding up the isolating
     * policies' rules again. With Cilium's allow parts a class is isolated by about sixteen
     * policies, not four. The kinds a NetworkPolicy toggle makes ({@link #after}) start empty:
     * handing the entries on cost a copy per toggle that grew with every toggle's new numbers.
     */
    private final Map<Integer, WindowPartition> networkPolicySides = new ConcurrentHashMap<>();

    private IngressKinds(int[] ids, int count) {
        this.ids = ids;
        this.count = count;
    }

    /** The kinds of every class of {@code evaluation}. */
    static IngressKinds of(Evaluation evaluation) {
        ConnectivityIndex index = evaluation.engine().connectivityIndex();
        int[] ids = new int[index.classCount];
        Map<IngressKind, Integer> known = new HashMap<>();
        for (int c = 0; c < ids.length; c++) {
            ids[c] = known.computeIfAbsent(IngressKind.of(evaluation, index, c), kind -> known.size());
        }
        return new IngressKinds(ids, known.size());
    }

    /** These kinds with those of the {@code changed} classes found anew in {@code next} (the rest kept their isolation). */
    IngressKinds after(Evaluation next, BitSet changed) {
        if (changed.isEmpty()) {
            return this;
        }
        ConnectivityIndex index = next.engine().connectivityIndex();
        int[] nextIds = ids.clone();
        Map<IngressKind, Integer> fresh = new HashMap<>();
        for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
            nextIds[c] = fresh.computeIfAbsent(IngressKind.of(next, index, c), kind -> count + fresh.size());
        }
        return new IngressKinds(nextIds, count + fresh.size());
    }

    /** The number of class {@code column}'s kind, below {@link #count()}. */
    int of(int column) {
        return ids[column];
    }

    int count() {
        return count;
    }

    /**
     * The NetworkPolicy layer's ingress partition of class {@code column} (of kind {@link #of}) on
     * blocks {@code [from, to)} of {@code blocks}: cut from the one on every block when known,
     * else computed by {@code compute} (and kept when it is the one on every block).
     */
    WindowPartition networkPolicySide(int column, int from, int to, int blocks, ColumnSides.OfColumn<WindowPartition> compute) {
        int kind = ids[column];
        WindowPartition whole = networkPolicySides.get(kind);
        if (whole != null) {
            return from == 0 && to == blocks ? whole : whole.window(from, to);
        }
        WindowPartition side = compute.at(column, from, to);
        if (from == 0 && to == blocks) {
            networkPolicySides.put(kind, side);
        }
        return side;
    }
}

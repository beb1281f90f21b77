package io.netpolviz.policy;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

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
     * The NetworkPolicy layer's ingress partitions by what they follow from, shared by every
     * evaluation toggled from the one that made them (NetworkPolicy toggles included, whose new
     * kind numbers would miss a map by number); a fresh evaluation starts its own.
     */
    private final NetworkPolicyIngressSides networkPolicySides;

    private IngressKinds(int[] ids, int count, NetworkPolicyIngressSides networkPolicySides) {
        this.ids = ids;
        this.count = count;
        this.networkPolicySides = networkPolicySides;
    }

    /** The kinds of every class of {@code evaluation}. */
    static IngressKinds of(Evaluation evaluation) {
        ConnectivityIndex index = evaluation.engine().connectivityIndex();
        int[] ids = new int[index.classCount];
        Map<IngressKind, Integer> known = new HashMap<>();
        for (int c = 0; c < ids.length; c++) {
            ids[c] = known.computeIfAbsent(IngressKind.of(evaluation, index, c), kind -> known.size());
        }
        return new IngressKinds(ids, known.size(), new NetworkPolicyIngressSides(index.classCount, index.blockCount));
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
        return new IngressKinds(nextIds, count + fresh.size(), networkPolicySides);
    }

    /** The number of class {@code column}'s kind, below {@link #count()}. */
    int of(int column) {
        return ids[column];
    }

    int count() {
        return count;
    }

    /** The NetworkPolicy layer's ingress partitions, for these kinds and those toggled from them. */
    NetworkPolicyIngressSides networkPolicySides() {
        return networkPolicySides;
    }
}

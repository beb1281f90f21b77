package io.netpolviz.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Whole destination columns shared by the classes alike, within one {@link ConnectivityBuilder}.
 * A class column is the cross of its egress side (which follows from its egress kind) and its
 * ingress side (which follows from its {@link IngressKind}), unless host networking leaves only
 * the first, masked to its network: classes equal in those four ({@link Kind}) hold equal
 * columns. At L with 200 cluster-wide policies the 3,700 classes are about 1,200 kinds, and a
 * cluster-wide policy over the prod namespaces selects 3,176 classes of 1,013 kinds — so a column
 * is computed, spliced and compared once per kind instead of once per class, and the classes of a
 * kind hold one array. Not for Calico's columns, which walk every tier per destination.
 */
final class AlikeColumns {

    /** What a class column follows from, besides the switched-on policies. */
    record Kind(int egressKind, int ingressKind, boolean hostNetwork, int network) {

        /**
         * Mixed, not the record's {@code 31 * h + next}: with about 1,200 ingress kinds beside 178
         * egress kinds, that made (e, i) and (e + 1, i - 31) one hash, and the map's bins trees.
         */
        @Override
        public int hashCode() {
            long bits = ((long) egressKind << 32) ^ ingressKind ^ ((long) network << 48) ^ (hostNetwork ? 1L << 63 : 0L);
            return Long.hashCode(bits * 0x9E3779B97F4A7C15L);
        }
    }

    private final ConnectivityIndex index;
    private final IngressKinds ingressKinds;
    private final NetworkMask mask;
    private final Map<Kind, PortGroup[]> whole = new HashMap<>();
    private final Map<Update, PortGroup[]> updates = new HashMap<>();

    AlikeColumns(Evaluation evaluation, IngressKinds ingressKinds) {
        this.index = evaluation.engine().connectivityIndex();
        this.ingressKinds = ingressKinds;
        this.mask = evaluation.engine().networkMask();
    }

    Kind kind(int column) {
        return new Kind(index.egressKind[column], ingressKinds.of(column), index.hostNetwork[column], mask.network(column));
    }

    /** The whole column of class {@code column} ({@code blocks} blocks), computed by {@code compute} for the first class of its kind. */
    PortGroup[] whole(int column, int blocks, ColumnSides.OfColumn<PortGroup[]> compute) {
        Kind kind = kind(column);
        PortGroup[] known = whole.get(kind);
        if (known == null) {
            known = compute.at(column, 0, blocks);
            whole.put(kind, known);
        }
        return known;
    }

    /** Recomputes a column's blocks {@code [from, to)} from what it held {@code before}. */
    interface Splice {
        PortGroup[] of(PortGroup[] before, int column, int from, int to);
    }

    /**
     * Class {@code column}'s column once blocks {@code [from, to)} are recomputed: {@code before}
     * itself when nothing there changed. {@code update} computes it for the first class of a kind
     * that holds this very {@code before} array; a class of the same kind holding an equal array of
     * its own gets its own update, which is the same answer, only not shared.
     */
    PortGroup[] updated(int column, PortGroup[] before, int from, int to, Splice update) {
        Update key = new Update(before, kind(column), from, to);
        PortGroup[] known = updates.get(key);
        if (known == null) {
            known = update.of(before, column, from, to);
            updates.put(key, known);
        }
        return known;
    }

    /** An update's key: the column it starts from is compared by identity, the rest by value. */
    private record Update(PortGroup[] before, Kind kind, int from, int to) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Update update && update.before == before && update.from == from && update.to == to
                    && update.kind.equals(kind);
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(before) * 31 + kind.hashCode()) * 31 + from) * 31 + to;
        }
    }
}

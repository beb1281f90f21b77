package io.netpolviz.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The egress and ingress sides of the columns one {@link ConnectivityBuilder} computes, each
 * computed once per kind of column and window and shared by the columns alike. A column's egress
 * side depends only on its egress kind ({@link ConnectivityIndex#egressKind}), its ingress side
 * only on its {@link IngressKind}. At L with 200 cluster-wide policies the 3,700 classes have 178
 * egress kinds and about 1,200 ingress kinds, so most columns take both sides from another column.
 * A side handed out here is finished: the builder only reads it ({@link WindowPartition#cross},
 * {@link WindowPartition#toArray}).
 */
final class ColumnSides {

    private final Map<Long, WindowPartition> egress = new HashMap<>();
    private final Map<Long, WindowPartition> ingress = new HashMap<>();
    private final Map<PartitionsOnWindow, TierPartitionCache.Partitions> partitions = new HashMap<>();

    /**
     * Computes something of one column on blocks {@code [from, to)}. The builder keeps one of each
     * for its life, so asking for a side that is known already allocates nothing.
     */
    interface OfColumn<T> {
        T at(int column, int from, int to);
    }

    /** The egress side of columns of {@code kind} on blocks {@code [from, to)}, computed for {@code column} the first time. */
    WindowPartition egress(int kind, int column, int from, int to, OfColumn<WindowPartition> compute) {
        return known(egress, kind, column, from, to, compute);
    }

    /** The ingress side of destinations of {@code kind} ({@link IngressKinds}) on blocks {@code [from, to)}, likewise. */
    WindowPartition ingress(int kind, int column, int from, int to, OfColumn<WindowPartition> compute) {
        return known(ingress, kind, column, from, to, compute);
    }

    private static WindowPartition known(Map<Long, WindowPartition> sides, int kind, int column, int from, int to, OfColumn<WindowPartition> compute) {
        // Block numbers stay below 2^16 (16 million classes), so kind, from and to fit one long.
        long key = ((long) kind << 32) | ((long) from << 16) | to;
        WindowPartition side = sides.get(key);
        if (side == null) {
            side = compute.at(column, from, to);
            sides.put(key, side);
        }
        return side;
    }

    /**
     * The tier partitions under {@code key} ({@link TierPartitions}) on blocks {@code [from, to)},
     * computed for {@code column} the first time: kinds of columns with the same tier rules share them.
     */
    TierPartitionCache.Partitions partitions(long key, int column, int from, int to, OfColumn<TierPartitionCache.Partitions> compute) {
        PartitionsOnWindow window = new PartitionsOnWindow(key, from, to);
        TierPartitionCache.Partitions known = partitions.get(window);
        if (known == null) {
            known = compute.at(column, from, to);
            partitions.put(window, known);
        }
        return known;
    }

    private record PartitionsOnWindow(long key, int from, int to) {
    }

}

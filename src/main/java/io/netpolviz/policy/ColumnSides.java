package io.netpolviz.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    /** The egress side of columns of {@code kind} on blocks {@code [from, to)}, computed by {@code compute} the first time. */
    WindowPartition egress(int kind, int from, int to, Supplier<WindowPartition> compute) {
        // Block numbers stay below 2^16 (16 million classes), so kind, from and to fit one long.
        return egress.computeIfAbsent(((long) kind << 32) | ((long) from << 16) | to, key -> compute.get());
    }

    /** The ingress side of destinations of {@code kind} ({@link IngressKinds}) on blocks {@code [from, to)}, computed by {@code compute} the first time. */
    WindowPartition ingress(int kind, int from, int to, Supplier<WindowPartition> compute) {
        return ingress.computeIfAbsent(((long) kind << 32) | ((long) from << 16) | to, key -> compute.get());
    }

    /**
     * The tier partitions under {@code key} ({@link TierPartitions}) on blocks {@code [from, to)},
     * computed by {@code compute} the first time: kinds of columns with the same tier rules share them.
     */
    TierPartitionCache.Partitions partitions(long key, int from, int to, Supplier<TierPartitionCache.Partitions> compute) {
        return partitions.computeIfAbsent(new PartitionsOnWindow(key, from, to), k -> compute.get());
    }

    private record PartitionsOnWindow(long key, int from, int to) {
    }

}

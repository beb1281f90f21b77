package io.netpolviz.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finished partitions on every block, by what each follows from, from which windows are cut: a
 * toggle recomputes a column on a window of blocks, and a side that did not change is then cut
 * from the one kept here instead of being built again. A side not kept yet is computed on every
 * block (and kept) when the window asked for spans more than half the blocks; a narrower window
 * is computed alone and not kept. Only spares work: beyond its limit the map starts again empty.
 */
final class WholePartitions<K> {

    private final int blocks;
    private final int limit;
    private final Map<K, WindowPartition> known = new ConcurrentHashMap<>();

    WholePartitions(int blocks, int limit) {
        this.blocks = blocks;
        this.limit = limit;
    }

    /** The partition under {@code key} on blocks {@code [from, to)}; {@code compute} makes it for {@code column} when needed. */
    WindowPartition window(K key, int column, int from, int to, ColumnSides.OfColumn<WindowPartition> compute) {
        WindowPartition whole = known.get(key);
        if (whole == null) {
            if (2 * (to - from) <= blocks) {
                return compute.at(column, from, to);
            }
            if (known.size() >= limit) {
                known.clear();
            }
            whole = compute.at(column, 0, blocks);
            known.put(key, whole);
        }
        return from == 0 && to == blocks ? whole : whole.window(from, to);
    }

    /** The partition on every block under {@code key}, or null when none is kept. */
    WindowPartition whole(K key) {
        return known.get(key);
    }
}

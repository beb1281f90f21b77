package io.netpolviz.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NetworkPolicy layer's ingress partitions of destination classes on every block, kept by what
 * such a partition follows from: the policies that isolate the destination for ingress (with
 * Cilium's allow parts that join them) and its port profile. Nothing else enters it, so every
 * evaluation with the same isolating list for a destination, whatever else is switched, can share
 * it; a window of it is cut from it. One map serves an evaluation and every evaluation toggled from
 * it ({@link IngressKinds} hands it on). With Cilium's allow parts a class is isolated by about
 * sixteen policies, and a broad cluster-wide toggle otherwise added up their rules again for each
 * of some 250 destinations it recomputes: between two such toggles come NetworkPolicy toggles,
 * whose kinds get new numbers (a map by kind number missed them), and a cluster-wide toggle asks
 * for windows only. Keyed by content, kinds that differ only in their tier lists (Cilium's deny
 * parts multiply those) share one entry too.
 */
final class NetworkPolicyIngressSides {

    /** What one entry follows from; {@code isolating} is compared by content and never changed once an evaluation holds it. */
    private record Key(int[] isolating, int portProfile) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && portProfile == key.portProfile && Arrays.equals(isolating, key.isolating);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(isolating) * 31 + portProfile;
        }
    }

    /** A partition on every block, and the sources it admits anything from (found on first use). */
    private static final class Entry {
        final WindowPartition side;
        volatile ClassSet admitted;

        Entry(WindowPartition side) {
            this.side = side;
        }
    }

    private final int blocks;
    private final int classCount;
    /**
     * Beyond this many entries the map starts again empty: it only spares work, and a long session
     * of toggles keeps making isolating lists. An evaluation at L has about 1,000.
     */
    private final int limit;
    private final Map<Key, Entry> known = new ConcurrentHashMap<>();

    NetworkPolicyIngressSides(int classCount, int blocks) {
        this.classCount = classCount;
        this.blocks = blocks;
        this.limit = Math.max(1_024, 2 * classCount);
    }

    /**
     * The partition for a destination isolated by {@code isolating} with port profile
     * {@code portProfile}, on blocks {@code [from, to)}: cut from the one on every block, which
     * {@code compute} (asked for {@code column}) makes when no evaluation has made it yet and the
     * window spans more than half the blocks. A narrower window is computed on its own and not kept.
     */
    WindowPartition side(int[] isolating, int portProfile, int column, int from, int to, ColumnSides.OfColumn<WindowPartition> compute) {
        Key key = new Key(isolating, portProfile);
        Entry entry = known.get(key);
        if (entry == null) {
            if (2 * (to - from) <= blocks) {
                return compute.at(column, from, to);
            }
            if (known.size() >= limit) {
                known.clear();
            }
            entry = new Entry(compute.at(column, 0, blocks));
            known.put(key, entry);
        }
        return from == 0 && to == blocks ? entry.side : entry.side.window(from, to);
    }

    /**
     * The sources the partition for {@code isolating} and {@code portProfile} admits something
     * from (the peers of the rules that name a port such a destination has), or null when that
     * partition is not known yet.
     */
    ClassSet admitted(int[] isolating, int portProfile) {
        Entry entry = known.get(new Key(isolating, portProfile));
        if (entry == null) {
            return null;
        }
        ClassSet admitted = entry.admitted;
        if (admitted == null) {
            ClassSetUnion union = new ClassSetUnion(classCount, 0, blocks);
            for (ClassSet group : entry.side.sets) {
                union.add(group);
            }
            admitted = union.build();
            entry.admitted = admitted;
        }
        return admitted;
    }
}

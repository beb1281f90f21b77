package io.netpolviz.policy;

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

    private final int classCount;
    private final int blocks;
    /** An evaluation at L has about 1,000; a long session of toggles keeps making isolating lists. */
    private final WholePartitions<IngressIsolation> sides;
    /** Per entry of {@link #sides}: the sources it admits anything from, found on first use. */
    private final Map<IngressIsolation, ClassSet> admitted = new ConcurrentHashMap<>();

    NetworkPolicyIngressSides(int classCount, int blocks) {
        this.classCount = classCount;
        this.blocks = blocks;
        this.sides = new WholePartitions<>(blocks, Math.max(1_024, 2 * classCount));
    }

    /**
     * The partition for a destination isolated by {@code isolating} with port profile
     * {@code portProfile}, on blocks {@code [from, to)} (see {@link WholePartitions#window});
     * {@code compute} makes it for {@code column}.
     */
    WindowPartition side(int[] isolating, int portProfile, int column, int from, int to, ColumnSides.OfColumn<WindowPartition> compute) {
        return sides.window(new IngressIsolation(isolating, portProfile), column, from, to, compute);
    }

    /**
     * The sources the partition for {@code isolating} and {@code portProfile} admits something
     * from (the peers of the rules that name a port such a destination has), or null when that
     * partition is not kept.
     */
    ClassSet admitted(int[] isolating, int portProfile) {
        IngressIsolation key = new IngressIsolation(isolating, portProfile);
        ClassSet known = admitted.get(key);
        if (known != null) {
            return known;
        }
        WindowPartition side = sides.whole(key);
        if (side == null) {
            return null;
        }
        ClassSetUnion union = new ClassSetUnion(classCount, 0, blocks);
        for (ClassSet group : side.sets) {
            union.add(group);
        }
        if (admitted.size() >= Math.max(1_024, 2 * classCount)) {
            admitted.clear();
        }
        known = union.build();
        admitted.put(key, known);
        return known;
    }
}

package io.netpolviz.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * The Admin and Baseline partitions of each list of tier rules, for one choice of switched-on
 * cluster-wide policies: they do not depend on NetworkPolicies, so a NetworkPolicy toggle reuses
 * them all, and a cluster-wide toggle keeps those its policy is not part of. Columns whose rules
 * are the same list (and, when rules name ports, whose destinations declare the same ports)
 * share one entry. Filled as columns ask; safe for the threads that build connectivity. Beside
 * the partitions on every block, it keeps those computed on a window of blocks alone (a toggle
 * needs the sources of a few namespaces only): the next toggle on the same window finds them.
 *
 * <p>The entries of one list sit in one slot, and a toggle's cache shares the slots of every list
 * its policy is not part of with the cache before: a toggle copies an array of slots (one per
 * list), not every entry. A shared slot is filled by whichever evaluation asks first, with the
 * partitions both would compute.
 */
final class TierPartitionCache {

    /** The two tiers' partitions of one list, on every block or on a window. */
    record Partitions(TierPartition admin, TierPartition baseline) {

        /** The partitions of the sources in blocks {@code [from, to)} only. */
        Partitions window(int from, int to) {
            return new Partitions(admin.window(from, to), baseline.window(from, to));
        }
    }

    /**
     * One list's entries: on every block per key (the list and the destinations' declared ports), and
     * on windows; for an ingress list, also the whole ingress sides of the classes it decides.
     */
    private static final class Slot {
        final Map<Long, Partitions> whole = new ConcurrentHashMap<>();
        final Map<OnWindow, Partitions> windowed = new ConcurrentHashMap<>();
        final WholePartitions<IngressIsolation> ingressSides;

        Slot(int blocks) {
            ingressSides = new WholePartitions<>(blocks, INGRESS_SIDES_PER_LIST);
        }
    }

    /** A list decides the classes of a few hundred isolating lists at most at L; more only spares less work. */
    private static final int INGRESS_SIDES_PER_LIST = 1_024;

    private record OnWindow(long key, int from, int to) {
    }

    /** How many lists the engine's tier index numbers (asked on first use: building the index is the engine's business). */
    private final IntSupplier listCount;
    private final int blocks;
    /** Per list id, its slot or null; the array made on first use. */
    private volatile AtomicReferenceArray<Slot> slots;

    private TierPartitionCache(IntSupplier listCount, int blocks, AtomicReferenceArray<Slot> slots) {
        this.listCount = listCount;
        this.blocks = blocks;
        this.slots = slots;
    }

    /** An empty cache for evaluations of {@code engine}. */
    static TierPartitionCache of(PolicyEngine engine) {
        return new TierPartitionCache(() -> engine.connectivityIndex().tiers.listCount(), ClassSet.blockCount(engine.classes().size()), null);
    }

    /**
     * The list id in the low 31 bits, the side in bit 31, the port profile (plus one) from bit 48:
     * {@code Long.hashCode} folds the high half onto the low, and this way it keeps list ids below
     * 2^16 and profiles apart (with the profile next to the list id, a few hundred lists collided
     * into the same hashes and the maps kept by these keys fell back to tree bins).
     */
    static long key(boolean egress, int listId, int portProfile) {
        return ((portProfile + 1L) << 48) | ((egress ? 1L : 0L) << 31) | listId;
    }

    private static int listId(long key) {
        return (int) (key & 0x7FFFFFFFL);
    }

    Partitions get(long key, java.util.function.LongFunction<Partitions> compute) {
        Map<Long, Partitions> whole = slot(key).whole;
        Partitions known = whole.get(key);
        if (known == null) {
            known = compute.apply(key);
            whole.put(key, known);
        }
        return known;
    }

    /** The entry under {@code key}, or null when no column has asked for it yet. */
    Partitions peek(long key) {
        AtomicReferenceArray<Slot> all = slots;
        Slot slot = all == null ? null : all.get(listId(key));
        return slot == null ? null : slot.whole.get(key);
    }

    /** The entry under {@code key} computed on blocks {@code [from, to)} alone. */
    Partitions onWindow(long key, int from, int to, java.util.function.Supplier<Partitions> compute) {
        Map<OnWindow, Partitions> windowed = slot(key).windowed;
        OnWindow window = new OnWindow(key, from, to);
        Partitions known = windowed.get(window);
        if (known == null) {
            known = compute.get();
            windowed.put(window, known);
        }
        return known;
    }

    /** A cache for the choice with {@code policy} switched the other way: the slots of the lists it is not part of. */
    TierPartitionCache without(int policy, TierIndex index) {
        AtomicReferenceArray<Slot> all = slots;
        if (all == null) {
            return new TierPartitionCache(listCount, blocks, null);
        }
        AtomicReferenceArray<Slot> kept = new AtomicReferenceArray<>(all.length());
        for (int list = 0; list < all.length(); list++) {
            kept.set(list, all.get(list));
        }
        for (int list : index.listsOf(policy)) {
            kept.set(list, null);
        }
        return new TierPartitionCache(listCount, blocks, kept);
    }

    /**
     * Class {@code column}'s ingress side (every layer) on blocks {@code [from, to)}, kept on every
     * block in the slot of its ingress list {@code listId} ({@link WholePartitions#window}): it
     * follows from that list's partitions, which the slot holds for this choice of cluster-wide
     * policies (a rest's or denials' list changes only with the whole list that holds it), and
     * from {@code isolation}. The evaluations that share the slot share it: NetworkPolicy toggles,
     * and a cluster-wide toggle for the lists its policy has no ingress rule in, so its egress
     * rules' columns take their ingress side from here.
     */
    WindowPartition ingressSide(int listId, IngressIsolation isolation, int column, int from, int to, ColumnSides.OfColumn<WindowPartition> compute) {
        return slotOf(listId).ingressSides.window(isolation, column, from, to, compute);
    }

    private Slot slot(long key) {
        return slotOf(listId(key));
    }

    private Slot slotOf(int list) {
        AtomicReferenceArray<Slot> all = slots;
        if (all == null) {
            synchronized (this) {
                all = slots;
                if (all == null) {
                    all = new AtomicReferenceArray<>(listCount.getAsInt());
                    slots = all;
                }
            }
        }
        Slot slot = all.get(list);
        if (slot == null) {
            all.compareAndSet(list, null, new Slot(blocks));
            slot = all.get(list);
        }
        return slot;
    }
}

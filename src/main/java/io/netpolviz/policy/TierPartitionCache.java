package io.netpolviz.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Admin and Baseline partitions of each list of tier rules, for one choice of switched-on
 * cluster-wide policies: they do not depend on NetworkPolicies, so a NetworkPolicy toggle reuses
 * them all, and a cluster-wide toggle keeps those its policy is not part of. Columns whose rules
 * are the same list (and, when rules name ports, whose destinations declare the same ports)
 * share one entry. Filled as columns ask; safe for the threads that build connectivity. Beside
 * the partitions on every block, it keeps those computed on a window of blocks alone (a toggle
 * needs the sources of a few namespaces only): the next toggle on the same window finds them.
 */
final class TierPartitionCache {

    /** The two tiers' partitions of one list, on every block or on a window. */
    record Partitions(TierPartition admin, TierPartition baseline) {

        /** The partitions of the sources in blocks {@code [from, to)} only. */
        Partitions window(int from, int to) {
            return new Partitions(admin.window(from, to), baseline.window(from, to));
        }
    }

    private final Map<Long, Partitions> entries;
    private final Map<OnWindow, Partitions> windowed;

    TierPartitionCache() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private TierPartitionCache(Map<Long, Partitions> entries, Map<OnWindow, Partitions> windowed) {
        this.entries = entries;
        this.windowed = windowed;
    }

    private record OnWindow(long key, int from, int to) {
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

    Partitions get(long key, java.util.function.LongFunction<Partitions> compute) {
        Partitions known = entries.get(key);
        if (known == null) {
            known = compute.apply(key);
            entries.put(key, known);
        }
        return known;
    }

    /** The entry under {@code key}, or null when no column has asked for it yet. */
    Partitions peek(long key) {
        return entries.get(key);
    }

    /** The entry under {@code key} computed on blocks {@code [from, to)} alone. */
    Partitions onWindow(long key, int from, int to, java.util.function.Supplier<Partitions> compute) {
        OnWindow window = new OnWindow(key, from, to);
        Partitions known = windowed.get(window);
        if (known == null) {
            known = compute.get();
            windowed.put(window, known);
        }
        return known;
    }

    /** A cache for the choice with {@code policy} switched the other way: the entries it is not part of. */
    TierPartitionCache without(int policy, TierIndex index) {
        Map<Long, Partitions> kept = new ConcurrentHashMap<>();
        entries.forEach((key, value) -> {
            if (!holds(key, policy, index)) {
                kept.put(key, value);
            }
        });
        Map<OnWindow, Partitions> keptWindows = new ConcurrentHashMap<>();
        windowed.forEach((window, value) -> {
            if (!holds(window.key(), policy, index)) {
                keptWindows.put(window, value);
            }
        });
        return new TierPartitionCache(kept, keptWindows);
    }

    /** Whether the list of the entry under {@code key} holds a rule of {@code policy}. */
    private static boolean holds(long key, int policy, TierIndex index) {
        int listId = (int) (key & 0x7FFFFFFFL);
        return index.listPolicies.get(listId).get(policy);
    }
}

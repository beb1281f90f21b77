package io.netpolviz.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Admin and Baseline partitions of each list of tier rules, for one choice of switched-on
 * cluster-wide policies: they do not depend on NetworkPolicies, so a NetworkPolicy toggle reuses
 * them all, and a cluster-wide toggle keeps those its policy is not part of. Columns whose rules
 * are the same list (and, when rules name ports, whose destinations declare the same ports)
 * share one entry. Filled as columns ask; safe for the threads that build connectivity.
 */
final class TierPartitionCache {

    /** The two tiers' partitions of one list, computed on every block. */
    record Partitions(TierPartition admin, TierPartition baseline) {

        /** The partitions of the sources in blocks {@code [from, to)} only. */
        Partitions window(int from, int to) {
            return new Partitions(admin.window(from, to), baseline.window(from, to));
        }
    }

    private final Map<Long, Partitions> entries;

    TierPartitionCache() {
        this(new ConcurrentHashMap<>());
    }

    private TierPartitionCache(Map<Long, Partitions> entries) {
        this.entries = entries;
    }

    static long key(boolean egress, int listId, int portProfile) {
        return ((egress ? 1L : 0L) << 62) | ((long) listId << 31) | (portProfile + 1L);
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

    /** A cache for the choice with {@code policy} switched the other way: the entries it is not part of. */
    TierPartitionCache without(int policy, TierIndex index) {
        Map<Long, Partitions> kept = new ConcurrentHashMap<>();
        entries.forEach((key, value) -> {
            int listId = (int) ((key >>> 31) & 0x7FFFFFFFL);
            if (!index.listPolicies.get(listId).get(policy)) {
                kept.put(key, value);
            }
        });
        return new TierPartitionCache(kept);
    }
}

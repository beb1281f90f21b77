package io.netpolviz.policy;

import java.util.Arrays;

/**
 * What one side of one destination column's walk through the ordered tiers depends on, as a
 * list of numbers: the switched-on rules and policies that can touch it (from {@link ChainReach}
 * and the NetworkPolicy index) and the column's port profile (named ports). Columns with equal
 * keys walk alike, so their sides are computed once ({@link ChainMemo}); a toggle changes the
 * keys of exactly the columns it can affect. Sections are closed by {@code -1}.
 */
final class ChainKeys {

    /**
     * A key: equal when the numbers are. {@code cuts} marks where an ingress walk crosses from one tier into the next:
     * per crossing, the number of entries walked before it, the length of the key that names them and the hash of
     * those numbers (empty for an egress key). Walks whose keys begin alike up to a crossing are alike up to it
     * ({@link WalkPrefixes}). The hash is made once: keys are looked up in maps many times.
     */
    record Key(int[] values, int[] cuts, int hash) {

        /** How many tier crossings the walk makes before its last tier. */
        int crossings() {
            return cuts.length / 3;
        }

        /** The number of entries walked before crossing {@code crossing}. */
        int entriesBefore(int crossing) {
            return cuts[3 * crossing];
        }

        /** How many of {@link #values} name what the walk did before crossing {@code crossing}. */
        int lengthBefore(int crossing) {
            return cuts[3 * crossing + 1];
        }

        /** The hash of the first {@link #lengthBefore} numbers, as {@link Arrays#hashCode(int[])} gives it. */
        int hashBefore(int crossing) {
            return cuts[3 * crossing + 2];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    private static final int END = -1;
    private static final int[] NO_CUTS = {};

    private final Evaluation evaluation;
    private final ConnectivityIndex index;
    private final CalicoIndex calico;
    private final ChainReach reach;
    private int[] buffer = new int[64];
    private int size;
    /** {@link Arrays#hashCode(int[])} of the numbers added so far, kept as they are added. */
    private int hash;

    ChainKeys(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.index = evaluation.engine().connectivityIndex();
        this.calico = evaluation.engine().calicoIndex();
        this.reach = calico.reach;
    }

    /** The egress side of column {@code column} (a class, or an external peer past the classes). */
    Key egress(int column) {
        size = 0;
        hash = 1;
        boolean external = column >= index.classCount;
        int x = column - index.classCount;
        add(external ? 1 : 0);
        add(external ? x : index.portProfile[column]);
        add(END);
        for (int id : external ? reach.clusterEgressExternal[x] : reach.clusterEgress[column]) {
            if (evaluation.isTierEnabled(reach.clusterRulePolicy[id])) {
                add(id);
            }
        }
        add(END);
        if (external) {
            enabledSlots(index.egressSlotsReachingExternal[x]);
        } else {
            enabledSlots(index.egressSlotsReachingClass[column]);
            add(END);
            enabledSlots(index.egressSlotsReachingAll);
        }
        add(END);
        for (int id : external ? reach.calicoEgressExternal[x] : reach.calicoEgress[column]) {
            if (evaluation.isCalicoEnabled(reach.calicoRulePolicy[id])) {
                add(id);
            }
        }
        return done();
    }

    /**
     * The ingress side of class {@code column}, whose walk takes {@code entries} ({@link IngressEntries#of}): null for a
     * host-network pod, which no policy isolates. The entries are written in order, each as {@code index * 4 + kind}.
     */
    Key ingress(int column, long[] entries) {
        if (index.hostNetwork[column]) {
            return null;
        }
        size = 0;
        hash = 1;
        add(index.portProfile[column]);
        add(END);
        long[] selecting = calico.ingressEntries.selecting(column);
        int cursor = 0;
        int[] cuts = NO_CUTS;
        for (int e = 0; e < entries.length; e++) {
            long entry = entries[e];
            if (e > 0 && IngressEntries.tier(entry) != IngressEntries.tier(entries[e - 1])) {
                cuts = Arrays.copyOf(cuts, cuts.length + 3);
                cuts[cuts.length - 3] = e;
                cuts[cuts.length - 2] = size;
                cuts[cuts.length - 1] = hash;
            }
            int p = IngressEntries.index(entry);
            int kind = IngressEntries.kind(entry);
            add(p << 2 | kind);
            if (kind != IngressEntries.CALICO) {
                continue;
            }
            // Which of its rules admit this endpoint as their local side, written below -1 to tell them from policies.
            // The entries are in the order of the class's selecting policies: a cursor finds each one's rules.
            while (selecting[cursor] != entry) {
                cursor++;
            }
            for (int r : calico.ingressEntries.admittedRules(column, cursor)) {
                add(-2 - r);
            }
        }
        return new Key(Arrays.copyOf(buffer, size), cuts, hash);
    }

    private void enabledSlots(int[] slots) {
        for (int s : slots) {
            if (evaluation.isEnabled(index.egressSlots[s].policy())) {
                add(s);
            }
        }
    }

    private void add(int value) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, size * 2);
        }
        buffer[size++] = value;
        hash = 31 * hash + value;
    }

    private Key done() {
        return new Key(Arrays.copyOf(buffer, size), NO_CUTS, hash);
    }
}

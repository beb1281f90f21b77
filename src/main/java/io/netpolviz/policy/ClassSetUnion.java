package io.netpolviz.policy;

/**
 * Unions many {@link ClassSet}s on one block window with one allocation per touched block: a
 * block seen once is shared, and copied only when a second set adds to it.
 */
final class ClassSetUnion {

    private final int universe;
    private final int from;
    private final int to;
    private final long[][] blocks;
    private final boolean[] owned;
    private int first = Integer.MAX_VALUE;
    private int end = -1;

    /** A union over blocks {@code [from, to)} of sets over {@code universe} classes. */
    ClassSetUnion(int universe, int from, int to) {
        this.universe = universe;
        this.from = from;
        this.to = to;
        this.blocks = new long[to - from][];
        this.owned = new boolean[to - from];
    }

    void add(ClassSet set) {
        int lo = Math.max(from, set.firstBlock());
        int hi = Math.min(to, set.endBlock());
        for (int b = lo; b < hi; b++) {
            long[] x = set.block(b);
            if (x == null) {
                continue;
            }
            int i = b - from;
            long[] current = blocks[i];
            if (current == null) {
                blocks[i] = x;
                first = Math.min(first, i);
                end = Math.max(end, i + 1);
            } else if (x == ClassBlocks.FULL) {
                blocks[i] = ClassBlocks.FULL;
                owned[i] = false;
            } else if (current != x && current != ClassBlocks.FULL) {
                if (!owned[i]) {
                    current = current.clone();
                    blocks[i] = current;
                    owned[i] = true;
                }
                for (int w = 0; w < ClassBlocks.WORDS; w++) {
                    current[w] |= x[w];
                }
            }
        }
    }

    ClassSet build() {
        if (end < 0) {
            return ClassSet.empty(universe);
        }
        long[][] out = new long[end - first][];
        for (int i = first; i < end; i++) {
            long[] block = blocks[i];
            out[i - first] = owned[i] ? ClassBlocks.canonical(block, null, null) : block;
        }
        return ClassSet.ofBlocks(universe, from + first, out);
    }
}

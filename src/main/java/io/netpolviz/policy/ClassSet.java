package io.netpolviz.policy;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An immutable set of pod-class indices. The bits are kept in blocks of {@value #BLOCK_BITS};
 * an empty block is not stored at all and an unchanged block is shared between sets, so sets
 * that differ in one namespace share the rest, a toggle copies only the blocks it touches, and
 * comparing two related sets skips every block they share by reference.
 */
public final class ClassSet {

    /** Bits per block: small enough that a namespace spans few blocks, large enough to keep the block table short. */
    static final int BLOCK_BITS = 256;
    static final int BLOCK_SHIFT = 8;
    private static final int WORDS = BLOCK_BITS / 64;
    /** The one canonical all-ones block; sets test it by reference. */
    private static final long[] FULL_BLOCK = {-1L, -1L, -1L, -1L};

    private static final long[][] NO_BLOCKS = new long[0][];

    private final int universe;
    /** The first block {@link #blocks} holds; every block outside the array is empty. */
    private final int offset;
    /** Blocks {@code offset..offset+length-1}: null when empty, else never mutated once the set exists. */
    private final long[][] blocks;

    private ClassSet(int universe, int offset, long[][] blocks) {
        this.universe = universe;
        this.offset = offset;
        this.blocks = blocks;
    }

    /** Keeps only the span between the first and the last non-empty block. */
    private static ClassSet trimmed(int universe, int offset, long[][] blocks) {
        int first = 0;
        int end = blocks.length;
        while (first < end && blocks[first] == null) {
            first++;
        }
        while (end > first && blocks[end - 1] == null) {
            end--;
        }
        if (first == end) {
            return new ClassSet(universe, 0, NO_BLOCKS);
        }
        if (first == 0 && end == blocks.length) {
            return new ClassSet(universe, offset, blocks);
        }
        return new ClassSet(universe, offset + first, java.util.Arrays.copyOfRange(blocks, first, end));
    }

    /** The empty set over {@code universe} classes. */
    public static ClassSet empty(int universe) {
        return new ClassSet(universe, 0, NO_BLOCKS);
    }

    /** Every class index below {@code universe}. */
    public static ClassSet all(int universe) {
        long[][] blocks = new long[blockCount(universe)][];
        for (int b = 0; b < blocks.length; b++) {
            int bits = Math.min(BLOCK_BITS, universe - b * BLOCK_BITS);
            blocks[b] = bits == BLOCK_BITS ? FULL_BLOCK : prefixBlock(bits);
        }
        return new ClassSet(universe, 0, blocks);
    }

    /** The classes set in {@code bits} (indices below {@code universe}). */
    public static ClassSet of(int universe, java.util.BitSet bits) {
        Builder builder = new Builder(universe);
        for (int i = bits.nextSetBit(0); i >= 0 && i < universe; i = bits.nextSetBit(i + 1)) {
            builder.add(i);
        }
        return builder.build();
    }

    static int blockCount(int universe) {
        return (universe + BLOCK_BITS - 1) >>> BLOCK_SHIFT;
    }

    private static long[] prefixBlock(int bits) {
        long[] block = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            int inWord = Math.max(0, Math.min(64, bits - w * 64));
            block[w] = inWord == 64 ? -1L : (1L << inWord) - 1;
        }
        return block;
    }

    private long[] block(int b) {
        int i = b - offset;
        return i >= 0 && i < blocks.length ? blocks[i] : null;
    }

    /** The number of class indices this set ranges over. */
    public int universe() {
        return universe;
    }

    public boolean contains(int classIndex) {
        if (classIndex < 0 || classIndex >= universe) {
            return false;
        }
        long[] block = block(classIndex >>> BLOCK_SHIFT);
        return block != null && (block[(classIndex & (BLOCK_BITS - 1)) >>> 6] & (1L << classIndex)) != 0;
    }

    public boolean isEmpty() {
        return blocks.length == 0;
    }

    public int cardinality() {
        int count = 0;
        for (long[] block : blocks) {
            if (block == FULL_BLOCK) {
                count += BLOCK_BITS;
            } else if (block != null) {
                for (long word : block) {
                    count += Long.bitCount(word);
                }
            }
        }
        return count;
    }

    /** The first member at or after {@code from}, or -1. */
    public int nextSetBit(int from) {
        if (from < 0) {
            from = 0;
        }
        int fromBlock = from >>> BLOCK_SHIFT;
        for (int b = Math.max(fromBlock, offset); b < offset + blocks.length; b++) {
            long[] block = blocks[b - offset];
            if (block == null) {
                continue;
            }
            int startBit = b == fromBlock ? from & (BLOCK_BITS - 1) : 0;
            for (int w = startBit >>> 6; w < WORDS; w++) {
                long word = block[w];
                if (b == fromBlock && w == startBit >>> 6) {
                    word &= -1L << (startBit & 63);
                }
                if (word != 0) {
                    return b * BLOCK_BITS + w * 64 + Long.numberOfTrailingZeros(word);
                }
            }
        }
        return -1;
    }

    /** Calls {@code action} with each member, in ascending order. */
    public void forEach(IntConsumer action) {
        for (int i = 0; i < blocks.length; i++) {
            long[] block = blocks[i];
            if (block == null) {
                continue;
            }
            int base = (offset + i) * BLOCK_BITS;
            for (int w = 0; w < WORDS; w++) {
                long word = block[w];
                while (word != 0) {
                    action.accept(base + w * 64 + Long.numberOfTrailingZeros(word));
                    word &= word - 1;
                }
            }
        }
    }

    public int[] toArray() {
        int[] out = new int[cardinality()];
        int[] next = {0};
        forEach(i -> out[next[0]++] = i);
        return out;
    }

    /** The block range {@code [first, last + 1)} that holds every member; {@code [0, 0)} when empty. */
    int[] blockSpan() {
        return new int[] {offset, offset + blocks.length};
    }

    /** Whether no member lies in blocks {@code [from, to)}. */
    boolean isEmpty(int from, int to) {
        int first = Math.max(from, offset);
        int end = Math.min(to, offset + blocks.length);
        for (int b = first; b < end; b++) {
            if (blocks[b - offset] != null) {
                return false;
            }
        }
        return true;
    }

    public ClassSet and(ClassSet other) {
        return and(other, 0, blockCount(universe));
    }

    public ClassSet or(ClassSet other) {
        return or(other, 0, blockCount(universe));
    }

    public ClassSet andNot(ClassSet other) {
        return andNot(other, 0, blockCount(universe));
    }

    /** The intersection, computed on blocks {@code [from, to)} only: the result is empty elsewhere. */
    ClassSet and(ClassSet other, int from, int to) {
        // Only where both have blocks can the intersection have any.
        int first = Math.max(from, Math.max(offset, other.offset));
        int end = Math.min(to, Math.min(offset + blocks.length, other.offset + other.blocks.length));
        if (first >= end) {
            return empty(universe);
        }
        long[][] out = new long[end - first][];
        for (int b = first; b < end; b++) {
            out[b - first] = andBlock(blocks[b - offset], other.blocks[b - other.offset]);
        }
        return trimmed(universe, first, out);
    }

    /** The union on blocks {@code [from, to)}; empty elsewhere. */
    ClassSet or(ClassSet other, int from, int to) {
        if (other.blocks.length == 0) {
            return window(from, to);
        }
        if (blocks.length == 0) {
            return other.window(from, to);
        }
        int first = Math.max(from, Math.min(offset, other.offset));
        int end = Math.min(to, Math.max(offset + blocks.length, other.offset + other.blocks.length));
        if (first >= end) {
            return empty(universe);
        }
        long[][] out = new long[end - first][];
        for (int b = first; b < end; b++) {
            out[b - first] = orBlock(block(b), other.block(b));
        }
        return trimmed(universe, first, out);
    }

    /** This set minus {@code other} on blocks {@code [from, to)}; empty elsewhere. */
    ClassSet andNot(ClassSet other, int from, int to) {
        if (other.blocks.length == 0) {
            return window(from, to);
        }
        int first = Math.max(from, offset);
        int end = Math.min(to, offset + blocks.length);
        if (first >= end) {
            return empty(universe);
        }
        long[][] out = new long[end - first][];
        for (int b = first; b < end; b++) {
            out[b - first] = andNotBlock(blocks[b - offset], other.block(b));
        }
        return trimmed(universe, first, out);
    }

    /** This set restricted to blocks {@code [from, to)}. */
    ClassSet window(int from, int to) {
        if (from <= offset && to >= offset + blocks.length) {
            return this;
        }
        int first = Math.max(from, offset);
        int end = Math.min(to, offset + blocks.length);
        if (first >= end) {
            return empty(universe);
        }
        return trimmed(universe, first, java.util.Arrays.copyOfRange(blocks, first - offset, end - offset));
    }

    /** This set with blocks {@code [from, to)} taken from {@code replacement}. */
    ClassSet splice(ClassSet replacement, int from, int to) {
        int first = Math.min(offset, Math.max(from, replacement.offset));
        int end = Math.max(offset + blocks.length, Math.min(to, replacement.offset + replacement.blocks.length));
        if (blocks.length == 0) {
            return replacement.window(from, to);
        }
        long[][] out = new long[end - first][];
        for (int b = first; b < end; b++) {
            out[b - first] = b >= from && b < to ? replacement.block(b) : block(b);
        }
        return trimmed(universe, first, out);
    }

    /** Whether both sets hold the same members on blocks {@code [from, to)}. */
    boolean sameOn(ClassSet other, int from, int to) {
        int first = Math.max(from, Math.min(offset, other.offset));
        int end = Math.min(to, Math.max(offset + blocks.length, other.offset + other.blocks.length));
        for (int b = first; b < end; b++) {
            long[] x = block(b);
            long[] y = other.block(b);
            if (x != y && (x == null || y == null || !Arrays.equals(x, y))) {
                return false;
            }
        }
        return true;
    }

    private static long[] andBlock(long[] x, long[] y) {
        if (x == null || y == null) {
            return null;
        }
        if (x == y || y == FULL_BLOCK) {
            return x;
        }
        if (x == FULL_BLOCK) {
            return y;
        }
        long[] out = new long[WORDS];
        long any = 0;
        for (int w = 0; w < WORDS; w++) {
            out[w] = x[w] & y[w];
            any |= out[w];
        }
        return any == 0 ? null : canonical(out, x, y);
    }

    private static long[] orBlock(long[] x, long[] y) {
        if (x == null) {
            return y;
        }
        if (y == null || x == y || x == FULL_BLOCK) {
            return x;
        }
        if (y == FULL_BLOCK) {
            return y;
        }
        long[] out = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            out[w] = x[w] | y[w];
        }
        return canonical(out, x, y);
    }

    private static long[] andNotBlock(long[] x, long[] y) {
        if (x == null || x == y || y == FULL_BLOCK) {
            return null;
        }
        if (y == null) {
            return x;
        }
        long[] out = new long[WORDS];
        long any = 0;
        for (int w = 0; w < WORDS; w++) {
            out[w] = x[w] & ~y[w];
            any |= out[w];
        }
        return any == 0 ? null : canonical(out, x, null);
    }

    /** Returns an operand (or the shared full block) when the result equals it, so unchanged blocks stay shared. */
    private static long[] canonical(long[] result, long[] x, long[] y) {
        if (Arrays.equals(result, x)) {
            return x;
        }
        if (y != null && Arrays.equals(result, y)) {
            return y;
        }
        boolean full = true;
        for (long word : result) {
            full &= word == -1L;
        }
        return full ? FULL_BLOCK : result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassSet set && set.universe == universe && sameOn(set, 0, blockCount(universe));
    }

    @Override
    public int hashCode() {
        int hash = universe;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] != null) {
                hash = 31 * hash + (offset + i) * 17 + Arrays.hashCode(blocks[i]);
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        forEach(i -> out.append(out.length() > 1 ? "," : "").append(i));
        return out.append('}').toString();
    }

    /**
     * Unions many sets on one block window with one allocation per touched block: a block
     * seen once is shared, and copied only when a second set adds to it.
     */
    static final class Union {
        private final int universe;
        private final int from;
        private final int to;
        private final long[][] blocks;
        private final boolean[] owned;
        private int first = Integer.MAX_VALUE;
        private int end = -1;

        Union(int universe, int from, int to) {
            this.universe = universe;
            this.from = from;
            this.to = to;
            this.blocks = new long[to - from][];
            this.owned = new boolean[to - from];
        }

        void add(ClassSet set) {
            int lo = Math.max(from, set.offset);
            int hi = Math.min(to, set.offset + set.blocks.length);
            for (int b = lo; b < hi; b++) {
                long[] x = set.blocks[b - set.offset];
                if (x == null) {
                    continue;
                }
                int i = b - from;
                long[] current = blocks[i];
                if (current == null) {
                    blocks[i] = x;
                    first = Math.min(first, i);
                    end = Math.max(end, i + 1);
                } else if (x == FULL_BLOCK) {
                    blocks[i] = FULL_BLOCK;
                    owned[i] = false;
                } else if (current != x && current != FULL_BLOCK) {
                    if (!owned[i]) {
                        current = current.clone();
                        blocks[i] = current;
                        owned[i] = true;
                    }
                    for (int w = 0; w < WORDS; w++) {
                        current[w] |= x[w];
                    }
                }
            }
        }

        ClassSet build() {
            if (end < 0) {
                return empty(universe);
            }
            long[][] out = new long[end - first][];
            for (int i = first; i < end; i++) {
                long[] block = blocks[i];
                out[i - first] = owned[i] ? canonical(block, null, null) : block;
            }
            return trimmed(universe, from + first, out);
        }
    }

    /** Collects members one at a time; for building sets from a scan. */
    static final class Builder {
        private final int universe;
        private final long[][] blocks;

        Builder(int universe) {
            this.universe = universe;
            this.blocks = new long[blockCount(universe)][];
        }

        Builder add(int classIndex) {
            if (classIndex < 0 || classIndex >= universe) {
                throw new IndexOutOfBoundsException(classIndex);
            }
            int b = classIndex >>> BLOCK_SHIFT;
            if (blocks[b] == null) {
                blocks[b] = new long[WORDS];
            }
            blocks[b][(classIndex & (BLOCK_BITS - 1)) >>> 6] |= 1L << classIndex;
            return this;
        }

        ClassSet build() {
            long[][] out = new long[blocks.length][];
            for (int b = 0; b < blocks.length; b++) {
                if (blocks[b] != null) {
                    out[b] = canonical(blocks[b].clone(), null, null);
                }
            }
            return trimmed(universe, 0, out);
        }
    }
}

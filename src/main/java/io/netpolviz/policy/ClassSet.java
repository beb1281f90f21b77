package io.netpolviz.policy;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An immutable set of pod-class indices. The bits are kept in blocks of {@value #BLOCK_BITS};
 * an empty block is not stored at all and an unchanged block is shared between sets, so sets
 * that differ in one namespace share the rest, a toggle copies only the blocks it touches, and
 * comparing two related sets skips every block they share by reference ({@link ClassBlocks}).
 * Many sets are unioned by {@link ClassSetUnion}, members collected one by one by {@link
 * ClassSetBuilder}.
 */
public final class ClassSet {

    /** Bits per block: small enough that a namespace spans few blocks, large enough to keep the block table short. */
    static final int BLOCK_BITS = 256;
    static final int BLOCK_SHIFT = 8;
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

    /**
     * The set of {@code blocks}, the first of which is block {@code offset}; only the span from
     * the first to the last non-empty block is kept.
     */
    static ClassSet ofBlocks(int universe, int offset, long[][] blocks) {
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
        return new ClassSet(universe, offset + first, Arrays.copyOfRange(blocks, first, end));
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
            blocks[b] = bits == BLOCK_BITS ? ClassBlocks.FULL : ClassBlocks.prefix(bits);
        }
        return new ClassSet(universe, 0, blocks);
    }

    /** The classes set in {@code bits} (indices below {@code universe}). */
    public static ClassSet of(int universe, java.util.BitSet bits) {
        ClassSetBuilder builder = new ClassSetBuilder(universe);
        for (int i = bits.nextSetBit(0); i >= 0 && i < universe; i = bits.nextSetBit(i + 1)) {
            builder.add(i);
        }
        return builder.build();
    }

    static int blockCount(int universe) {
        return (universe + BLOCK_BITS - 1) >>> BLOCK_SHIFT;
    }

    /** Block {@code b}: null when empty. */
    long[] block(int b) {
        int i = b - offset;
        return i >= 0 && i < blocks.length ? blocks[i] : null;
    }

    /** The first block that may hold members. */
    int firstBlock() {
        return offset;
    }

    /** The block after the last that may hold members. */
    int endBlock() {
        return offset + blocks.length;
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
            if (block == ClassBlocks.FULL) {
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
            for (int w = startBit >>> 6; w < ClassBlocks.WORDS; w++) {
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
            for (int w = 0; w < ClassBlocks.WORDS; w++) {
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

    /** Whether the two sets share a member in blocks {@code [from, to)}; allocates nothing. */
    boolean intersects(ClassSet other, int from, int to) {
        int first = Math.max(from, Math.max(offset, other.offset));
        int end = Math.min(to, Math.min(offset + blocks.length, other.offset + other.blocks.length));
        for (int b = first; b < end; b++) {
            long[] x = blocks[b - offset];
            long[] y = other.blocks[b - other.offset];
            if (x != null && y != null) {
                for (int w = 0; w < x.length; w++) {
                    if ((x[w] & y[w]) != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
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
        // Allocated at the first common block: many intersections in a column's computation are empty.
        long[][] out = null;
        for (int b = first; b < end; b++) {
            long[] block = ClassBlocks.and(blocks[b - offset], other.blocks[b - other.offset]);
            if (block != null) {
                if (out == null) {
                    out = new long[end - first][];
                }
                out[b - first] = block;
            }
        }
        return out == null ? empty(universe) : ofBlocks(universe, first, out);
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
            out[b - first] = ClassBlocks.or(block(b), other.block(b));
        }
        return ofBlocks(universe, first, out);
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
            out[b - first] = ClassBlocks.andNot(blocks[b - offset], other.block(b));
        }
        return ofBlocks(universe, first, out);
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
        return ofBlocks(universe, first, Arrays.copyOfRange(blocks, first - offset, end - offset));
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
        return ofBlocks(universe, first, out);
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
}

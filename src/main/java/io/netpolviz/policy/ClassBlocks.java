package io.netpolviz.policy;

import java.util.Arrays;

/**
 * The blocks a {@link ClassSet} is made of: {@value #WORDS} words of bits each, null when empty.
 * Every operation returns one of its operands, or the one shared {@link #FULL} block, whenever
 * the result equals it, so that unchanged blocks stay shared between sets and compare by
 * reference.
 */
final class ClassBlocks {

    static final int WORDS = ClassSet.BLOCK_BITS / 64;
    /** The one canonical all-ones block; sets test it by reference. */
    static final long[] FULL = {-1L, -1L, -1L, -1L};

    private ClassBlocks() {
    }

    /** A block whose first {@code bits} bits are set. */
    static long[] prefix(int bits) {
        long[] block = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            int inWord = Math.max(0, Math.min(64, bits - w * 64));
            block[w] = inWord == 64 ? -1L : (1L << inWord) - 1;
        }
        return block;
    }

    static long[] and(long[] x, long[] y) {
        if (x == null || y == null) {
            return null;
        }
        if (x == y || y == FULL) {
            return x;
        }
        if (x == FULL) {
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

    static long[] or(long[] x, long[] y) {
        if (x == null) {
            return y;
        }
        if (y == null || x == y || x == FULL) {
            return x;
        }
        if (y == FULL) {
            return y;
        }
        long[] out = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            out[w] = x[w] | y[w];
        }
        return canonical(out, x, y);
    }

    static long[] andNot(long[] x, long[] y) {
        if (x == null || x == y || y == FULL) {
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
    static long[] canonical(long[] result, long[] x, long[] y) {
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
        return full ? FULL : result;
    }
}

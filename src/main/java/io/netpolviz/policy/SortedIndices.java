package io.netpolviz.policy;

/**
 * Sorted arrays of policy indices (the policies isolating one class), changed by one index without
 * touching the array they came from: a toggle shares every class's array it does not change.
 */
final class SortedIndices {

    static final int[] NONE = new int[0];

    private SortedIndices() {
    }

    /** {@code sorted} with {@code index} in its place; {@code sorted} itself when it has it already. */
    static int[] with(int[] sorted, int index) {
        int at = java.util.Arrays.binarySearch(sorted, index);
        if (at >= 0) {
            return sorted;
        }
        int insert = -at - 1;
        int[] out = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, insert);
        out[insert] = index;
        System.arraycopy(sorted, insert, out, insert + 1, sorted.length - insert);
        return out;
    }

    /** {@code sorted} without {@code index}; {@code sorted} itself when it has none. */
    static int[] without(int[] sorted, int index) {
        int at = java.util.Arrays.binarySearch(sorted, index);
        if (at < 0) {
            return sorted;
        }
        if (sorted.length == 1) {
            return NONE;
        }
        int[] out = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, out, 0, at);
        System.arraycopy(sorted, at + 1, out, at, sorted.length - at - 1);
        return out;
    }
}

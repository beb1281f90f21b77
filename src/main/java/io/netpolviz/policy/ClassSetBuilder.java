package io.netpolviz.policy;

/** Collects the members of a {@link ClassSet} one at a time; for building sets from a scan. */
final class ClassSetBuilder {

    private final int universe;
    private final long[][] blocks;

    ClassSetBuilder(int universe) {
        this.universe = universe;
        this.blocks = new long[ClassSet.blockCount(universe)][];
    }

    ClassSetBuilder add(int classIndex) {
        if (classIndex < 0 || classIndex >= universe) {
            throw new IndexOutOfBoundsException(classIndex);
        }
        int b = classIndex >>> ClassSet.BLOCK_SHIFT;
        if (blocks[b] == null) {
            blocks[b] = new long[ClassBlocks.WORDS];
        }
        blocks[b][(classIndex & (ClassSet.BLOCK_BITS - 1)) >>> 6] |= 1L << classIndex;
        return this;
    }

    ClassSet build() {
        long[][] out = new long[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b] != null) {
                out[b] = ClassBlocks.canonical(blocks[b].clone(), null, null);
            }
        }
        return ClassSet.ofBlocks(universe, 0, out);
    }
}

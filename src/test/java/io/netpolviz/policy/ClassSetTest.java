package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Block-shared class sets against {@link BitSet}, on windows that start and end at any block. */
class ClassSetTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 256, 257, 1000, 1300})
    void setOperationsMatchBitSetOnEveryWindow(int universe) {
        Random random = new Random(universe);
        int blocks = ClassSet.blockCount(universe);
        for (int round = 0; round < 200; round++) {
            BitSet a = randomBits(random, universe);
            BitSet b = randomBits(random, universe);
            ClassSet x = ClassSet.of(universe, a);
            ClassSet y = ClassSet.of(universe, b);
            int from = random.nextInt(blocks + 1);
            int to = from + random.nextInt(blocks - from + 1);
            BitSet window = new BitSet();
            window.set(Math.min(universe, from * ClassSet.BLOCK_BITS), Math.min(universe, to * ClassSet.BLOCK_BITS));

            assertEquals(bits(a, b, window, "and"), toBits(x.and(y, from, to)), "and");
            assertEquals(bits(a, b, window, "or"), toBits(x.or(y, from, to)), "or");
            assertEquals(bits(a, b, window, "andNot"), toBits(x.andNot(y, from, to)), "andNot");
            BitSet inWindow = (BitSet) a.clone();
            inWindow.and(window);
            assertEquals(inWindow, toBits(x.window(from, to)), "window");
            BitSet spliced = (BitSet) a.clone();
            spliced.andNot(window);
            BitSet replaced = (BitSet) b.clone();
            replaced.and(window);
            spliced.or(replaced);
            assertEquals(spliced, toBits(x.splice(y, from, to)), "splice");
            BitSet differ = (BitSet) a.clone();
            differ.xor(b);
            assertEquals(!differ.intersects(window), x.sameOn(y, from, to), "sameOn");
            assertEquals(!inWindow.isEmpty(), !x.isEmpty(from, to), "isEmpty on window");
            assertEquals(!bits(a, b, window, "and").isEmpty(), x.intersects(y, from, to), "intersects on window");
            assertEquals(a.cardinality(), x.cardinality());
            assertEquals(a.equals(b), x.equals(y));
            assertEquals(x.and(y), ClassSet.of(universe, bits(a, b, allOf(universe), "and")), "sets built differently are equal");
            assertEquals(x.and(y).hashCode(), ClassSet.of(universe, bits(a, b, allOf(universe), "and")).hashCode());
            int probe = random.nextInt(universe);
            assertEquals(a.nextSetBit(probe), x.nextSetBit(probe), "nextSetBit from " + probe);
            assertEquals(a.get(probe), x.contains(probe));
            assertArrayEquals(a.stream().toArray(), x.toArray());
        }
    }

    /**
     * Sets that share blocks by reference (one spliced from the other, as a toggle makes them)
     * take the operations' shortcuts for shared and empty blocks, and must still match {@link BitSet}.
     */
    @ParameterizedTest
    @ValueSource(ints = {300, 1000, 3700})
    void setsSharingBlocksMatchBitSet(int universe) {
        Random random = new Random(universe * 31L);
        int blocks = ClassSet.blockCount(universe);
        for (int round = 0; round < 300; round++) {
            BitSet a = randomBits(random, universe);
            ClassSet x = ClassSet.of(universe, a);
            int spliceFrom = random.nextInt(blocks + 1);
            int spliceTo = spliceFrom + random.nextInt(blocks - spliceFrom + 1);
            BitSet c = random.nextInt(3) == 0 ? new BitSet() : randomBits(random, universe);
            ClassSet y = x.splice(ClassSet.of(universe, c), spliceFrom, spliceTo);
            int from = random.nextInt(blocks + 1);
            int to = from + random.nextInt(blocks - from + 1);
            BitSet window = new BitSet();
            window.set(Math.min(universe, from * ClassSet.BLOCK_BITS), Math.min(universe, to * ClassSet.BLOCK_BITS));
            for (ClassSet[] pair : new ClassSet[][] {{x, y}, {y, x}, {x, x}}) {
                BitSet left = toBits(pair[0]);
                BitSet right = toBits(pair[1]);
                assertEquals(bits(left, right, window, "and"), toBits(pair[0].and(pair[1], from, to)), "and");
                assertEquals(bits(left, right, window, "or"), toBits(pair[0].or(pair[1], from, to)), "or");
                assertEquals(bits(left, right, window, "andNot"), toBits(pair[0].andNot(pair[1], from, to)), "andNot");
            }
            assertEquals(x, x.and(ClassSet.all(universe)), "intersecting with everything keeps the set");
            assertEquals(x.or(y), x.or(y.andNot(x)), "union");
            assertTrue(x.and(x.andNot(y)).and(y).isEmpty(), "nothing is both in y and outside it");
        }
    }

    @Test
    void allHoldsExactlyTheUniverse() {
        ClassSet all = ClassSet.all(300);
        assertEquals(300, all.cardinality());
        assertTrue(all.contains(299));
        assertFalse(all.contains(300));
        assertTrue(ClassSet.empty(300).isEmpty());
        assertTrue(all.andNot(all).isEmpty());
        assertEquals(all, ClassSet.empty(300).or(all));
    }

    private static BitSet randomBits(Random random, int universe) {
        BitSet bits = new BitSet(universe);
        int style = random.nextInt(4);
        for (int i = 0; i < universe; i++) {
            boolean set = switch (style) {
                case 0 -> random.nextInt(10) == 0;
                case 1 -> random.nextInt(10) != 0;
                case 2 -> i >= universe / 3 && i < universe / 2;
                default -> random.nextBoolean();
            };
            bits.set(i, set);
        }
        return bits;
    }

    private static BitSet allOf(int universe) {
        BitSet all = new BitSet();
        all.set(0, universe);
        return all;
    }

    private static BitSet bits(BitSet a, BitSet b, BitSet window, String operation) {
        BitSet out = (BitSet) a.clone();
        switch (operation) {
            case "and" -> out.and(b);
            case "or" -> out.or(b);
            default -> out.andNot(b);
        }
        out.and(window);
        return out;
    }

    private static BitSet toBits(ClassSet set) {
        BitSet out = new BitSet();
        set.forEach(out::set);
        return out;
    }
}

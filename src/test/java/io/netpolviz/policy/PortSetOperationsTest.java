package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Union, intersection and difference of port sets against a port-by-port model, on random sets
 * built to hit the shortcuts the operations take: a set with itself, with {@link PortSet#ALL} or
 * {@link PortSet#NONE}, a protocol covered whole, ranges shared between sets, results that are
 * empty or equal to an operand. A shortcut may hand back an operand, never a wrong set; equal
 * results made by different paths must be equal and hash alike.
 */
class PortSetOperationsTest {

    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final int PORTS = PortRange.MAX_PORT + 1;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOperationAgreesWithThePortByPortModel(long seed) {
        Random random = new Random(seed);
        List<PortSet> sets = new ArrayList<>(List.of(PortSet.NONE, PortSet.ALL, PortSet.allPorts(Protocol.TCP)));
        for (int i = 0; i < 40; i++) {
            sets.add(randomSet(random));
        }
        // Sets made from others share their ranges arrays, as the engine's sets do.
        for (int i = 0; i < 20; i++) {
            PortSet a = sets.get(random.nextInt(sets.size()));
            PortSet b = sets.get(random.nextInt(sets.size()));
            sets.add(switch (random.nextInt(3)) {
                case 0 -> a.union(b);
                case 1 -> a.intersect(b);
                default -> a.minus(b);
            });
        }
        for (PortSet a : sets) {
            for (PortSet b : sets) {
                check(a, b, a.union(b), (x, y) -> { x.or(y); return x; }, "union");
                check(a, b, a.intersect(b), (x, y) -> { x.and(y); return x; }, "intersect");
                check(a, b, a.minus(b), (x, y) -> { x.andNot(y); return x; }, "minus");
            }
        }
    }

    @Test
    void anOperationThatChangesNothingHandsBackItsOperand() {
        PortSet web = PortSet.of(List.of(new PortRange(Protocol.TCP, 80, 80), new PortRange(Protocol.TCP, 443, 443)));
        assertSame(web, web.intersect(PortSet.ALL));
        assertSame(web, PortSet.ALL.intersect(web));
        assertSame(web, web.minus(PortSet.NONE));
        assertSame(web, web.minus(PortSet.allPorts(Protocol.UDP)), "nothing of UDP to take away");
        assertSame(web, web.union(PortSet.NONE));
        assertSame(PortSet.NONE, web.minus(PortSet.allPorts(Protocol.TCP)));
        assertSame(PortSet.NONE, web.intersect(PortSet.allPorts(Protocol.SCTP)));
        PortSet wholeTcp = web.union(PortSet.allPorts(Protocol.TCP));
        assertEquals(PortSet.allPorts(Protocol.TCP), wholeTcp);
    }

    private static void check(PortSet a, PortSet b, PortSet result, BinaryOperator<BitSet> model, String operation) {
        BitSet expected = model.apply(bits(a), bits(b));
        String context = a.display() + " " + operation + " " + b.display();
        assertEquals(expected, bits(result), context);
        PortSet rebuilt = PortSet.of(result.ranges());
        assertEquals(rebuilt, result, context + ": equal to the same ports built afresh");
        assertEquals(rebuilt.hashCode(), result.hashCode(), context + ": hashes alike");
        assertEquals(expected.isEmpty(), result.isEmpty(), context);
        if (expected.isEmpty()) {
            assertEquals(PortSet.NONE, result, context);
        }
        assertTrue(result.ranges().stream().allMatch(r -> r.first() <= r.last()), context);
    }

    /** Every (protocol, port) of the set, one bit each. */
    private static BitSet bits(PortSet set) {
        BitSet bits = new BitSet();
        for (PortRange range : set.ranges()) {
            int base = range.protocol().ordinal() * PORTS;
            bits.set(base + range.first(), base + range.last() + 1);
        }
        return bits;
    }

    private static PortSet randomSet(Random random) {
        List<PortRange> ranges = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            Protocol protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
            if (random.nextInt(6) == 0) {
                ranges.add(PortRange.all(protocol));
                continue;
            }
            // Ports near the ends and near each other, so ranges touch, overlap and reach the limits.
            int first = random.nextBoolean() ? PortRange.MIN_PORT + random.nextInt(4) : 50 + random.nextInt(40);
            int last = random.nextInt(8) == 0 ? PortRange.MAX_PORT : Math.min(PortRange.MAX_PORT, first + random.nextInt(30));
            ranges.add(new PortRange(protocol, first, last));
        }
        return PortSet.of(ranges);
    }
}

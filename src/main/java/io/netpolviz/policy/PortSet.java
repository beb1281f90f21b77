package io.netpolviz.policy;

import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of (protocol, port) pairs, kept as sorted disjoint ranges per protocol. It is
 * what a side of a connection allows and what a rule admits toward one destination.
 */
public final class PortSet {

    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final int[] NO_RANGES = new int[0];

    public static final PortSet NONE = new PortSet(new int[][] {NO_RANGES, NO_RANGES, NO_RANGES});
    public static final PortSet ALL = allOf(PROTOCOLS);

    /** Per protocol ordinal: flattened [first0, last0, first1, last1, ...], sorted, disjoint, non-adjacent. */
    private final int[][] ranges;
    /** Asked for nearly every set an operation makes: known once. */
    private final boolean empty;

    private PortSet(int[][] ranges) {
        this.ranges = ranges;
        boolean none = true;
        for (int[] perProtocol : ranges) {
            none &= perProtocol.length == 0;
        }
        this.empty = none;
    }

    private static PortSet allOf(Protocol... protocols) {
        int[][] ranges = {NO_RANGES, NO_RANGES, NO_RANGES};
        for (Protocol protocol : protocols) {
            ranges[protocol.ordinal()] = new int[] {PortRange.MIN_PORT, PortRange.MAX_PORT};
        }
        return new PortSet(ranges);
    }

    public static PortSet of(PortRange range) {
        int[][] ranges = {NO_RANGES, NO_RANGES, NO_RANGES};
        ranges[range.protocol().ordinal()] = new int[] {range.first(), range.last()};
        return new PortSet(ranges);
    }

    public static PortSet of(List<PortRange> ranges) {
        PortSet result = NONE;
        for (PortRange range : ranges) {
            result = result.union(of(range));
        }
        return result;
    }

    public static PortSet allPorts(Protocol protocol) {
        return of(PortRange.all(protocol));
    }

    public boolean isEmpty() {
        return empty;
    }

    public boolean isAll() {
        return this == ALL || isWhole(ranges[0]) && isWhole(ranges[1]) && isWhole(ranges[2]);
    }

    public boolean contains(Protocol protocol, int port) {
        int[] perProtocol = ranges[protocol.ordinal()];
        for (int i = 0; i < perProtocol.length; i += 2) {
            if (port < perProtocol[i]) {
                return false;
            }
            if (port <= perProtocol[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether every port of {@code range} is in this set. */
    public boolean containsAll(PortRange range) {
        int[] perProtocol = ranges[range.protocol().ordinal()];
        for (int i = 0; i < perProtocol.length; i += 2) {
            if (range.first() >= perProtocol[i] && range.last() <= perProtocol[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether some port of {@code range} is in this set. */
    public boolean overlaps(PortRange range) {
        int[] perProtocol = ranges[range.protocol().ordinal()];
        for (int i = 0; i < perProtocol.length; i += 2) {
            if (range.first() <= perProtocol[i + 1] && range.last() >= perProtocol[i]) {
                return true;
            }
        }
        return false;
    }

    public PortSet union(PortSet other) {
        if (other == this || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int[][] merged = new int[PROTOCOLS.length][];
        for (int p = 0; p < PROTOCOLS.length; p++) {
            merged[p] = unionRanges(ranges[p], other.ranges[p]);
        }
        return sameAs(merged, this) ? this : sameAs(merged, other) ? other : new PortSet(merged);
    }

    public PortSet intersect(PortSet other) {
        if (other == this || other == ALL) {
            return this;
        }
        if (this == ALL) {
            return other;
        }
        int[][] result = new int[PROTOCOLS.length][];
        boolean empty = true;
        for (int p = 0; p < PROTOCOLS.length; p++) {
            result[p] = intersectRanges(ranges[p], other.ranges[p]);
            empty &= result[p].length == 0;
        }
        return empty ? NONE : sameAs(result, this) ? this : sameAs(result, other) ? other : new PortSet(result);
    }

    /** The ports in this set that are not in {@code other}. */
    public PortSet minus(PortSet other) {
        if (other == NONE || isEmpty()) {
            return this;
        }
        int[][] result = new int[PROTOCOLS.length][];
        boolean empty = true;
        for (int p = 0; p < PROTOCOLS.length; p++) {
            int[] subtracted = other.ranges[p];
            // Most sets name ports of one or two protocols: the others keep their ranges as they are.
            result[p] = subtracted.length == 0 ? ranges[p] : ranges[p].length == 0 ? NO_RANGES
                    : subtractRanges(ranges[p], subtracted);
            empty &= result[p].length == 0;
        }
        return empty ? NONE : sameAs(result, this) ? this : new PortSet(result);
    }

    /**
     * Whether {@code ranges} hold the very arrays of {@code set}: an operation that changed nothing
     * hands back the set it started from instead of a copy, which saves the allocation and lets
     * later comparisons stop at identity. The ranges of a protocol are never mutated once made.
     */
    private static boolean sameAs(int[][] ranges, PortSet set) {
        for (int p = 0; p < ranges.length; p++) {
            if (ranges[p] != set.ranges[p]) {
                return false;
            }
        }
        return true;
    }

    private static int[] complement(int[] ranges) {
        int[] out = new int[ranges.length + 2];
        int n = 0;
        int next = PortRange.MIN_PORT;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out[n++] = next;
                out[n++] = ranges[i] - 1;
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= PortRange.MAX_PORT) {
            out[n++] = next;
            out[n++] = PortRange.MAX_PORT;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The ports of {@code a} outside {@code b}, in one pass over both (no complement of {@code b} is built: walks take
     * ports away from open sets at every rule); {@code a} itself when {@code b} takes nothing from it.
     */
    private static int[] subtractRanges(int[] a, int[] b) {
        if (isWhole(b)) {
            return NO_RANGES;
        }
        if (isWhole(a)) {
            return complement(b);
        }
        int[] out = new int[a.length + b.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            int first = a[i];
            int last = a[i + 1];
            while (j < b.length && b[j + 1] < first) {
                j += 2;
            }
            // Ranges of b from j on end at or after first: each that starts by last cuts into [first, last].
            for (int k = j; first <= last; k += 2) {
                if (k >= b.length || b[k] > last) {
                    out[n++] = first;
                    out[n++] = last;
                    break;
                }
                if (b[k] > first) {
                    out[n++] = first;
                    out[n++] = b[k] - 1;
                }
                first = Math.max(first, b[k + 1] + 1);
            }
        }
        if (n == a.length && Arrays.equals(out, 0, n, a, 0, n)) {
            return a;
        }
        return n == 0 ? NO_RANGES : Arrays.copyOf(out, n);
    }

    /** Whether the ranges of one protocol cover every port. */
    private static boolean isWhole(int[] ranges) {
        return ranges.length == 2 && ranges[0] == PortRange.MIN_PORT && ranges[1] == PortRange.MAX_PORT;
    }

    private static int[] unionRanges(int[] a, int[] b) {
        if (a.length == 0 || isWhole(b)) {
            return b;
        }
        if (b.length == 0 || a == b || isWhole(a)) {
            return a;
        }
        int[] all = new int[a.length + b.length];
        // Merge the two sorted lists of ranges by their first port, then coalesce.
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                all[k++] = a[i++];
                all[k++] = a[i++];
            } else {
                all[k++] = b[j++];
                all[k++] = b[j++];
            }
        }
        int[] out = new int[all.length];
        int n = 0;
        for (int r = 0; r < all.length; r += 2) {
            if (n > 0 && all[r] <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], all[r + 1]);
            } else {
                out[n++] = all[r];
                out[n++] = all[r + 1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] intersectRanges(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return NO_RANGES;
        }
        if (a == b || isWhole(b)) {
            return a;
        }
        if (isWhole(a)) {
            return b;
        }
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int first = Math.max(a[i], b[j]);
            int last = Math.min(a[i + 1], b[j + 1]);
            if (first <= last) {
                out[n++] = first;
                out[n++] = last;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return n == 0 ? NO_RANGES : Arrays.copyOf(out, n);
    }

    /** The ranges, sorted by protocol then port. */
    public List<PortRange> ranges() {
        List<PortRange> out = new ArrayList<>();
        for (Protocol protocol : PROTOCOLS) {
            int[] perProtocol = ranges[protocol.ordinal()];
            for (int i = 0; i < perProtocol.length; i += 2) {
                out.add(new PortRange(protocol, perProtocol[i], perProtocol[i + 1]));
            }
        }
        return out;
    }

    /** {@code all}, {@code none}, or {@code TCP 80, TCP 443, UDP 53}. */
    public String display() {
        if (isAll()) {
            return "all";
        }
        if (isEmpty()) {
            return "none";
        }
        return String.join(", ", ranges().stream().map(PortRange::display).toList());
    }

    @Override
    public boolean equals(Object other) {
        // Shared port sets (NONE, ALL, a rule's ports) are compared with themselves often.
        return this == other || other instanceof PortSet set && Arrays.deepEquals(ranges, set.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(ranges);
    }

    @Override
    public String toString() {
        return display();
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The first pass's running counts for one edge: pairs per port, allowed and touched per port. */
final class EdgeTally {
    private final int source;
    private final int target;
    private final Map<PortRange, long[]> perPort = new HashMap<>();
    private long pairs;
    /** The pairs for which something shown is allowed. */
    long allowedPairs;

    EdgeTally(int source, int target) {
        this.source = source;
        this.target = target;
    }

    void add(List<PortRange> ports, PairVerdict verdict, long weight) {
        pairs += weight;
        allowedPairs += weight * verdict.any();
        for (int i = 0; i < ports.size(); i++) {
            long[] counts = perPort.computeIfAbsent(ports.get(i), port -> new long[3]);
            counts[0] += weight;
            counts[1] += weight * verdict.full()[i];
            counts[2] += weight * verdict.touched()[i];
        }
    }

    AggregateFrame.EdgeShape shape() {
        PortRange[] ports = perPort.keySet().toArray(new PortRange[0]);
        java.util.Arrays.sort(ports);
        return new AggregateFrame.EdgeShape(source, target, ports, counts(ports, 0), pairs);
    }

    long[] counts(PortRange[] ports, int which) {
        long[] out = new long[ports.length];
        for (int i = 0; i < ports.length; i++) {
            out[i] = perPort.get(ports[i])[which];
        }
        return out;
    }

    /** What one pair of ends is allowed on each of its shown ports, as counts of 0 or 1. */
    record PairVerdict(int[] full, int[] touched, int any) {

        static PairVerdict of(List<PortRange> ports, PortSet allowed) {
            int[] full = new int[ports.size()];
            int[] touched = new int[ports.size()];
            int any = 0;
            for (int i = 0; i < ports.size(); i++) {
                PortRange port = ports.get(i);
                if (allowed.containsAll(port)) {
                    full[i] = 1;
                    touched[i] = 1;
                } else if (allowed.overlaps(port)) {
                    touched[i] = 1;
                }
                any |= touched[i];
            }
            return new PairVerdict(full, touched, any);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PairVerdict that && java.util.Arrays.equals(full, that.full)
                    && java.util.Arrays.equals(touched, that.touched);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(full) * 31 + java.util.Arrays.hashCode(touched);
        }
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import java.util.List;
import java.util.Locale;

/**
 * What one edge of an aggregated picture stands for: how many workload pairs (a workload and an
 * external peer count as a pair too) it sums up, how many of them may connect on some shown
 * port, and per port how many pairs have that port and how many of those are allowed on it.
 *
 * @param pairs the workload pairs the edge stands for
 * @param allowedPairs those allowed on at least one of their shown ports (fully or in part)
 */
public record EdgeSummary(String edgeKey, long pairs, long allowedPairs, List<PortSummary> ports) {

    /**
     * One port of the edge.
     *
     * @param pairs the pairs that show this port (a rule names it for them; or, where rules name no port, their destination declares it)
     * @param allowedPairs the pairs allowed on every port of it
     * @param partlyAllowedPairs the pairs allowed on some, not all, ports of a range
     */
    public record PortSummary(PortRange port, long pairs, long allowedPairs, long partlyAllowedPairs) {

        /** {@code allowed for 12 of 340 workload pairs}, or {@code allowed for all 3 …}, {@code blocked for all …}. */
        public String display() {
            return describe(pairs, allowedPairs) + (partlyAllowedPairs > 0
                    ? String.format(Locale.ROOT, ", in part for %,d more", partlyAllowedPairs) : "");
        }
    }

    public EdgeSummary {
        ports = List.copyOf(ports);
    }

    /** {@code allowed for 12 of 340 workload pairs}. */
    public String display() {
        return describe(pairs, allowedPairs);
    }

    static String describe(long pairs, long allowed) {
        String noun = pairs == 1 ? "workload pair" : "workload pairs";
        if (allowed == 0) {
            return pairs == 1 ? "blocked for the one " + noun : String.format(Locale.ROOT, "blocked for all %,d %s", pairs, noun);
        }
        if (allowed == pairs) {
            return pairs == 1 ? "allowed for the one " + noun : String.format(Locale.ROOT, "allowed for all %,d %s", pairs, noun);
        }
        return String.format(Locale.ROOT, "allowed for %,d of %,d %s", allowed, pairs, noun);
    }
}

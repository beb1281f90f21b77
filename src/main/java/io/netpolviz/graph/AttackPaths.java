package io.netpolviz.graph;

import java.util.List;
import java.util.Map;

/**
 * How {@code from} can reach {@code to}: the shortest paths by hops (at most {@code limit} of
 * them, {@code more} says whether there are others as short), and a minimum cut — the fewest
 * connections to close so that no path remains at any length. Inner nodes of a path are named
 * by one workload of a group the policies cannot tell apart; {@code alike} lists the others.
 */
public record AttackPaths(String from, String to, int hops, List<List<PathHop>> paths, boolean more, List<PathHop> cut,
        Map<String, List<String>> alike) {

    public AttackPaths {
        paths = paths.stream().map(List::copyOf).toList();
        cut = List.copyOf(cut);
        alike = Map.copyOf(alike);
    }

    /** No path at all within the hops asked for. */
    public boolean unreachable() {
        return paths.isEmpty();
    }
}

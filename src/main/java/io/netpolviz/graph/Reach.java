package io.netpolviz.graph;

import java.util.List;

/**
 * What an attacker who holds {@code from} can open connections to, hop by hop over allowed
 * connections: every node reached within {@code maxHops}, with the fewest hops it takes,
 * sorted by hops then name; {@code unreached} counts the workloads it cannot reach.
 */
public record Reach(String from, int maxHops, List<Reached> reached, int unreached) {

    public Reach {
        reached = List.copyOf(reached);
    }

    /** A node and the fewest hops from the start. */
    public record Reached(String node, int hops) {
    }
}

package io.netpolviz.view;

import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.Locale;

/**
 * A picture refused before it was laid out, because it would have more boxes or edges than a
 * person can read ({@link Grouping#READABLE_NODES}, {@link Grouping#READABLE_EDGES}); the
 * message says so and what to do instead. The one place where that limit is checked: the app's
 * open, expand and filter and the {@code export} command all draw through {@link Picture}.
 */
public final class TooMuchToDraw extends Exception {

    private static final long serialVersionUID = 1L;

    private final int nodes;
    private final int edges;

    private TooMuchToDraw(String message, int nodes, int edges) {
        super(message);
        this.nodes = nodes;
        this.edges = edges;
    }

    /** Refuses a graph over either limit. */
    static void check(ReachabilityGraph graph) throws TooMuchToDraw {
        int nodes = graph.nodes().size();
        int edges = graph.edges().size();
        if (nodes > Grouping.READABLE_NODES || edges > Grouping.READABLE_EDGES) {
            throw new TooMuchToDraw(String.format(Locale.ROOT, "That picture would draw %,d boxes and %,d edges; a picture stays"
                    + " readable up to %d boxes and %d edges. Collapse something, filter by namespace or search, or select an edge"
                    + " to see which workload pairs it stands for.", nodes, edges, Grouping.READABLE_NODES, Grouping.READABLE_EDGES),
                    nodes, edges);
        }
    }

    /** A refusal decided before any graph was built (an expansion that would draw too many boxes). */
    static TooMuchToDraw boxes(String attempt, int boxes) {
        return new TooMuchToDraw(String.format(Locale.ROOT, "%s would draw %,d boxes; a picture stays readable up to %d."
                + " Collapse something else first, or search to find the workloads you want.", attempt, boxes, Grouping.READABLE_NODES),
                boxes, 0);
    }

    public int nodes() {
        return nodes;
    }

    public int edges() {
        return edges;
    }
}

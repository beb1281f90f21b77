package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraph;

/**
 * Shows a filtered graph on the diagram of the full one by hiding what the filter left out, so
 * filters never re-layout (see {@link Diagram#showingOnly}).
 */
public final class DiagramFilter {

    private DiagramFilter() {
    }

    /** The diagram with only the namespaces, nodes and edges of {@code filtered} visible. */
    public static Diagram showingOnly(Diagram diagram, ReachabilityGraph filtered) {
        return diagram.showingOnly(filtered.namespaces(),
                filtered.nodes().stream().map(GraphNode::id).toList(),
                filtered.edges().stream().map(GraphEdge::key).toList());
    }
}

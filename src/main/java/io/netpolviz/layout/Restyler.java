package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.LabelPort;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries new change marks into an existing diagram without moving anything: when a new graph
 * has the diagram's nodes, edges and label entries (each entry's text and verdict), only the
 * "changed" marks can differ, and the picture keeps its place. A graph of another shape needs a
 * fresh layout; check with {@link #fits} or let {@link #update} decide.
 */
public final class Restyler {

    private Restyler() {
    }

    /**
     * True when the graph has exactly the diagram's nodes, edges and, per edge, ports; only then
     * can it be restyled into the diagram.
     */
    public static boolean fits(Diagram diagram, ReachabilityGraph graph) {
        return mismatch(diagram, graph).isEmpty();
    }

    /**
     * The diagram with the graph's verdicts: same geometry and hidden flags, new port and edge
     * styles and changed flags.
     *
     * @throws IllegalArgumentException if the graph does not {@link #fits fit} the diagram
     */
    public static Diagram restyle(Diagram diagram, ReachabilityGraph graph) {
        mismatch(diagram, graph).ifPresent(problem -> {
            throw new IllegalArgumentException("graph does not fit the diagram: " + problem);
        });
        Map<String, GraphEdge> edgesByKey = new HashMap<>();
        graph.edges().forEach(edge -> edgesByKey.put(edge.key(), edge));
        List<EdgePath> restyled = new ArrayList<>();
        for (EdgePath path : diagram.edges()) {
            GraphEdge edge = edgesByKey.get(path.key());
            List<LabelPort> entries = edge.labelPorts();
            List<PortLabel> labels = new ArrayList<>();
            for (int i = 0; i < path.labels().size(); i++) {
                labels.add(path.labels().get(i).restyled(entries.get(i).changed()));
            }
            restyled.add(path.withStyle(path.style(), edge.anyChanged(), labels));
        }
        return diagram.withEdges(restyled);
    }

    /** Restyles when the graph fits, else lays it out afresh. */
    public static Diagram update(Diagram previous, ReachabilityGraph graph, LayoutOptions options) {
        return fits(previous, graph) ? restyle(previous, graph) : DiagramLayout.layout(graph, options);
    }

    private static Optional<String> mismatch(Diagram diagram, ReachabilityGraph graph) {
        Set<String> diagramNodes = new TreeSet<>(diagram.nodes().stream().map(NodeBox::id).toList());
        Set<String> graphNodes = new TreeSet<>(graph.nodes().stream().map(GraphNode::id).toList());
        if (!diagramNodes.equals(graphNodes)) {
            return Optional.of("nodes differ");
        }
        if (diagram.edges().size() != graph.edges().size()) {
            return Optional.of("edge count " + graph.edges().size() + " instead of " + diagram.edges().size());
        }
        Map<String, EdgePath> pathsByKey = new HashMap<>();
        diagram.edges().forEach(path -> pathsByKey.put(path.key(), path));
        for (GraphEdge edge : graph.edges()) {
            EdgePath path = pathsByKey.get(edge.key());
            if (path == null) {
                return Optional.of("no edge " + edge.key());
            }
            List<String> ports = edge.labelPorts().stream().map(LabelPort::display).toList();
            List<String> labels = path.labels().stream().map(PortLabel::display).toList();
            if (!ports.equals(labels)) {
                return Optional.of("ports of " + edge.key() + " are " + ports + " instead of " + labels);
            }
        }
        return Optional.empty();
    }
}

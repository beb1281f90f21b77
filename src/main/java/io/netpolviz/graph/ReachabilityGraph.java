package io.netpolviz.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The picture's content before layout: namespaces, nodes and port-labelled edges, sorted, over
 * a JGraphT directed pseudograph (a pod may talk to itself). A collapsed namespace's node lists
 * the workloads it stands for in {@link #members}, so a search finds them. Immutable.
 */
public final class ReachabilityGraph {

    private final List<String> namespaces;
    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final Map<String, GraphNode> nodesById = new LinkedHashMap<>();
    private final Graph<GraphNode, GraphEdge> graph;
    private final Map<String, List<GraphNode>> members;

    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges) {
        this(namespaces, nodes, edges, Map.of());
    }

    /** @param members per collapsed namespace node id, the workloads it stands for */
    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges,
            Map<String, List<GraphNode>> members) {
        this.members = Map.copyOf(members);
        this.namespaces = namespaces.stream().sorted().toList();
        this.nodes = nodes.stream().sorted().toList();
        this.edges = edges.stream()
                .sorted(java.util.Comparator.comparing(GraphEdge::sourceId).thenComparing(GraphEdge::targetId))
                .toList();
        DirectedPseudograph<GraphNode, GraphEdge> built = new DirectedPseudograph<>(null, null, false);
        for (GraphNode node : this.nodes) {
            nodesById.put(node.id(), node);
            built.addVertex(node);
        }
        for (GraphEdge edge : this.edges) {
            GraphNode source = nodesById.get(edge.sourceId());
            GraphNode target = nodesById.get(edge.targetId());
            if (source == null || target == null) {
                throw new IllegalArgumentException("edge " + edge.key() + " names a node that is not in the graph");
            }
            built.addEdge(source, target, edge);
        }
        this.graph = new AsUnmodifiableGraph<>(built);
    }

    public List<String> namespaces() {
        return namespaces;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    /** The workloads a collapsed namespace's node stands for; empty for every other node. */
    public List<GraphNode> members(String nodeId) {
        return members.getOrDefault(nodeId, List.of());
    }

    /** The JGraphT view, for graph algorithms (paths, degrees, components). */
    public Graph<GraphNode, GraphEdge> graph() {
        return graph;
    }
}

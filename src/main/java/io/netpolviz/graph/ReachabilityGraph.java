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
    private final java.util.Set<String> zone;
    private final Map<String, String> boxOf;

    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges) {
        this(namespaces, nodes, edges, Map.of());
    }

    /** @param members per collapsed namespace node id, the workloads it stands for */
    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges,
            Map<String, List<GraphNode>> members) {
        this(namespaces, nodes, edges, members, java.util.Set.of());
    }

    /**
     * @param zone the namespaces drawn inside the box of namespaces without policies ({@link
     *     GraphNode#OPEN_ZONE}, then one of {@code namespaces}); empty when there is none
     */
    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges,
            Map<String, List<GraphNode>> members, java.util.Set<String> zone) {
        this(namespaces, nodes, edges, members, zone, Map.of());
    }

    /**
     * @param boxOf for nodes that sit in a box other than their namespace's (collapsed groups of
     *     namespaces sharing a label key, boxed by that key), the box's name, one of {@code namespaces}
     */
    public ReachabilityGraph(List<String> namespaces, List<GraphNode> nodes, List<GraphEdge> edges,
            Map<String, List<GraphNode>> members, java.util.Set<String> zone, Map<String, String> boxOf) {
        this.members = Map.copyOf(members);
        this.zone = java.util.Set.copyOf(zone);
        this.boxOf = Map.copyOf(boxOf);
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
        Map<String, GraphNode> boxes = new LinkedHashMap<>();
        for (GraphEdge edge : this.edges) {
            GraphNode source = end(edge.sourceId(), boxes, built);
            GraphNode target = end(edge.targetId(), boxes, built);
            if (source == null || target == null) {
                throw new IllegalArgumentException("edge " + edge.key() + " names a node that is not in the graph");
            }
            built.addEdge(source, target, edge);
        }
        this.graph = new AsUnmodifiableGraph<>(built);
    }

    /**
     * The vertex of an edge end: a node, or for a box end a vertex standing for the namespace's box
     * (in the JGraphT view only, never in {@link #nodes}), made once per namespace of the picture.
     */
    private GraphNode end(String id, Map<String, GraphNode> boxes, DirectedPseudograph<GraphNode, GraphEdge> built) {
        if (GraphEdge.ANYWHERE.equals(id)) {
            return boxes.computeIfAbsent(id, key -> {
                GraphNode anywhere = new GraphNode(key, NodeType.NAMESPACE, "", "anywhere", null, 0, false, Map.of(), 0, 0);
                built.addVertex(anywhere);
                return anywhere;
            });
        }
        if (!GraphEdge.isBox(id)) {
            return nodesById.get(id);
        }
        String namespace = GraphEdge.boxNamespace(id);
        if (!namespaces.contains(namespace)) {
            return null;
        }
        return boxes.computeIfAbsent(id, key -> {
            GraphNode box = new GraphNode(key, NodeType.NAMESPACE, namespace, namespace, null, 0, false, Map.of(), 0, 1);
            built.addVertex(box);
            return box;
        });
    }

    /** The same picture with other edges: the namespaces, nodes, members, zone and boxes kept. */
    public ReachabilityGraph withEdges(List<GraphEdge> otherEdges) {
        return new ReachabilityGraph(namespaces, nodes, otherEdges, members, zone, boxOf);
    }

    /** The same picture with more nodes and edges (the ingress controller's), the rest kept. */
    public ReachabilityGraph withMore(List<GraphNode> moreNodes, List<GraphEdge> moreEdges) {
        List<GraphNode> allNodes = new java.util.ArrayList<>(nodes);
        allNodes.addAll(moreNodes);
        List<GraphEdge> allEdges = new java.util.ArrayList<>(edges);
        allEdges.addAll(moreEdges);
        return new ReachabilityGraph(namespaces, allNodes, allEdges, members, zone, boxOf);
    }

    /** The box a node sits in when it is not its namespace's (a collapsed group in the box of its label key), if any. */
    public java.util.Optional<String> boxOf(String nodeId) {
        return java.util.Optional.ofNullable(boxOf.get(nodeId));
    }

    /** The namespaces inside the box of namespaces without policies; empty when the picture has none. */
    public java.util.Set<String> zone() {
        return zone;
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

package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which edges the layered layout should see other than as drawn, so that the namespace boxes
 * stack instead of standing in one long row:
 * <ul>
 * <li><b>withheld</b>: the edges between two namespaces that call each other (the shop's
 * storefront/web → orders/checkout → storefront/cart). A layered layout puts the ends of every
 * edge in different layers, so such a pair of boxes could only stand side by side, each pushing
 * everything after it further right; without those edges the two boxes share layers, one above
 * the other, and {@link DetourRouter} routes the withheld edges around the placed nodes.</li>
 * <li><b>reversed</b>: the edges from a workload to an address block when the addresses sit in
 * the zone of open namespaces. The zone also holds the clients (an ingress controller, a
 * monitoring server) whose edges leave it; with edges into it as well it must span every layer
 * between them. Laid out as if the addresses called the workload, the zone stays one column at
 * the side; the edge is still drawn from the workload to the address.</li>
 * </ul>
 */
record LayoutHints(Set<GraphEdge> withheld, Set<GraphEdge> reversed) {

    /**
     * Above this many edges the picture is laid out by ELK alone: each detour is a search over the
     * grid of every node's sides, and its price grows with the lines already drawn (generated graphs,
     * one layout: 26 edges 158 ms against 102 without hints, 39 edges 301 against 186, 58 edges 1,550
     * against 296). The lessons and apps the readability targets hold have at most 31.
     */
    static final int UP_TO_EDGES = 40;

    static LayoutHints of(ReachabilityGraph graph) {
        if (graph.edges().size() > UP_TO_EDGES) {
            return new LayoutHints(Set.of(), Set.of());
        }
        Map<String, Set<String>> calls = new TreeMap<>();
        for (GraphEdge edge : graph.edges()) {
            Optional<String> from = ownBox(graph, edge.sourceId());
            Optional<String> to = ownBox(graph, edge.targetId());
            if (from.isPresent() && to.isPresent() && !from.get().equals(to.get())) {
                calls.computeIfAbsent(from.get(), key -> new TreeSet<>()).add(to.get());
            }
        }
        Set<GraphEdge> withheld = new LinkedHashSet<>();
        Set<GraphEdge> reversed = new LinkedHashSet<>();
        boolean addressesInZone = graph.zone().contains(GraphNode.OUTSIDE);
        for (GraphEdge edge : graph.edges()) {
            Optional<String> from = ownBox(graph, edge.sourceId());
            Optional<String> to = ownBox(graph, edge.targetId());
            if (from.isPresent() && to.isPresent() && !from.get().equals(to.get())
                    && calls.getOrDefault(to.get(), Set.of()).contains(from.get())) {
                withheld.add(edge);
            } else if (addressesInZone && from.isPresent() && isAddress(graph, edge.targetId())) {
                reversed.add(edge);
            }
        }
        return new LayoutHints(Set.copyOf(withheld), Set.copyOf(reversed));
    }

    /**
     * The namespace box of a workload end that is not in the zone of open namespaces (the zone is
     * laid out as one unit); empty for boxes, everywhere, address blocks and the zone's workloads.
     */
    private static Optional<String> ownBox(ReachabilityGraph graph, String id) {
        if (GraphEdge.isBox(id) || GraphEdge.ANYWHERE.equals(id)) {
            return Optional.empty();
        }
        return graph.node(id).filter(node -> node.type() == NodeType.WORKLOAD)
                .map(GraphNode::namespace)
                .filter(namespace -> !graph.zone().contains(namespace));
    }

    private static boolean isAddress(ReachabilityGraph graph, String id) {
        return graph.node(id).map(node -> node.type() == NodeType.EXTERNAL).orElse(false)
                && graph.boxOf(id).map(GraphNode.OUTSIDE::equals).orElse(true);
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts a comparison on a workload picture: every pair whose allowed ports differ from the side it
 * is compared with gets an edge of its own with a {@link DiffMark} — the edge the picture drew for
 * the pair, or a new one: a removed pair allows nothing now and would not be drawn, yet it is
 * what a reviewer looks for. A workload or address only the other side has is drawn too, so its
 * removed edges have an end. In a narrowed view (focus, search, namespaces) only pairs whose two
 * ends the view shows are marked.
 */
public final class ComparedEdges {

    private ComparedEdges() {
    }

    /**
     * @param formerNode the node of an endpoint the picture does not draw (one only the other side
     *     has, or an address block no rule of this side names), if there is such an endpoint
     */
    public static PictureComposer.Composed marked(PictureComposer.Composed composed, List<ConnectivityChange> changes,
            Function<String, Optional<GraphNode>> formerNode, boolean narrowed) {
        if (changes.isEmpty()) {
            return composed;
        }
        ReachabilityGraph graph = composed.graph();
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        graph.nodes().forEach(node -> nodes.put(node.id(), node));
        Map<String, GraphEdge> edges = new LinkedHashMap<>();
        graph.edges().forEach(edge -> edges.put(edge.key(), edge));
        TreeSet<String> boxes = new TreeSet<>(graph.namespaces());
        for (ConnectivityChange change : changes) {
            if (!present(change.sourceId(), nodes, formerNode, narrowed, boxes) || !present(change.destinationId(), nodes, formerNode, narrowed, boxes)) {
                continue;
            }
            GraphEdge edge = new GraphEdge(change.sourceId(), change.destinationId(), verdicts(change), 1, DiffMark.of(change));
            edges.put(edge.key(), edge);
        }
        List<GraphEdge> selection = composed.selection().stream().filter(edge -> !edges.containsKey(edge.key())
                || edges.get(edge.key()).diff() == null).toList();
        return new PictureComposer.Composed(new ReachabilityGraph(List.copyOf(boxes), new ArrayList<>(nodes.values()),
                new ArrayList<>(edges.values()), Map.of(), graph.zone()), composed.omitted(), selection);
    }

    /**
     * Puts a comparison on a summed-up picture: the changed pairs are marked on the edge between
     * the nodes that show their ends (a collapsed namespace shows its workloads), one mark for all
     * the pairs an edge stands for, and an edge is added where the picture had none. Pairs with an
     * end the picture does not show (a workload only the other side has) are left to the list of
     * changes.
     */
    public static PictureComposer.Composed summed(PictureComposer.Composed composed, List<ConnectivityChange> changes,
            Function<String, Optional<String>> nodeShowing) {
        if (changes.isEmpty()) {
            return composed;
        }
        ReachabilityGraph graph = composed.graph();
        Map<String, GraphEdge> edges = new LinkedHashMap<>();
        graph.edges().forEach(edge -> edges.put(edge.key(), edge));
        Map<String, List<ConnectivityChange>> byEdge = new LinkedHashMap<>();
        for (ConnectivityChange change : changes) {
            Optional<String> source = nodeShowing.apply(change.sourceId()).filter(id -> graph.node(id).isPresent());
            Optional<String> target = nodeShowing.apply(change.destinationId()).filter(id -> graph.node(id).isPresent());
            if (source.isPresent() && target.isPresent()) {
                byEdge.computeIfAbsent(new GraphEdge(source.get(), target.get(), List.of()).key(), key -> new ArrayList<>()).add(change);
            }
        }
        byEdge.forEach((key, pairs) -> {
            ConnectivityChange first = pairs.get(0);
            DiffMark mark = DiffMark.together(pairs);
            GraphEdge edge = new GraphEdge(nodeShowing.apply(first.sourceId()).orElseThrow(), nodeShowing.apply(first.destinationId()).orElseThrow(),
                    verdicts(mark), pairs.size(), mark);
            edges.put(key, edge);
        });
        List<GraphEdge> selection = composed.selection().stream().filter(edge -> !byEdge.containsKey(edge.key())).toList();
        return new PictureComposer.Composed(graph.withEdges(new ArrayList<>(edges.values())), composed.omitted(), selection);
    }

    private static boolean present(String id, Map<String, GraphNode> nodes, Function<String, Optional<GraphNode>> formerNode, boolean narrowed,
            TreeSet<String> boxes) {
        if (nodes.containsKey(id)) {
            return true;
        }
        if (narrowed) {
            return false;
        }
        Optional<GraphNode> former = formerNode.apply(id);
        former.ifPresent(node -> {
            nodes.put(id, node);
            boxes.add(node.isExternal() ? GraphNode.OUTSIDE : node.namespace());
        });
        return former.isPresent();
    }

    /** The pair's ports now, each flagged changed where it opened or closed: what a click on the label explains. */
    private static List<PortVerdict> verdicts(ConnectivityChange change) {
        return verdicts(DiffMark.of(change));
    }

    private static List<PortVerdict> verdicts(DiffMark mark) {
        List<PortVerdict> verdicts = new ArrayList<>();
        for (PortRange range : mark.after().ranges()) {
            verdicts.add(new PortVerdict(range, true, false, !mark.before().containsAll(range)));
        }
        for (PortRange range : mark.before().minus(mark.after()).ranges()) {
            verdicts.add(new PortVerdict(range, false, false, true));
        }
        return verdicts;
    }
}

package io.netpolviz.layout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The laid-out picture as plain doubles: title, namespace boxes, node boxes, routed edges with
 * per-port labels, legend and overall bounds. Immutable; every change returns a new diagram.
 *
 * <p>A picture is laid out from what it draws; elements can still be hidden ({@link #showingOnly})
 * without moving the rest, and painters skip hidden elements and hit-tests ignore them. A change
 * that keeps what is drawn restyles in place ({@link Restyler}); dragging moves one node and
 * re-routes only its edges ({@link #withNodeMoved}).
 *
 * <p>{@code bounds} covers everything drawn, with a margin, in whole units; its origin can move away
 * from (0, 0) after a drag, so surfaces translate by {@code -bounds.x(), -bounds.y()}.
 */
public record Diagram(
        String title,
        Point titleBaseline,
        Typography typography,
        List<NamespaceBox> namespaces,
        List<NodeBox> nodes,
        List<EdgePath> edges,
        Legend legend,
        DiagramNote note,
        Rect bounds) {

    public Diagram {
        namespaces = List.copyOf(namespaces);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        note = note == null ? DiagramNote.NONE : note;
    }

    public Optional<NodeBox> node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    public Optional<EdgePath> edge(String key) {
        return edges.stream().filter(edge -> edge.key().equals(key)).findFirst();
    }

    public Optional<NamespaceBox> namespace(String name) {
        return namespaces.stream().filter(box -> box.name().equals(name)).findFirst();
    }

    /** The id of the visible node under a point; the one painted last wins where dragged nodes overlap. */
    public Optional<String> nodeAt(double x, double y) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeBox node = nodes.get(i);
            if (!node.hidden() && node.bounds().contains(x, y)) {
                return Optional.of(node.id());
            }
        }
        return Optional.empty();
    }

    /**
     * The key of the visible edge under a point: one whose label chip (or "all" disc) contains it,
     * else the edge whose line passes nearest, if within {@code tolerance}.
     */
    public Optional<String> edgeAt(double x, double y, double tolerance) {
        for (int i = edges.size() - 1; i >= 0; i--) {
            EdgePath edge = edges.get(i);
            if (!edge.hidden() && (edge.chip() != null && edge.chip().contains(x, y) || edge.stub() != null && edge.stub().contains(x, y))) {
                return Optional.of(edge.key());
            }
        }
        Point point = new Point(x, y);
        String best = null;
        double bestDistance = tolerance;
        for (EdgePath edge : edges) {
            if (edge.hidden()) {
                continue;
            }
            double distance = edge.distanceTo(point);
            if (distance <= bestDistance) {
                best = edge.key();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The name of the visible namespace box under a point. */
    public Optional<String> namespaceAt(double x, double y) {
        return namespaces.stream()
                .filter(box -> !box.hidden() && box.bounds().contains(x, y))
                .map(NamespaceBox::name)
                .findFirst();
    }

    /**
     * This diagram with one node moved by (dx, dy): its edges are re-routed as straight lines
     * between the box borders, with their labels stacked at the middle, and its namespace box
     * grows if the node left it. Nothing else moves.
     */
    public Diagram withNodeMoved(String id, double dx, double dy) {
        return NodeDrag.move(this, id, dx, dy);
    }

    /**
     * This diagram with everything hidden but the named namespaces, nodes and edges. An edge also
     * hides when either end does; a namespace box stays visible while any of its nodes does.
     */
    public Diagram showingOnly(Collection<String> namespaceNames, Collection<String> nodeIds,
            Collection<String> edgeKeys) {
        Set<String> shownNodes = Set.copyOf(nodeIds);
        Set<String> shownEdges = Set.copyOf(edgeKeys);
        Set<String> shownNamespaces = Set.copyOf(namespaceNames);
        List<NodeBox> newNodes = nodes.stream()
                .map(node -> node.withHidden(!shownNodes.contains(node.id())))
                .toList();
        Set<String> namespacesWithVisibleNodes = newNodes.stream()
                .filter(node -> !node.hidden())
                .map(NodeBox::namespace)
                .collect(Collectors.toSet());
        Predicate<EdgePath> visible = edge -> shownEdges.contains(edge.key())
                && shownNodes.contains(edge.sourceId()) && shownNodes.contains(edge.targetId());
        List<EdgePath> newEdges = edges.stream().map(edge -> edge.withHidden(!visible.test(edge))).toList();
        List<NamespaceBox> newNamespaces = namespaces.stream()
                .map(box -> box.withHidden(!shownNamespaces.contains(box.name())
                        && !namespacesWithVisibleNodes.contains(box.name())))
                .toList();
        return new Diagram(title, titleBaseline, typography, newNamespaces, newNodes, newEdges, legend, note, bounds);
    }

    /** This diagram with nothing hidden. */
    public Diagram showingAll() {
        return new Diagram(title, titleBaseline, typography,
                namespaces.stream().map(box -> box.withHidden(false)).toList(),
                nodes.stream().map(node -> node.withHidden(false)).toList(),
                edges.stream().map(edge -> edge.withHidden(false)).toList(),
                legend, note, bounds);
    }

    Diagram withEdges(List<EdgePath> newEdges) {
        return new Diagram(title, titleBaseline, typography, namespaces, nodes, newEdges, legend, note, bounds);
    }
}

package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Moves one node of a diagram and re-routes its edges simply, leaving everything else in place. */
final class NodeDrag {

    /** Room kept around moved elements when the diagram bounds grow. */
    private static final double MARGIN = 16;

    private NodeDrag() {
    }

    static Diagram move(Diagram diagram, String id, double dx, double dy) {
        Optional<NodeBox> found = diagram.node(id);
        if (found.isEmpty() || (dx == 0 && dy == 0)) {
            return diagram;
        }
        NodeBox moved = found.get().movedBy(dx, dy);
        List<NodeBox> nodes = diagram.nodes().stream().map(node -> node.id().equals(id) ? moved : node).toList();
        Rect bounds = diagram.bounds().union(expanded(moved.bounds()));

        List<EdgePath> edges = new ArrayList<>();
        for (EdgePath edge : diagram.edges()) {
            if (!edge.sourceId().equals(id) && !edge.targetId().equals(id) || edge.touchesBox()) {
                // An edge to a namespace box keeps its route: the box does not move.
                edges.add(edge);
                continue;
            }
            EdgePath rerouted = edge.isSelfLoop() ? translated(edge, dx, dy) : straightened(edge, nodes);
            bounds = bounds.union(expanded(rerouted.extent()));
            edges.add(rerouted);
        }

        List<NamespaceBox> namespaces = new ArrayList<>();
        for (NamespaceBox box : diagram.namespaces()) {
            NamespaceBox grown = box.name().equals(moved.namespace()) ? box.enclosing(moved.bounds()) : box;
            bounds = bounds.union(expanded(grown.bounds()));
            namespaces.add(grown);
        }
        return new Diagram(diagram.title(), diagram.titleBaseline(), diagram.typography(), namespaces, nodes, edges,
                diagram.legend(), diagram.note(), bounds.snappedOut());
    }

    private static Rect expanded(Rect rect) {
        return rect.expanded(MARGIN, MARGIN, MARGIN, MARGIN);
    }

    private static EdgePath translated(EdgePath edge, double dx, double dy) {
        List<Point> route = edge.route().stream().map(point -> point.translated(dx, dy)).toList();
        List<PortLabel> labels = edge.labels().stream().map(label -> label.movedBy(dx, dy)).toList();
        return edge.withRoute(route, labels, edge.chip() == null ? null : edge.chip().translated(dx, dy));
    }

    private static EdgePath straightened(EdgePath edge, List<NodeBox> nodes) {
        Rect source = boundsOf(nodes, edge.sourceId());
        Rect target = boundsOf(nodes, edge.targetId());
        Point start = borderPoint(source, target.center());
        Point end = borderPoint(target, source.center());
        Point middle = new Point((start.x() + end.x()) / 2, (start.y() + end.y()) / 2);
        if (edge.chip() == null) {
            return edge.withRoute(List.of(start, end), edge.labels(), null);
        }
        double dx = middle.x() - edge.chip().centerX();
        double dy = middle.y() - edge.chip().centerY();
        return edge.withRoute(List.of(start, end), edge.labels().stream().map(label -> label.movedBy(dx, dy)).toList(),
                edge.chip().translated(dx, dy));
    }

    private static Rect boundsOf(List<NodeBox> nodes, String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow().bounds();
    }

    /** Where the line from the box's centre towards {@code toward} leaves the box. */
    static Point borderPoint(Rect box, Point toward) {
        Point center = box.center();
        double dx = toward.x() - center.x();
        double dy = toward.y() - center.y();
        if (dx == 0 && dy == 0) {
            return center;
        }
        double scaleX = dx == 0 ? Double.POSITIVE_INFINITY : (box.width() / 2) / Math.abs(dx);
        double scaleY = dy == 0 ? Double.POSITIVE_INFINITY : (box.height() / 2) / Math.abs(dy);
        double scale = Math.min(1, Math.min(scaleX, scaleY));
        return new Point(center.x() + dx * scale, center.y() + dy * scale);
    }
}

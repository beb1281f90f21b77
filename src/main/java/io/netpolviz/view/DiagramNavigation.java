package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moving through a diagram without a mouse: its visible nodes and edges in reading order (column
 * by column from left to right, the way the flow runs, top to bottom within a column), the nearest
 * one in a direction, and the words a screen reader says for each. An edge stands where its label
 * is (or its middle, without one). Geometry only: the same diagram gives the same order.
 */
public final class DiagramNavigation {

    /** An arrow key's direction. */
    public enum Direction {
        LEFT, RIGHT, UP, DOWN
    }

    /** A node or an edge the keyboard can reach, and where it stands. */
    public record Element(Selection selection, Rect bounds) {

        public double x() {
            return bounds.centerX();
        }

        public double y() {
            return bounds.centerY();
        }
    }

    private DiagramNavigation() {
    }

    /** The visible nodes and edges in reading order. */
    public static List<Element> readingOrder(Diagram diagram) {
        List<Element> elements = new ArrayList<>();
        for (NodeBox node : diagram.nodes()) {
            if (!node.hidden()) {
                elements.add(new Element(new Selection.Node(node.id()), node.bounds()));
            }
        }
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden()) {
                elements.add(new Element(new Selection.Edge(edge.key()), place(edge)));
            }
        }
        // Columns: an element joins the column on its left when its centre lies within the column's span.
        elements.sort(Comparator.comparingDouble((Element element) -> element.bounds().x()).thenComparingDouble(Element::y));
        List<List<Element>> columns = new ArrayList<>();
        double right = Double.NEGATIVE_INFINITY;
        for (Element element : elements) {
            if (columns.isEmpty() || element.x() > right) {
                columns.add(new ArrayList<>());
                right = element.bounds().maxX();
            } else {
                right = Math.max(right, element.bounds().maxX());
            }
            columns.get(columns.size() - 1).add(element);
        }
        List<Element> ordered = new ArrayList<>();
        for (List<Element> column : columns) {
            column.sort(Comparator.comparingDouble(Element::y).thenComparingDouble(Element::x));
            ordered.addAll(column);
        }
        return ordered;
    }

    /**
     * The element after {@code current} in reading order (before it, {@code backwards}); from
     * nothing, the first (last). Empty past either end, so Tab can leave the diagram.
     */
    public static Optional<Selection> next(Diagram diagram, Selection current, boolean backwards) {
        List<Element> order = readingOrder(diagram);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        int at = indexOf(order, current);
        if (at < 0) {
            return Optional.of(order.get(backwards ? order.size() - 1 : 0).selection());
        }
        int next = backwards ? at - 1 : at + 1;
        return next < 0 || next >= order.size() ? Optional.empty() : Optional.of(order.get(next).selection());
    }

    /**
     * The nearest element from {@code current} in a direction: within a quarter turn of it when
     * there is one, else anywhere on that side; being off to the side counts double. From nothing,
     * the first element in reading order. Empty when nothing lies that way.
     */
    public static Optional<Selection> toward(Diagram diagram, Selection current, Direction direction) {
        List<Element> order = readingOrder(diagram);
        int at = indexOf(order, current);
        if (at < 0) {
            return order.isEmpty() ? Optional.empty() : Optional.of(order.get(0).selection());
        }
        Element from = order.get(at);
        Element best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        boolean bestInCone = false;
        for (Element candidate : order) {
            if (candidate == from) {
                continue;
            }
            double dx = candidate.x() - from.x();
            double dy = candidate.y() - from.y();
            double along = switch (direction) {
                case RIGHT -> dx;
                case LEFT -> -dx;
                case DOWN -> dy;
                case UP -> -dy;
            };
            double across = direction == Direction.LEFT || direction == Direction.RIGHT ? Math.abs(dy) : Math.abs(dx);
            if (along <= 0.5) {
                continue;
            }
            boolean inCone = across <= along;
            double score = along + 2 * across;
            if (inCone && !bestInCone || inCone == bestInCone && score < bestScore) {
                best = candidate;
                bestScore = score;
                bestInCone = inCone;
            }
        }
        return Optional.ofNullable(best).map(Element::selection);
    }

    /** Where an element the selection names stands, if it is visible. */
    public static Optional<Element> element(Diagram diagram, Selection selection) {
        List<Element> order = readingOrder(diagram);
        int at = indexOf(order, selection);
        return at < 0 ? Optional.empty() : Optional.of(order.get(at));
    }

    /** The position of a node or edge in the order; an edge matches whatever ports of it are selected. */
    private static int indexOf(List<Element> order, Selection selection) {
        if (selection == null) {
            return -1;
        }
        for (int i = 0; i < order.size(); i++) {
            Selection candidate = order.get(i).selection();
            if (candidate.equals(selection) || candidate instanceof Selection.Edge edge && selection instanceof Selection.Edge wanted
                    && edge.key().equals(wanted.key())) {
                return i;
            }
        }
        return -1;
    }

    /** Where an edge stands: its label chip, else its end disc, else the middle of its route. */
    static Rect place(EdgePath edge) {
        if (edge.chip() != null) {
            return edge.chip();
        }
        if (edge.stub() != null) {
            return edge.stub();
        }
        Point middle = middleOf(edge.route());
        return new Rect(middle.x() - 4, middle.y() - 4, 8, 8);
    }

    private static Point middleOf(List<Point> route) {
        double length = 0;
        for (int i = 1; i < route.size(); i++) {
            length += route.get(i - 1).distanceTo(route.get(i));
        }
        double half = length / 2;
        for (int i = 1; i < route.size(); i++) {
            Point a = route.get(i - 1);
            Point b = route.get(i);
            double segment = a.distanceTo(b);
            if (segment >= half && segment > 0) {
                double t = half / segment;
                return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
            }
            half -= segment;
        }
        return route.get(route.size() - 1);
    }

    // ---------------------------------------------------------------- words for screen readers

    /**
     * What a screen reader says for a node or an edge: {@code edge production/frontend to
     * production/backend-api: blocked on 8080}, {@code node production/frontend, Deployment, 3 pods}.
     */
    public static String spoken(Diagram diagram, Selection selection) {
        if (selection instanceof Selection.Node node) {
            return diagram.node(node.id()).map(DiagramNavigation::spoken).orElse("node " + node.id());
        }
        if (selection instanceof Selection.Edge edge) {
            return diagram.edge(edge.key()).map(DiagramNavigation::spoken).orElse("edge " + edge.key());
        }
        return "";
    }

    private static String spoken(NodeBox node) {
        StringBuilder words = new StringBuilder("node ").append(node.id());
        if (!node.caption().isBlank()) {
            words.append(", ").append(node.caption());
        }
        if (node.replicas() > 1) {
            words.append(", ").append(node.replicas()).append(" pods");
        }
        if (node.hostNetwork()) {
            words.append(", on the host network");
        }
        return words.toString();
    }

    private static String spoken(EdgePath edge) {
        StringBuilder words = new StringBuilder("edge ").append(GroupEdgeDetails.name(edge.sourceId())).append(" to ")
                .append(GroupEdgeDetails.name(edge.targetId()));
        Map<PortStyle, List<String>> byVerdict = new EnumMap<>(PortStyle.class);
        for (PortLabel label : edge.labels()) {
            byVerdict.computeIfAbsent(label.style(), style -> new ArrayList<>()).add(label.text());
        }
        List<String> verdicts = new ArrayList<>();
        byVerdict.forEach((style, ports) -> verdicts.add((style == PortStyle.ALLOWED ? "allowed" : style == PortStyle.PARTIAL
                ? "partly allowed" : "blocked") + " on " + String.join(", ", ports)));
        if (!verdicts.isEmpty()) {
            words.append(": ").append(String.join("; ", verdicts));
        }
        if (GraphEdge.isBox(edge.sourceId()) || GraphEdge.isBox(edge.targetId()) || edge.fromOrToAnywhere()) {
            words.append(" (stands for a group of pairs)");
        }
        return words.toString();
    }
}

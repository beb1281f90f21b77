package io.netpolviz.layout;

import java.util.List;

/**
 * A routed edge: {@code key} is {@code GraphEdge.key()}, the route a polyline from the source's
 * border to the target's border (the arrowhead goes at the last point). An end is a node or a
 * namespace box ({@code box:NAME}); an edge from a box to itself says what every pair of the
 * namespace's workloads may do and is drawn as a small loop in the box's title strip. The edge's
 * ports are the entries of one label chip, {@code chip} the pill around them. An edge from or to
 * everywhere ({@code anywhere}) starts or ends at a small disc drawn beside its other end, {@code
 * stub}; null for every other edge.
 */
public record EdgePath(String key, String sourceId, String targetId, List<Point> route, EdgeStyle style,
        boolean changed, List<PortLabel> labels, Rect chip, Rect stub, boolean hidden) {

    /** The prefix of an end that is a namespace box, as the graph writes it. */
    public static final String BOX_PREFIX = "box:";

    public EdgePath {
        route = List.copyOf(route);
        labels = List.copyOf(labels);
        if (route.size() < 2) {
            throw new IllegalArgumentException("edge " + key + " needs at least two route points");
        }
    }

    /** Whether an end is a namespace box: the edge stands for every workload pair between the ends. */
    public boolean touchesBox() {
        return sourceId.startsWith(BOX_PREFIX) || targetId.startsWith(BOX_PREFIX) || stub != null;
    }

    public boolean isSelfLoop() {
        return sourceId.equals(targetId);
    }

    /** The distance from a point to the nearest segment of the route. */
    public double distanceTo(Point point) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < route.size(); i++) {
            best = Math.min(best, point.distanceToSegment(route.get(i - 1), route.get(i)));
        }
        return best;
    }

    /** The route and label together, in diagram coordinates. */
    public Rect extent() {
        Rect extent = Rect.around(route);
        if (stub != null) {
            extent = extent.union(stub);
        }
        return chip == null ? extent : extent.union(chip);
    }

    /** The index of the label entry at a point, if the point is on this edge's chip. */
    public java.util.OptionalInt labelAt(double x, double y) {
        if (chip == null || !chip.contains(x, y)) {
            return java.util.OptionalInt.empty();
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).bounds().contains(x, y)) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    public EdgePath withRoute(List<Point> newRoute, List<PortLabel> newLabels, Rect newChip) {
        return new EdgePath(key, sourceId, targetId, newRoute, style, changed, newLabels, newChip, stub, hidden);
    }

    public EdgePath withStyle(EdgeStyle newStyle, boolean newChanged, List<PortLabel> newLabels) {
        return new EdgePath(key, sourceId, targetId, route, newStyle, newChanged, newLabels, chip, stub, hidden);
    }

    public EdgePath withStub(Rect newStub) {
        return new EdgePath(key, sourceId, targetId, route, style, changed, labels, chip, newStub, hidden);
    }

    /** Whether one end is everywhere, drawn as the {@link #stub} disc. */
    public boolean fromOrToAnywhere() {
        return stub != null;
    }

    public EdgePath withHidden(boolean hide) {
        return new EdgePath(key, sourceId, targetId, route, style, changed, labels, chip, stub, hide);
    }
}

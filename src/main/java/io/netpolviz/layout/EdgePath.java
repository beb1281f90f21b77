package io.netpolviz.layout;

import java.util.List;

/**
 * A routed edge: {@code key} is {@code GraphEdge.key()}, the route a polyline from the source
 * box's border to the target box's border (the arrowhead goes at the last point).
 */
public record EdgePath(String key, String sourceId, String targetId, List<Point> route, EdgeStyle style,
        boolean changed, List<PortLabel> labels, boolean hidden) {

    public EdgePath {
        route = List.copyOf(route);
        labels = List.copyOf(labels);
        if (route.size() < 2) {
            throw new IllegalArgumentException("edge " + key + " needs at least two route points");
        }
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

    /** The route and labels together, in diagram coordinates. */
    public Rect extent() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point point : route) {
            minX = Math.min(minX, point.x());
            minY = Math.min(minY, point.y());
            maxX = Math.max(maxX, point.x());
            maxY = Math.max(maxY, point.y());
        }
        Rect extent = Rect.spanning(minX, minY, maxX, maxY);
        for (PortLabel label : labels) {
            extent = extent.union(label.bounds());
        }
        return extent;
    }

    public EdgePath withRoute(List<Point> newRoute, List<PortLabel> newLabels) {
        return new EdgePath(key, sourceId, targetId, newRoute, style, changed, newLabels, hidden);
    }

    public EdgePath withStyle(EdgeStyle newStyle, boolean newChanged, List<PortLabel> newLabels) {
        return new EdgePath(key, sourceId, targetId, route, newStyle, newChanged, newLabels, hidden);
    }

    public EdgePath withHidden(boolean hide) {
        return new EdgePath(key, sourceId, targetId, route, style, changed, labels, hide);
    }
}

package io.netpolviz.layout;

import java.util.List;

/**
 * Readability figures of a laid-out diagram, computed from its geometry the way
 * {@code shared/tools/diagram-metrics.py} computes them from an exported SVG: edge crossings
 * (segments of two different edges that properly cross) and overlapping label chips.
 */
public final class DiagramMeasures {

    private DiagramMeasures() {
    }

    /** How many pairs of segments of two different visible edges cross. */
    public static int crossings(Diagram diagram) {
        List<EdgePath> edges = diagram.edges().stream().filter(edge -> !edge.hidden()).toList();
        int crossings = 0;
        for (int a = 0; a < edges.size(); a++) {
            List<Point> first = edges.get(a).route();
            Rect firstBounds = bounds(first);
            for (int b = a + 1; b < edges.size(); b++) {
                List<Point> second = edges.get(b).route();
                if (!firstBounds.intersects(bounds(second))) {
                    continue;
                }
                for (int i = 1; i < first.size(); i++) {
                    for (int j = 1; j < second.size(); j++) {
                        if (cross(first.get(i - 1), first.get(i), second.get(j - 1), second.get(j))) {
                            crossings++;
                        }
                    }
                }
            }
        }
        return crossings;
    }

    /** How many pairs of visible label chips overlap. */
    public static int chipOverlaps(Diagram diagram) {
        List<Rect> chips = diagram.edges().stream().filter(edge -> !edge.hidden() && edge.chip() != null).map(EdgePath::chip).toList();
        int overlaps = 0;
        for (int a = 0; a < chips.size(); a++) {
            for (int b = a + 1; b < chips.size(); b++) {
                if (chips.get(a).intersects(chips.get(b))) {
                    overlaps++;
                }
            }
        }
        return overlaps;
    }

    private static Rect bounds(List<Point> route) {
        // A little slack so touching boxes of horizontal and vertical segments still meet.
        return Rect.around(route).expanded(1, 1, 1, 1);
    }

    /** Whether two segments cross properly (each one's ends strictly on both sides of the other). */
    static boolean cross(Point p1, Point p2, Point p3, Point p4) {
        int o1 = orientation(p1, p2, p3);
        int o2 = orientation(p1, p2, p4);
        int o3 = orientation(p3, p4, p1);
        int o4 = orientation(p3, p4, p2);
        return o1 * o2 < 0 && o3 * o4 < 0;
    }

    private static int orientation(Point p, Point q, Point r) {
        double value = (q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x());
        return Math.abs(value) < 1e-6 ? 0 : value > 0 ? 1 : -1;
    }
}

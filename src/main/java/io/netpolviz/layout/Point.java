package io.netpolviz.layout;

/** A point in diagram coordinates (x to the right, y downwards). */
public record Point(double x, double y) {

    public Point translated(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    /** The shortest distance from this point to the segment from {@code a} to {@code b}. */
    public double distanceToSegment(Point a, Point b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double lengthSquared = dx * dx + dy * dy;
        if (lengthSquared == 0) {
            return distanceTo(a);
        }
        double t = ((x - a.x) * dx + (y - a.y) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return distanceTo(new Point(a.x + t * dx, a.y + t * dy));
    }
}

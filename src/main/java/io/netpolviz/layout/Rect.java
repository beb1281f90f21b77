package io.netpolviz.layout;

/** An axis-aligned rectangle in diagram coordinates; width and height are never negative. */
public record Rect(double x, double y, double width, double height) {

    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    /** The smallest rectangle holding every point of a route. */
    public static Rect around(java.util.List<Point> points) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point point : points) {
            minX = Math.min(minX, point.x());
            minY = Math.min(minY, point.y());
            maxX = Math.max(maxX, point.x());
            maxY = Math.max(maxY, point.y());
        }
        return spanning(minX, minY, maxX, maxY);
    }

    public static Rect spanning(double minX, double minY, double maxX, double maxY) {
        return new Rect(minX, minY, maxX - minX, maxY - minY);
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public Point center() {
        return new Point(centerX(), centerY());
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= maxX() && py >= y && py <= maxY();
    }

    public boolean contains(Rect other) {
        return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
    }

    /** True when the interiors overlap; rectangles that only touch do not intersect. */
    public boolean intersects(Rect other) {
        return other.x < maxX() && x < other.maxX() && other.y < maxY() && y < other.maxY();
    }

    public Rect translated(double dx, double dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    public Rect union(Rect other) {
        return spanning(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(maxX(), other.maxX()), Math.max(maxY(), other.maxY()));
    }

    /** The smallest rectangle with whole-number edges that contains this one. */
    public Rect snappedOut() {
        return spanning(Math.floor(x), Math.floor(y), Math.ceil(maxX()), Math.ceil(maxY()));
    }

    /** Grown by {@code left}, {@code top}, {@code right}, {@code bottom} on each side. */
    public Rect expanded(double left, double top, double right, double bottom) {
        return spanning(x - left, y - top, maxX() + right, maxY() + bottom);
    }
}

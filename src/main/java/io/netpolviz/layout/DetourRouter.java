package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Routes one edge orthogonally around the nodes of a finished layout: the shortest path with few
 * bends on the grid of lines that run just outside every node, leaving the source and entering
 * the target square to one of their sides. For the edges the layout engine is not given (see
 * {@link LayoutHints}): ELK must put the two ends of every edge it lays out in different layers,
 * so two namespaces that call each other would stand side by side instead of one above the other.
 */
final class DetourRouter {

    /** A bend costs as much as this many pixels of line. */
    private static final double BEND = 60;
    /** Crossing another edge's line costs as much as this many pixels of line. */
    private static final double CROSSING = 90;
    /** Each pixel run on top of another edge's line costs this many pixels: two lines drawn as one cannot be told apart. */
    private static final double ALONG = 6;
    private static final int[][] STEPS = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};

    private final List<Rect> obstacles;
    private final double margin;
    /** Where routes may run: the area the layout fills, so that a detour never leaves the picture. */
    private final Rect area;
    /** The segments of the lines already drawn, which a detour crosses as seldom as it can. */
    private final List<Point[]> lines = new ArrayList<>();

    DetourRouter(List<Rect> obstacles, double margin, Rect area) {
        this.obstacles = obstacles;
        this.margin = margin;
        this.area = area;
    }

    /** Lines a route should cross as seldom as it can: the edges drawn so far. */
    void avoidCrossing(List<Point> route) {
        for (int i = 1; i < route.size(); i++) {
            lines.add(new Point[] {route.get(i - 1), route.get(i)});
        }
    }

    /**
     * The route from the source's border to the target's border, then a line later routes avoid
     * crossing; a straight line between their borders if no way is free.
     */
    List<Point> route(Rect source, Rect target) {
        List<Point> route = freeRoute(source, target);
        avoidCrossing(route);
        return route;
    }

    private List<Point> freeRoute(Rect source, Rect target) {
        List<Rect> blocking = obstacles.stream().filter(rect -> !rect.intersects(source) && !rect.intersects(target)).toList();
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (Rect rect : blocking) {
            xs.add(rect.x() - margin);
            xs.add(rect.maxX() + margin);
            ys.add(rect.y() - margin);
            ys.add(rect.maxY() + margin);
        }
        for (Rect end : List.of(source, target)) {
            for (Object[] exit : exits(end)) {
                xs.add(((Point) exit[1]).x());
                ys.add(((Point) exit[1]).y());
            }
        }
        double[] gx = xs.stream().mapToDouble(Double::doubleValue).filter(x -> x >= area.x() && x <= area.maxX()).toArray();
        double[] gy = ys.stream().mapToDouble(Double::doubleValue).filter(y -> y >= area.y() && y <= area.maxY()).toArray();
        List<Point> found = search(gx, gy, source, target, blocking);
        if (found != null) {
            return found;
        }
        return List.of(NodeDrag.borderPoint(source, target.center()), NodeDrag.borderPoint(target, source.center()));
    }

    /**
     * The points just outside each side, as {side, point}: the middle of the side first, then a
     * quarter from either end, so that two detours between the same two nodes can leave apart.
     * Sides are numbered east, south, west, north (the order of {@link #STEPS}).
     */
    private List<Object[]> exits(Rect rect) {
        List<Object[]> exits = new ArrayList<>();
        for (double fraction : new double[] {0.5, 0.25, 0.75}) {
            double x = rect.x() + rect.width() * fraction;
            double y = rect.y() + rect.height() * fraction;
            exits.add(new Object[] {0, new Point(rect.maxX() + margin, y)});
            exits.add(new Object[] {1, new Point(x, rect.maxY() + margin)});
            exits.add(new Object[] {2, new Point(rect.x() - margin, y)});
            exits.add(new Object[] {3, new Point(x, rect.y() - margin)});
        }
        return exits;
    }

    /** Where a line through a point just outside a side meets that side. */
    private static Point onBorder(Rect rect, int side, Point outside) {
        return switch (side) {
            case 0 -> new Point(rect.maxX(), outside.y());
            case 1 -> new Point(outside.x(), rect.maxY());
            case 2 -> new Point(rect.x(), outside.y());
            default -> new Point(outside.x(), rect.y());
        };
    }

    /** Dijkstra over (grid point, heading): length plus a price per bend. */
    private List<Point> search(double[] gx, double[] gy, Rect source, Rect target, List<Rect> blocking) {
        int width = gx.length;
        int states = width * gy.length * 4;
        double[] cost = new double[states];
        int[] previous = new int[states];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Arrays.fill(previous, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (Object[] start : exits(source)) {
            int side = (int) start[0];
            Point point = (Point) start[1];
            int ix = index(gx, point.x());
            int iy = index(gy, point.y());
            if (ix < 0 || iy < 0) {
                continue;
            }
            int state = state(ix, iy, side, width);
            double at = margin + offCentre(source, side, point);
            if (at < cost[state]) {
                cost[state] = at;
                queue.add(new double[] {at, state});
            }
        }
        List<Object[]> goals = exits(target);
        int bestGoal = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int state = (int) head[1];
            if (head[0] > cost[state] || head[0] >= bestCost) {
                continue;
            }
            int heading = state % 4;
            int cell = state / 4;
            int ix = cell % width;
            int iy = cell / width;
            for (Object[] goal : goals) {
                int side = (int) goal[0];
                Point point = (Point) goal[1];
                // Entering through a side means heading opposite to that side's outward direction.
                if (gx[ix] == point.x() && gy[iy] == point.y()) {
                    double total = head[0] + margin + offCentre(target, side, point) + (heading == (side + 2) % 4 ? 0 : BEND);
                    if (total < bestCost) {
                        bestCost = total;
                        bestGoal = state * 4 + side;
                    }
                }
            }
            for (int turn = 0; turn < 4; turn++) {
                if (turn == (heading + 2) % 4) {
                    continue;
                }
                int nx = ix + STEPS[turn][0];
                int ny = iy + STEPS[turn][1];
                if (nx < 0 || ny < 0 || nx >= width || ny >= gy.length) {
                    continue;
                }
                Point from = new Point(gx[ix], gy[iy]);
                Point to = new Point(gx[nx], gy[ny]);
                if (blocked(from, to, blocking)) {
                    continue;
                }
                double next = head[0] + Math.abs(to.x() - from.x()) + Math.abs(to.y() - from.y()) + (turn == heading ? 0 : BEND)
                        + lineCost(from, to);
                int nextState = state(nx, ny, turn, width);
                if (next < cost[nextState]) {
                    cost[nextState] = next;
                    previous[nextState] = state;
                    queue.add(new double[] {next, nextState});
                }
            }
        }
        return bestGoal < 0 ? null : path(bestGoal, previous, gx, gy, source, target);
    }

    private static List<Point> path(int goal, int[] previous, double[] gx, double[] gy, Rect source, Rect target) {
        int width = gx.length;
        List<Point> reversed = new ArrayList<>();
        int goalCell = (goal / 4) / 4;
        reversed.add(onBorder(target, goal % 4, new Point(gx[goalCell % width], gy[goalCell / width])));
        int state = goal / 4;
        int last = state;
        for (; state >= 0; state = previous[state]) {
            int cell = state / 4;
            reversed.add(new Point(gx[cell % width], gy[cell / width]));
            last = state;
        }
        int lastCell = last / 4;
        reversed.add(onBorder(source, last % 4, new Point(gx[lastCell % width], gy[lastCell / width])));
        List<Point> route = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            Point point = reversed.get(i);
            // Keep only the corners: points where the line turns.
            if (route.size() >= 2 && collinear(route.get(route.size() - 2), route.get(route.size() - 1), point)) {
                route.set(route.size() - 1, point);
            } else if (route.isEmpty() || !route.get(route.size() - 1).equals(point)) {
                route.add(point);
            }
        }
        return route;
    }

    private static boolean collinear(Point a, Point b, Point c) {
        return (a.x() == b.x() && b.x() == c.x()) || (a.y() == b.y() && b.y() == c.y());
    }

    /** A little for leaving or entering off the middle of a side, so the middle is taken when it is free. */
    private static double offCentre(Rect rect, int side, Point point) {
        return side % 2 == 0 ? Math.abs(point.y() - rect.centerY()) / 4 : Math.abs(point.x() - rect.centerX()) / 4;
    }

    /**
     * What the drawn lines make an axis-parallel segment cost: {@link #CROSSING} for each it crosses
     * at a right angle, {@link #ALONG} for each pixel it runs on top of one.
     */
    private double lineCost(Point from, Point to) {
        double cost = 0;
        boolean horizontal = from.y() == to.y();
        for (Point[] line : lines) {
            Point a = line[0];
            Point b = line[1];
            boolean lineHorizontal = a.y() == b.y();
            if (horizontal != lineHorizontal) {
                boolean crosses = horizontal
                        ? between(a.x(), from.x(), to.x()) && between(from.y(), a.y(), b.y())
                        : between(a.y(), from.y(), to.y()) && between(from.x(), a.x(), b.x());
                cost += crosses ? CROSSING : 0;
            } else if (horizontal ? a.y() == from.y() : a.x() == from.x()) {
                cost += ALONG * (horizontal ? overlap(from.x(), to.x(), a.x(), b.x()) : overlap(from.y(), to.y(), a.y(), b.y()));
            }
        }
        return cost;
    }

    private static double overlap(double a1, double a2, double b1, double b2) {
        return Math.max(0, Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2)));
    }

    private static boolean between(double value, double end, double otherEnd) {
        return value > Math.min(end, otherEnd) && value < Math.max(end, otherEnd);
    }

    private static boolean blocked(Point from, Point to, List<Rect> blocking) {
        double minX = Math.min(from.x(), to.x());
        double maxX = Math.max(from.x(), to.x());
        double minY = Math.min(from.y(), to.y());
        double maxY = Math.max(from.y(), to.y());
        for (Rect rect : blocking) {
            if (maxX > rect.x() && minX < rect.maxX() && maxY > rect.y() && minY < rect.maxY()) {
                return true;
            }
        }
        return false;
    }

    private static int state(int ix, int iy, int heading, int width) {
        return (iy * width + ix) * 4 + heading;
    }

    private static int index(double[] grid, double value) {
        return Arrays.binarySearch(grid, value);
    }
}

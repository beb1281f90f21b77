package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetourRouterTest {

    private static final Rect AREA = new Rect(0, 0, 1000, 800);

    @Test
    void goesAroundANodeInTheWayWithOnlyStraightSegments() {
        Rect source = new Rect(100, 100, 120, 40);
        Rect target = new Rect(100, 500, 120, 40);
        Rect between = new Rect(60, 280, 200, 60);
        List<Point> route = new DetourRouter(List.of(source, target, between), 10, AREA).route(source, target);

        assertOnBorder(source, route.get(0));
        assertOnBorder(target, route.get(route.size() - 1));
        for (int i = 1; i < route.size(); i++) {
            Point a = route.get(i - 1);
            Point b = route.get(i);
            assertTrue(a.x() == b.x() || a.y() == b.y(), "segment " + a + " -> " + b + " is not axis-parallel");
            assertFalse(passesThrough(between, a, b), "segment " + a + " -> " + b + " runs through the node in the way");
        }
    }

    @Test
    void entersTheTargetSquareToTheSideItReaches() {
        Rect source = new Rect(100, 100, 120, 40);
        Rect target = new Rect(600, 500, 120, 40);
        List<Point> route = new DetourRouter(List.of(source, target), 10, AREA).route(source, target);

        Point last = route.get(route.size() - 1);
        Point before = route.get(route.size() - 2);
        boolean vertical = before.x() == last.x();
        if (vertical) {
            assertTrue(last.y() == target.y() || last.y() == target.maxY(), "a vertical last segment ends on the top or bottom side");
        } else {
            assertTrue(last.x() == target.x() || last.x() == target.maxX(), "a horizontal last segment ends on the left or right side");
        }
        assertTrue(route.size() <= 4, "a free way needs at most two bends: " + route);
    }

    @Test
    void staysInsideTheArea() {
        Rect source = new Rect(20, 20, 100, 40);
        Rect target = new Rect(20, 300, 100, 40);
        Rect wall = new Rect(0, 150, 900, 40);
        Rect area = new Rect(0, 0, 1000, 400);
        List<Point> route = new DetourRouter(List.of(source, target, wall), 10, area).route(source, target);

        route.forEach(point -> assertTrue(area.contains(point.x(), point.y()), point + " is outside the area"));
        for (int i = 1; i < route.size(); i++) {
            assertFalse(passesThrough(wall, route.get(i - 1), route.get(i)));
        }
    }

    @Test
    void drawsAStraightLineWhenNoWayIsFree() {
        Rect source = new Rect(20, 20, 100, 40);
        Rect target = new Rect(20, 300, 100, 40);
        Rect wall = new Rect(0, 150, 1000, 40);
        List<Point> route = new DetourRouter(List.of(source, target, wall), 10, AREA).route(source, target);

        assertEquals(2, route.size(), "a wall from side to side leaves only the straight line: " + route);
    }

    @Test
    void aSecondDetourBetweenTheSameNodesRunsApartFromTheFirst() {
        Rect upper = new Rect(100, 100, 120, 40);
        Rect lower = new Rect(100, 300, 120, 40);
        DetourRouter router = new DetourRouter(List.of(upper, lower), 10, AREA);
        List<Point> down = router.route(upper, lower);
        List<Point> up = router.route(lower, upper);

        double shared = 0;
        for (int i = 1; i < down.size(); i++) {
            for (int j = 1; j < up.size(); j++) {
                shared += collinearOverlap(down.get(i - 1), down.get(i), up.get(j - 1), up.get(j));
            }
        }
        assertEquals(0, shared, 1e-9, "two lines drawn on top of each other cannot be told apart: " + down + " and " + up);
    }

    @Test
    void keepsOutOfTheRectanglesItIsGivenAsWellAsNodes() {
        Rect source = new Rect(100, 100, 120, 40);
        Rect target = new Rect(100, 300, 120, 40);
        Rect title = new Rect(80, 230, 200, 30);
        List<Point> route = new DetourRouter(List.of(source, target, title), 10, AREA).route(source, target);
        for (int i = 1; i < route.size(); i++) {
            assertFalse(passesThrough(title, route.get(i - 1), route.get(i)), route + " runs through a namespace title");
        }
    }

    private static double collinearOverlap(Point a1, Point a2, Point b1, Point b2) {
        if (a1.x() == a2.x() && b1.x() == b2.x() && a1.x() == b1.x()) {
            return Math.max(0, Math.min(Math.max(a1.y(), a2.y()), Math.max(b1.y(), b2.y())) - Math.max(Math.min(a1.y(), a2.y()), Math.min(b1.y(), b2.y())));
        }
        if (a1.y() == a2.y() && b1.y() == b2.y() && a1.y() == b1.y()) {
            return Math.max(0, Math.min(Math.max(a1.x(), a2.x()), Math.max(b1.x(), b2.x())) - Math.max(Math.min(a1.x(), a2.x()), Math.min(b1.x(), b2.x())));
        }
        return 0;
    }

    private static void assertOnBorder(Rect rect, Point point) {
        boolean onVerticalSide = (point.x() == rect.x() || point.x() == rect.maxX()) && point.y() >= rect.y() && point.y() <= rect.maxY();
        boolean onHorizontalSide = (point.y() == rect.y() || point.y() == rect.maxY()) && point.x() >= rect.x() && point.x() <= rect.maxX();
        assertTrue(onVerticalSide || onHorizontalSide, point + " is not on the border of " + rect);
    }

    private static boolean passesThrough(Rect rect, Point a, Point b) {
        return Math.max(a.x(), b.x()) > rect.x() && Math.min(a.x(), b.x()) < rect.maxX()
                && Math.max(a.y(), b.y()) > rect.y() && Math.min(a.y(), b.y()) < rect.maxY();
    }
}

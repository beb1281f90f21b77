package io.netpolviz.view;

import static io.netpolviz.view.TutorialSteps.FRONTEND_TO_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.view.DiagramNavigation.Direction;
import io.netpolviz.view.DiagramNavigation.Element;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Moving through the tutorial's diagram without a mouse, and what a screen reader hears. */
class DiagramNavigationTest {

    private static Diagram diagram;

    @BeforeAll
    static void drawStepThree() throws Exception {
        diagram = TutorialSteps.tutorial(3).diagram();
    }

    @Test
    void everyVisibleNodeAndEdgeComesOnceColumnByColumnFromLeftToRightAndTopToBottomWithin() {
        List<Element> order = DiagramNavigation.readingOrder(diagram);
        Set<Selection> expected = new HashSet<>();
        diagram.nodes().stream().filter(node -> !node.hidden()).forEach(node -> expected.add(new Selection.Node(node.id())));
        diagram.edges().stream().filter(edge -> !edge.hidden()).forEach(edge -> expected.add(new Selection.Edge(edge.key())));
        assertEquals(expected, order.stream().map(Element::selection).collect(Collectors.toSet()));
        assertEquals(expected.size(), order.size());

        // A column ends where the order goes back up; each column starts right of where the one before started.
        double columnStart = Double.NEGATIVE_INFINITY;
        int columns = 0;
        for (int i = 0; i < order.size(); i++) {
            if (i == 0 || order.get(i).y() < order.get(i - 1).y()) {
                assertTrue(order.get(i).bounds().x() >= columnStart, "column at " + order.get(i) + " starts left of the one before");
                columnStart = order.get(i).bounds().x();
                columns++;
            }
        }
        assertTrue(columns >= 3, "the picture flows over several columns: " + order);
        NodeBox leftmost = diagram.nodes().stream().filter(node -> !node.hidden())
                .min((a, b) -> Double.compare(a.bounds().x(), b.bounds().x())).orElseThrow();
        assertTrue(order.subList(0, columnSize(order)).stream().anyMatch(e -> e.selection().equals(new Selection.Node(leftmost.id()))),
                "the leftmost node is in the first column");
    }

    @Test
    void tabGoesOnInReadingOrderAndStopsPastEitherEnd() {
        List<Selection> order = DiagramNavigation.readingOrder(diagram).stream().map(Element::selection).toList();
        assertEquals(Optional.of(order.get(0)), DiagramNavigation.next(diagram, null, false));
        assertEquals(Optional.of(order.get(order.size() - 1)), DiagramNavigation.next(diagram, Selection.NOTHING, true));
        assertEquals(Optional.of(order.get(1)), DiagramNavigation.next(diagram, order.get(0), false));
        assertEquals(Optional.of(order.get(0)), DiagramNavigation.next(diagram, order.get(1), true));
        assertEquals(Optional.empty(), DiagramNavigation.next(diagram, order.get(order.size() - 1), false));
        assertEquals(Optional.empty(), DiagramNavigation.next(diagram, order.get(0), true));
    }

    @Test
    void anEdgeSelectedByOnePortIsFoundWhereTheWholeEdgeIs() {
        Selection.Edge onePort = new Selection.Edge(FRONTEND_TO_API,
                List.of(io.netpolviz.policy.PortRange.single(io.netpolviz.model.Protocol.TCP, 8080)));
        assertEquals(new Selection.Edge(FRONTEND_TO_API), DiagramNavigation.element(diagram, onePort).orElseThrow().selection());
    }

    @Test
    void anArrowGoesToTheNearestElementThatWayPreferringThoseWithinAQuarterTurn() {
        for (Element from : DiagramNavigation.readingOrder(diagram)) {
            for (Direction direction : Direction.values()) {
                Optional<Selection> to = DiagramNavigation.toward(diagram, from.selection(), direction);
                List<Element> thatWay = DiagramNavigation.readingOrder(diagram).stream().filter(e -> along(from, e, direction) > 0.5).toList();
                assertEquals(thatWay.isEmpty(), to.isEmpty(), from + " " + direction);
                if (to.isEmpty()) {
                    continue;
                }
                Element reached = DiagramNavigation.element(diagram, to.get()).orElseThrow();
                assertTrue(along(from, reached, direction) > 0, from + " " + direction + " went the other way to " + reached);
                boolean anyInCone = thatWay.stream().anyMatch(e -> across(from, e, direction) <= along(from, e, direction));
                if (anyInCone) {
                    assertTrue(across(from, reached, direction) <= along(from, reached, direction), from + " " + direction);
                    double score = along(from, reached, direction) + 2 * across(from, reached, direction);
                    assertFalse(thatWay.stream().anyMatch(e -> across(from, e, direction) <= along(from, e, direction)
                            && along(from, e, direction) + 2 * across(from, e, direction) < score - 1e-9), "a nearer one " + from);
                }
            }
        }
    }

    @Test
    void hiddenElementsAreSkipped() {
        Diagram onlyNodes = diagram.showingOnly(List.of(), diagram.nodes().stream().map(NodeBox::id).toList(), List.of());
        assertTrue(DiagramNavigation.readingOrder(onlyNodes).stream().allMatch(e -> e.selection() instanceof Selection.Node));
        assertFalse(diagram.edges().stream().map(EdgePath::key).toList().isEmpty());
    }

    @Test
    void aScreenReaderHearsTheEdgeWithItsVerdictAndTheNodeWithItsKind() {
        assertEquals("edge production/frontend to production/backend-api: blocked on 8080",
                DiagramNavigation.spoken(diagram, new Selection.Edge(FRONTEND_TO_API)));
        assertEquals("node production/frontend, Deployment, 3 pods", DiagramNavigation.spoken(diagram, new Selection.Node("production/frontend")));
    }

    private static int columnSize(List<Element> order) {
        int size = 1;
        while (size < order.size() && order.get(size).y() >= order.get(size - 1).y()) {
            size++;
        }
        return size;
    }

    private static double along(Element from, Element to, Direction direction) {
        return switch (direction) {
            case RIGHT -> to.x() - from.x();
            case LEFT -> from.x() - to.x();
            case DOWN -> to.y() - from.y();
            case UP -> from.y() - to.y();
        };
    }

    private static double across(Element from, Element to, Direction direction) {
        return direction == Direction.LEFT || direction == Direction.RIGHT ? Math.abs(to.y() - from.y()) : Math.abs(to.x() - from.x());
    }
}

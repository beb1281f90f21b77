package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.PortRange;
import io.netpolviz.view.DiagramNavigation;
import io.netpolviz.view.Selection;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagram without a mouse, and the explanation's links, headless: Tab, the arrows, Enter and Esc
 * on the canvas, what a screen reader is told, a click on one port of a label, and a link that
 * selects the policy it names.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramKeyboardTest {

    private static final String DNS = "box:production->kube-system/kube-dns";

    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        window = new MainWindow(model, stage, null);
        window.show();
        NetPolVizApp.openInitial(model, List.of());
    }

    @BeforeEach
    void showStepFive() throws Exception {
        awaitIdle(model);
        // The step whose DNS edge has a label of two entries, opened there (nothing marked changed); the tutorial opens at step 1.
        fx(() -> {
            model.open(List.of(Lessons.TUTORIAL), 5);
            return null;
        });
        awaitIdle(model);
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void tabWalksTheNodesAndEdgesInReadingOrderAndTellsTheScreenReaderWhatIsInFocus(FxRobot robot) throws Exception {
        focusCanvasWithNothingSelected(robot);
        Diagram diagram = fx(() -> model.diagramProperty().get());
        List<Selection> order = DiagramNavigation.readingOrder(diagram).stream().map(DiagramNavigation.Element::selection).toList();
        assertTrue(order.size() >= 5, order.toString());

        robot.push(KeyCode.TAB);
        assertEquals(order.get(0), focused());
        assertEquals(DiagramNavigation.spoken(diagram, order.get(0)), fx(() -> canvas().getAccessibleText()));
        robot.push(KeyCode.TAB);
        assertEquals(order.get(1), focused());
        robot.push(KeyCode.TAB);
        assertEquals(order.get(2), focused());
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(order.get(1), focused());
        assertEquals(Selection.NOTHING, selection(), "moving the focus explains nothing yet");
        assertTrue(fx(() -> canvas().isFocused()));
    }

    @Test
    void enterExplainsWhatIsInFocusAndEscClearsIt(FxRobot robot) throws Exception {
        focusCanvasWithNothingSelected(robot);
        Diagram diagram = fx(() -> model.diagramProperty().get());
        Selection edge = DiagramNavigation.readingOrder(diagram).stream().map(DiagramNavigation.Element::selection)
                .filter(Selection.Edge.class::isInstance).findFirst().orElseThrow();
        robot.push(KeyCode.TAB);
        while (!edge.equals(focused())) {
            robot.push(KeyCode.TAB);
        }
        assertTrue(fx(() -> canvas().getAccessibleText()).startsWith("edge "), fx(() -> canvas().getAccessibleText()));
        robot.push(KeyCode.ENTER);
        awaitIdle(model);
        assertEquals(edge, selection());
        assertEquals(((Selection.Edge) edge).key(), fx(() -> model.selection().detailsProperty().get().edgeKey()));

        robot.push(KeyCode.ESCAPE);
        awaitIdle(model);
        assertEquals(Selection.NOTHING, selection());
        assertEquals(edge, focused(), "the focus stays where it was");
        assertTrue(fx(() -> canvas().isFocused()));
    }

    @Test
    void arrowKeysGoToTheNearestElementInTheirDirection(FxRobot robot) throws Exception {
        focusCanvasWithNothingSelected(robot);
        Diagram diagram = fx(() -> model.diagramProperty().get());
        robot.push(KeyCode.TAB);
        Selection start = focused();
        Selection right = DiagramNavigation.toward(diagram, start, DiagramNavigation.Direction.RIGHT).orElseThrow();
        robot.push(KeyCode.RIGHT);
        assertEquals(right, focused());
        assertTrue(DiagramNavigation.element(diagram, right).orElseThrow().x() > DiagramNavigation.element(diagram, start).orElseThrow().x());
        robot.push(KeyCode.LEFT);
        assertNotEquals(right, focused());
        assertTrue(fx(() -> canvas().isFocused()), "arrows never move the focus off the diagram");
    }

    @Test
    void tabPastTheLastElementLeavesTheDiagramAndPageDownIsLeftForTheLesson(FxRobot robot) throws Exception {
        focusCanvasWithNothingSelected(robot);
        List<KeyCode> reachedTheScene = new ArrayList<>();
        fx(() -> {
            window.stage().getScene().addEventHandler(KeyEvent.KEY_PRESSED, event -> reachedTheScene.add(event.getCode()));
            return null;
        });
        // A classroom clicker's PageUp/PageDown turn the lesson's steps (ClassroomKeys), however focused the diagram is.
        robot.push(KeyCode.PAGE_UP);
        awaitIdle(model);
        assertEquals(4, fx(() -> model.lesson().stepProperty().get()));
        robot.push(KeyCode.PAGE_DOWN);
        awaitIdle(model);
        assertEquals(5, fx(() -> model.lesson().stepProperty().get()));
        assertTrue(fx(() -> canvas().isFocused()), "turning a step leaves the focus where it was");
        robot.push(KeyCode.END);
        assertFalse(reachedTheScene.contains(KeyCode.END), "keys the diagram uses stop there");
        robot.push(KeyCode.TAB);
        assertFalse(fx(() -> canvas().isFocused()), "Tab went on to the next control");
    }

    @Test
    void clickingOnePortOfALabelExplainsThatPortAlone(FxRobot robot) throws Exception {
        GraphEdge dns = fx(() -> Lessons.graphEdge(model, DNS));
        assertEquals(2, dns.labelPorts().size(), dns.labelPorts().toString());
        PortLabel udp = fx(() -> model.diagramProperty().get().edge(DNS).orElseThrow().labels().get(1));
        robot.clickOn(screenPoint(udp.bounds().centerX(), udp.bounds().centerY()));
        awaitIdle(model);
        assertEquals(new Selection.Edge(DNS, List.of(PortRange.single(io.netpolviz.model.Protocol.UDP, 53))), selection());
        String text = fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).text());
        assertTrue(text.startsWith("\u2713 allowed on UDP 53"), text);
    }

    @Test
    void aPolicyNamedInTheExplanationIsALinkThatSelectsIt(FxRobot robot) throws Exception {
        fx(() -> {
            model.selection().selectEdge("production/database->production/backend-api");
            return null;
        });
        awaitIdle(model);
        Hyperlink denyAll = fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).links().stream()
                .filter(link -> link.getText().equals("production/deny-all")).findFirst().orElseThrow());
        robot.clickOn(denyAll);
        awaitIdle(model);
        assertEquals(new Selection.Policy(new PolicyId("production", "deny-all")), selection());
        assertEquals("production/deny-all", fx(() -> model.selection().detailsProperty().get().title()));
    }

    // ---------------------------------------------------------------- helpers

    /** Clicks the diagram where nothing is drawn: the canvas has the focus and nothing is selected. */
    private void focusCanvasWithNothingSelected(FxRobot robot) throws Exception {
        Point2D corner = fx(() -> canvas().localToScreen(4, 4));
        robot.clickOn(corner);
        awaitIdle(model);
        assertEquals(Selection.NOTHING, selection());
        assertTrue(fx(() -> canvas().isFocused()));
    }

    private Canvas canvas() {
        return window.diagram().canvas();
    }

    private Selection focused() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.diagram().keyboard().focusedProperty().get());
    }

    private Selection selection() throws Exception {
        return fx(() -> model.selection().selectionProperty().get());
    }

    private Point2D screenPoint(double diagramX, double diagramY) throws Exception {
        return fx(() -> window.diagram().canvas().localToScreen(window.diagram().toScreen(diagramX, diagramY)));
    }

}

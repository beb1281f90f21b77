package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramNote;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.PolicyId;
import io.netpolviz.view.ManifestSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
 * The app in a classroom, headless: the bundled tutorial opens at step 1 with its guide over the
 * diagram, a clicker's PageDown steps it whatever has the focus, presentation mode gives the
 * diagram the screen, and the note's "show them" shows every edge.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomDesktopTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");

    private final AtomicInteger reads = new AtomicInteger();
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ManifestSource counting = paths -> {
            reads.incrementAndGet();
            return new ManifestLoader().load(paths);
        };
        model = DesktopWindows.model(counting);
        window = new MainWindow(model, stage, null);
        window.show();
        NetPolVizApp.openInitial(model, List.of());
    }

    @BeforeEach
    void waitForTheTutorial() throws Exception {
        // A model an earlier test class closed may still report a late job its closed worker refused; it is not this test's.
        WaitForAsyncUtils.clearExceptions();
        awaitIdle();
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            // The stage outlives this test: the next one must not find it in full screen.
            model.setPresentation(false);
            window.stage().setFullScreen(false);
            model.close();
            return null;
        });
    }

    @Test
    void theTutorialOpensAtStepOneWithItsGuideBesideTheDiagram(FxRobot robot) throws Exception {
        assertEquals(1, fx(() -> model.lesson().stepProperty().get()));
        assertEquals("Step 1: Wide open", robot.lookup("#stepCaption").queryAs(Label.class).getText());
        Label caption = robot.lookup("#guideCaption").queryAs(Label.class);
        assertTrue(caption.getText().startsWith("No NetworkPolicy exists yet"), caption.getText());
        assertTrue(caption.getText().contains("\u2713 allowed (blue"), caption.getText());
        List<String> items = robot.lookup(".guide-item").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertFalse(items.isEmpty());
        for (String item : items) {
            assertFalse(item.contains("`") || item.contains("**") || item.startsWith("- "), item);
        }
        assertTrue(fx(() -> showing(caption)), "the caption is on screen");
        // Beside the diagram, over the policies: the diagram keeps the window's height.
        Bounds guide = fx(() -> sceneBounds(robot.lookup("#lessonGuide").query()));
        Bounds policies = fx(() -> sceneBounds(robot.lookup("#policyList").query()));
        Bounds canvas = fx(() -> sceneBounds(window.diagram().canvas()));
        assertTrue(guide.getMaxX() <= canvas.getMinX() + 1 && guide.getMaxY() <= policies.getMinY() + 1,
                "the guide heads the side column: " + guide + " / " + policies + " / " + canvas);
        // The tool bar keeps Previous, the count and Next; the caption is said once, in the guide.
        assertEquals(1, robot.lookup(".step-caption").queryAll().size());
    }

    @Test
    void theEdgeFilterShowsTheDefaultAsWhatMatters(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ChoiceBox<ViewFilter.EdgeFilter> edges = robot.lookup("#edgeFilter").queryAs(ChoiceBox.class);
        assertEquals(ViewFilter.EdgeFilter.STORY, fx(() -> model.filters().filterProperty().get().edges()));
        assertEquals(ViewFilter.EdgeFilter.STORY, fx(edges::getValue));
        assertEquals("What matters", fx(() -> edges.getConverter().toString(edges.getValue())));
    }

    @Test
    void pageDownAfterTickingAPolicyGoesToTheNextStep(FxRobot robot) throws Exception {
        robot.clickOn("#nextStep");
        awaitIdle();
        assertEquals(2, fx(() -> model.lesson().stepProperty().get()));
        robot.clickOn("#" + PolicyPanel.checkboxId(DENY_ALL));
        awaitIdle();
        assertFalse(fx(() -> model.switches().policyRow(DENY_ALL).orElseThrow().on()));
        assertTrue(fx(() -> window.stage().getScene().getFocusOwner()) instanceof CheckBox, "the ticked box has the focus");
        robot.push(KeyCode.PAGE_DOWN);
        awaitIdle();
        assertEquals(3, fx(() -> model.lesson().stepProperty().get()));
        assertEquals("Step 3: The tutorial's allow rules", robot.lookup("#stepCaption").queryAs(Label.class).getText());
        robot.push(KeyCode.PAGE_UP);
        awaitIdle();
        assertEquals(2, fx(() -> model.lesson().stepProperty().get()));
    }

    @Test
    void presentationModeGivesTheDiagramTheScreenInLargerTypeAndEscLeavesWithoutReadingAgain(FxRobot robot) throws Exception {
        goToStep(3);
        double textBefore = fx(this::nodeLabelPixels);
        double canvasBefore = fx(() -> window.diagram().canvas().getWidth() * window.diagram().canvas().getHeight());
        int readsBefore = reads.get();

        robot.clickOn("#presentationButton");
        awaitIdle();
        assertTrue(fx(() -> model.presentationProperty().get()));
        for (String panel : List.of("#policyList", "#explanation", "#warningsTab", "#status", "#edgeFilter", "#search")) {
            assertFalse(fx(() -> robot.lookup(panel).tryQuery().map(ClassroomDesktopTest::showing).orElse(false)), panel + " stepped aside");
        }
        Node guide = robot.lookup("#lessonGuide").query();
        assertTrue(fx(() -> showing(guide)), "the guide stays");
        assertTrue(fx(() -> sceneBounds(guide).getMaxY() <= sceneBounds(window.diagram().canvas()).getMinY() + 1), "over the diagram now");
        double textAfter = fx(this::nodeLabelPixels);
        String where = fx(() -> " on a canvas of " + window.diagram().canvas().getWidth() + "\u00D7" + window.diagram().canvas().getHeight()
                + " for a diagram of " + model.diagramProperty().get().bounds());
        // On this 1600×1000 screen the guide over the diagram takes about 290 px of its height: the names grow by a sixth.
        assertTrue(textAfter >= 1.1 * textBefore, "workload names on screen: " + textBefore + " px, then " + textAfter + " px" + where);
        // Folded to its heading, the guide leaves the diagram most of the screen: then the width limits it, at 1600 / 1338 units.
        robot.clickOn("#guideFold");
        awaitIdle();
        double textFolded = fx(this::nodeLabelPixels);
        String folded = fx(() -> " on a canvas of " + window.diagram().canvas().getWidth() + "\u00D7" + window.diagram().canvas().getHeight()
                + " for a diagram of " + model.diagramProperty().get().bounds());
        assertTrue(textFolded >= 1.3 * textBefore, "with the guide folded: " + textBefore + " px, then " + textAfter + " px" + where
                + ", then " + textFolded + " px" + folded);
        robot.clickOn("#guideFold");
        awaitIdle();
        double canvasAfter = fx(() -> window.diagram().canvas().getWidth() * window.diagram().canvas().getHeight());
        assertTrue(canvasAfter > 1.3 * canvasBefore, "the canvas grew from " + canvasBefore + " to " + canvasAfter + " px\u00B2");
        assertFalse(fx(() -> robot.lookup(".tool-bar-overflow-button").tryQuery().map(ClassroomDesktopTest::showing).orElse(false)),
                "the tool bar fits");
        assertEquals(readsBefore, reads.get(), "presentation mode reads nothing");

        robot.push(KeyCode.ESCAPE);
        awaitIdle();
        assertFalse(fx(() -> model.presentationProperty().get()));
        assertTrue(fx(() -> showing(robot.lookup("#policyList").query())), "the panels are back");
        assertTrue(fx(() -> showing(robot.lookup("#explanation").query())));
        assertEquals(readsBefore, reads.get(), "leaving reads nothing either");
        assertEquals(3, fx(() -> model.lesson().stepProperty().get()));
        // The panels come back over several pulses, which a loaded machine spreads out: wait (bounded) for the last fit.
        try {
            WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS,
                    () -> Math.abs(fx(this::nodeLabelPixels) - textBefore) <= textBefore * 0.05);
        } catch (java.util.concurrent.TimeoutException stillOtherSize) {
            // The assertion below says what size it stayed at.
        }
        assertEquals(textBefore, fx(this::nodeLabelPixels), textBefore * 0.05, "back to the size it had");
    }

    @Test
    void inPresentationModeTheArrowKeysStepTheLesson(FxRobot robot) throws Exception {
        fx(() -> {
            model.setPresentation(true);
            return null;
        });
        awaitIdle();
        robot.push(KeyCode.RIGHT);
        awaitIdle();
        robot.push(KeyCode.RIGHT);
        awaitIdle();
        assertEquals(3, fx(() -> model.lesson().stepProperty().get()));
        robot.push(KeyCode.LEFT);
        awaitIdle();
        assertEquals(2, fx(() -> model.lesson().stepProperty().get()));
        assertTrue(fx(() -> model.presentationProperty().get()));
    }

    @Test
    void clickingShowThemInTheNoteShowsAllEdges(FxRobot robot) throws Exception {
        // From step 2, step 3 changes a few pairs: the rest of the blocked ones are counted, not drawn.
        goToStep(2);
        goToStep(3);
        DiagramNote note = fx(() -> model.diagramProperty().get().note());
        assertTrue(note.hasAction(), "the note offers to show what it counts: " + note);
        assertEquals("show them", note.action());
        Set<String> before = fx(() -> drawnEdges(model.diagramProperty().get()));
        robot.clickOn(screenPoint(note.actionBounds().centerX(), note.actionBounds().centerY()));
        awaitIdle();
        assertEquals(ViewFilter.EdgeFilter.ALL, fx(() -> model.filters().filterProperty().get().edges()));
        assertEquals(ViewFilter.EdgeFilter.ALL, fx(() -> robot.lookup("#edgeFilter").queryAs(ChoiceBox.class).getValue()));
        Set<String> after = fx(() -> drawnEdges(model.diagramProperty().get()));
        assertTrue(after.containsAll(before) && after.size() > before.size(), before + " then " + after);
        assertFalse(fx(() -> model.diagramProperty().get().note().hasAction()), "nothing is left out");
    }

    @Test
    void aClickBesideTheNoteIsNoLink(FxRobot robot) throws Exception {
        goToStep(2);
        goToStep(3);
        DiagramNote note = fx(() -> model.diagramProperty().get().note());
        robot.clickOn(screenPoint(note.actionBounds().x() - 60, note.actionBounds().centerY()));
        awaitIdle();
        assertEquals(ViewFilter.EdgeFilter.STORY, fx(() -> model.filters().filterProperty().get().edges()));
    }

    // ---------------------------------------------------------------- helpers

    /** How tall a workload's name is on the screen, in pixels: the diagram's type size times the view's zoom. */
    private double nodeLabelPixels() {
        return model.diagramProperty().get().typography().nodeLabel().size() * window.diagram().scale();
    }

    private static Set<String> drawnEdges(Diagram diagram) {
        return diagram.edges().stream().filter(edge -> !edge.hidden()).map(edge -> edge.key()).collect(java.util.stream.Collectors.toSet());
    }

    private void goToStep(int step) throws Exception {
        fx(() -> {
            model.lesson().goToStep(step);
            return null;
        });
        awaitIdle();
        assertEquals(step, fx(() -> model.lesson().stepProperty().get()));
    }

    /** On screen: in the window's scene, and it and every parent visible. */
    private static boolean showing(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene().getRoot() == rootOf(node);
    }

    private static Node rootOf(Node node) {
        Node n = node;
        while (n.getParent() != null) {
            n = n.getParent();
        }
        return n;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private Point2D screenPoint(double diagramX, double diagramY) throws Exception {
        return fx(() -> window.diagram().canvas().localToScreen(window.diagram().toScreen(diagramX, diagramY)));
    }

    private void awaitIdle() throws Exception {
        DesktopWindows.awaitIdle(model);
        // Panels fold and the guide finds its height over a few pulses; the canvas fits itself once they are done.
        String last = "";
        for (int settled = 0; settled < 3; ) {
            Thread.sleep(60);
            WaitForAsyncUtils.waitForFxEvents();
            String now = fx(() -> window.diagram().canvas().getWidth() + "x" + window.diagram().canvas().getHeight() + "@" + window.diagram().scale());
            settled = now.equals(last) ? settled + 1 : 0;
            last = now;
        }
    }

}

package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import io.netpolviz.view.Details;
import io.netpolviz.view.Selection;

import static io.netpolviz.ui.Lessons.FRONTEND_TO_API;
import static io.netpolviz.ui.Lessons.TEST_RUNNER_TO_PAYMENTS;
import static io.netpolviz.ui.Lessons.edgesTelling;
import static io.netpolviz.ui.Lessons.pair;
import static io.netpolviz.ui.Lessons.tellingStyles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.DiagramNote;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.LintFinding;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The desktop app driven through its real controls, headless: the bundled tutorial, toggles, clicks, steps. */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final String DATABASE = "production/database";

    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        window = new MainWindow(model, stage, null);
        window.show();
        // What a first start does: no arguments, so the tutorial bundled in the app.
        NetPolVizApp.openInitial(model, List.of());
    }

    @BeforeEach
    void waitForTheTutorial() throws Exception {
        awaitIdle(model);
        // It opens at step 1 (ClassroomDesktopTest); these tests read the last step, with every policy, opened there.
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
    void theBundledTutorialsLastStepShowsItsCaptionAndEveryPolicy(FxRobot robot) throws Exception {
        assertEquals("Step 5: Let DNS through", robot.lookup("#stepCaption").queryAs(Label.class).getText());
        ListView<?> policies = robot.lookup("#policyList").queryAs(ListView.class);
        assertEquals(10, fx(() -> policies.getItems().size()));
        assertTrue(fx(() -> window.stage().getTitle()).contains("tutorial"));
    }

    @Test
    void untickingDenyAllOpensTheTestRunnersPathToPaymentsAndTickingItBlocksItAgain(FxRobot robot) throws Exception {
        // Blocked and named by no rule: counted under the title, not drawn.
        assertFalse(fx(() -> pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed()));
        assertTrue(fx(() -> edgesTelling(model.evaluationProperty().get(), TEST_RUNNER_TO_PAYMENTS).isEmpty()));
        String box = "#" + PolicyPanel.checkboxId(DENY_ALL);
        robot.clickOn(box);
        awaitIdle(model);
        assertTrue(fx(() -> pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed()));
        assertTrue(fx(() -> tellingStyles(model, TEST_RUNNER_TO_PAYMENTS)).stream().allMatch(style -> style == PortStyle.ALLOWED));
        assertFalse(robot.lookup(box).queryAs(CheckBox.class).isSelected());
        robot.clickOn(box);
        awaitIdle(model);
        assertFalse(fx(() -> pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed()));
        // Just closed by the toggle, so drawn, blocked.
        assertTrue(fx(() -> tellingStyles(model, TEST_RUNNER_TO_PAYMENTS)).stream().allMatch(style -> style == PortStyle.BLOCKED));
        assertTrue(robot.lookup(box).queryAs(CheckBox.class).isSelected());
    }

    @Test
    void controlZUndoesAToggleAndControlShiftZRedoesIt(FxRobot robot) throws Exception {
        robot.clickOn("#" + PolicyPanel.checkboxId(DENY_ALL));
        awaitIdle(model);
        robot.clickOn("#explanationTitle");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        awaitIdle(model);
        assertFalse(fx(() -> pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed()));
        assertTrue(fx(() -> tellingStyles(model, TEST_RUNNER_TO_PAYMENTS)).stream().allMatch(style -> style == PortStyle.BLOCKED));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        awaitIdle(model);
        assertTrue(fx(() -> pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed()));
        assertTrue(fx(() -> tellingStyles(model, TEST_RUNNER_TO_PAYMENTS)).stream().allMatch(style -> style == PortStyle.ALLOWED));
    }

    @Test
    void clickingAnEdgeOnTheCanvasShowsItsExplanation(FxRobot robot) throws Exception {
        robot.clickOn(screenPointOfLabel(FRONTEND_TO_API));
        awaitIdle(model);
        assertEquals("production/frontend \u2192 production/backend-api", robot.lookup("#explanationTitle").queryAs(Label.class).getText());
        String text = fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).text());
        assertTrue(text.startsWith("\u2713 allowed on TCP 8080"), text);
        assertTrue(text.contains("Egress of production/frontend"), text);
        assertTrue(text.contains("Ingress of production/backend-api"), text);
        assertEquals(new Selection.Edge(FRONTEND_TO_API), fx(() -> model.selection().selectionProperty().get()));
    }

    @Test
    void goingBackToStepThreeShowsTheHalfOpenPathWarningCausedByDenyAll(FxRobot robot) throws Exception {
        robot.clickOn("#previousStep");
        awaitIdle(model);
        robot.clickOn("#previousStep");
        awaitIdle(model);
        assertEquals("Step 3: The tutorial's allow rules", robot.lookup("#stepCaption").queryAs(Label.class).getText());
        ListView<LintFinding> warnings = robot.lookup("#warnings").queryListView();
        LintFinding halfOpen = fx(() -> warnings.getItems().stream()
                .filter(finding -> finding.kind() == LintFinding.Kind.HALF_OPEN_PATH
                        && finding.endpointIds().equals(List.of("production/frontend", "production/backend-api")))
                .findFirst().orElseThrow(() -> new AssertionError("no half-open warning in " + warnings.getItems())));
        assertTrue(halfOpen.message().contains("deny-all"), halfOpen.message());
        // The warning is on screen, and clicking it selects the connection it is about.
        robot.clickOn(robot.lookup("#warnings .list-cell").lookup((Label label) -> label.getText().contains("production/frontend")
                && label.getText().contains("deny-all")).queryAs(Label.class));
        awaitIdle(model);
        assertEquals(new Selection.Edge(FRONTEND_TO_API), fx(() -> model.selection().selectionProperty().get()));
        assertTrue(fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).text()).startsWith("\u2717 blocked"));
    }

    @Test
    void draggingANodeMovesThatNodeOnly(FxRobot robot) throws Exception {
        String id = DATABASE;
        Rect before = fx(() -> model.diagramProperty().get().node(id).orElseThrow().bounds());
        Rect other = fx(() -> model.diagramProperty().get().node("production/frontend").orElseThrow().bounds());
        double scale = fx(() -> window.diagram().scale());
        Point2D from = screenPoint(before.centerX(), before.centerY());
        robot.drag(from, MouseButton.PRIMARY).moveBy(30, 10).moveBy(30, 30).drop();
        awaitIdle(model);
        Rect after = fx(() -> model.diagramProperty().get().node(id).orElseThrow().bounds());
        assertEquals(before.x() + 60 / scale, after.x(), 2 / scale);
        assertEquals(before.y() + 40 / scale, after.y(), 2 / scale);
        assertEquals(other, fx(() -> model.diagramProperty().get().node("production/frontend").orElseThrow().bounds()));
    }

    @Test
    void clickingAPolicyNameDescribesItAndLightsUpWhatItSelects(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".policy-name").lookup((Label label) -> label.getText().equals("allow-frontend-to-backend"))
                .queryAs(Label.class));
        awaitIdle(model);
        Details details = fx(() -> model.selection().detailsProperty().get());
        assertEquals("production/allow-frontend-to-backend", details.title());
        assertTrue(details.subjects().contains("production/backend-api"));
        assertTrue(fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).text()).contains("Selects pods app=backend-api"));
        // Selecting is not switching.
        assertTrue(fx(() -> model.switches().policyRow(new PolicyId("production", "allow-frontend-to-backend")).orElseThrow().on()));
    }

    @Test
    void typingInTheSearchBoxDrawsOnlyThePairsOfTheNodesFound(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("database");
        awaitIdle(model);
        assertEquals("database", fx(() -> model.filters().filterProperty().get().search()));
        assertTrue(fx(() -> model.evaluationProperty().get().picture().graph().edges().stream()
                .allMatch(edge -> edge.sourceId().equals(DATABASE) || edge.targetId().equals(DATABASE))));
        assertTrue(fx(() -> edgesTelling(model.evaluationProperty().get(), FRONTEND_TO_API).isEmpty()));
        assertTrue(fx(() -> tellingStyles(model, "production/backend-api->production/database"))
                .stream().allMatch(style -> style == PortStyle.ALLOWED));
        robot.clickOn("#showAll");
        awaitIdle(model);
        assertTrue(fx(() -> tellingStyles(model, FRONTEND_TO_API)).stream().allMatch(style -> style == PortStyle.ALLOWED));
    }

    @Test
    void clickingShowThemUnderTheTitleDrawsEveryEdge(FxRobot robot) throws Exception {
        DiagramNote note = fx(() -> model.diagramProperty().get().note());
        assertTrue(note.text().contains("more pairs are blocked"), note.text());
        assertTrue(note.hasAction(), "the app's note offers to show them");
        fx(() -> {
            window.diagram().fit();
            return null;
        });
        robot.clickOn(screenPoint(note.actionBounds().centerX(), note.actionBounds().centerY()));
        awaitIdle(model);
        assertEquals(ViewFilter.EdgeFilter.ALL, fx(() -> model.filters().filterProperty().get().edges()));
        assertTrue(fx(() -> model.diagramProperty().get().note().isEmpty()), "nothing left out");
        assertTrue(fx(() -> tellingStyles(model, TEST_RUNNER_TO_PAYMENTS)).stream().allMatch(style -> style == PortStyle.BLOCKED));
    }

    @Test
    void presentationModeLaysOutAgainWithLargerFontsAndTheHighContrastTheme(FxRobot robot) throws Exception {
        double before = fx(() -> model.diagramProperty().get().typography().nodeLabel().size());
        robot.clickOn("#presentationButton");
        awaitIdle(model);
        assertEquals("presentation", fx(() -> model.themeProperty().get().name()));
        assertTrue(fx(() -> model.diagramProperty().get().typography().nodeLabel().size()) > before);
        assertTrue(robot.lookup("#mainWindow").query().getStyleClass().contains("presentation"));
        // Esc leaves it, out of full screen, with the panels back: the next test's window is an ordinary one.
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        awaitIdle(model);
        assertFalse(fx(() -> model.presentationProperty().get()));
        assertFalse(robot.lookup("#mainWindow").query().getStyleClass().contains("presentation"));
        assertFalse(fx(() -> ((Stage) robot.lookup("#mainWindow").query().getScene().getWindow()).isFullScreen()));
        assertTrue(robot.lookup("#policyList").tryQuery().isPresent(), "the policies are back");
    }

    // ---------------------------------------------------------------- helpers

    private Point2D screenPointOfLabel(String edgeKey) throws Exception {
        PortLabel label = fx(() -> model.diagramProperty().get().edge(edgeKey).orElseThrow().labels().get(0));
        return screenPoint(label.bounds().centerX(), label.bounds().centerY());
    }

    private Point2D screenPoint(double diagramX, double diagramY) throws Exception {
        return fx(() -> {
            Point2D local = window.diagram().toScreen(diagramX, diagramY);
            return window.diagram().canvas().localToScreen(local);
        });
    }

}

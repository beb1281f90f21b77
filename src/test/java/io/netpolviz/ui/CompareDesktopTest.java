package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.view.Selection;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Compare mode in the real window, headless: the list beside the diagram, a click on a change, the File menu. */
@ExtendWith(ApplicationExtension.class)
class CompareDesktopTest {

    private static final Path LESSON = Path.of("sample-clusters/09-review-a-change");

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        new MainWindow(model, stage, null).show();
        model.open(List.of(LESSON.resolve("pull-request")));
    }

    @BeforeEach
    void waitForThePullRequest() throws Exception {
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
    void theListOfChangesAppearsWhenComparingAndAClickSelectsTheEdge(FxRobot robot) throws Exception {
        VBox pane = robot.lookup("#changesPane").queryAs(VBox.class);
        assertFalse(fx(pane::isVisible), "no list before comparing");

        fx(() -> {
            model.compare().compareWithFolder(List.of(LESSON.resolve("main")));
            return null;
        });
        awaitIdle(model);
        @SuppressWarnings("unchecked")
        ListView<ConnectivityChange> list = robot.lookup("#changesList").queryAs(ListView.class);
        assertTrue(fx(pane::isVisible));
        assertEquals("Compared with main: 1 added, 1 changed, 1 removed", fx(() -> robot.lookup("#changesHeading").queryAs(Label.class).getText()));
        assertEquals(List.of("+ monitoring/prometheus \u2192 shop/api:  none \u2192 TCP 9090",
                "~ shop/api \u2192 data/redis:  TCP 6379 \u2192 TCP 6379-6380",
                "\u2212 shop/worker \u2192 data/postgres:  TCP 5432 \u2192 none"),
                fx(() -> list.getItems().stream().map(ChangesPane::line).toList()));

        robot.clickOn((javafx.scene.Node) robot.lookup("#changesList .list-cell").nth(2).query());
        awaitIdle(model);
        Selection selected = fx(() -> model.selection().selectionProperty().get());
        assertTrue(selected instanceof Selection.Edge edge && edge.key().equals("shop/worker->data/postgres"), String.valueOf(selected));

        fx(() -> {
            model.compare().stop();
            return null;
        });
        awaitIdle(model);
        assertFalse(fx(pane::isVisible), "the list goes with the comparison");
    }

    @Test
    void theFileMenuOffersEverySideToCompareWith(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu compare = fx(() -> bar.getMenus().get(0).getItems().stream().filter(item -> item instanceof Menu menu
                && menu.getText().equals("Compare with")).map(Menu.class::cast).findFirst().orElseThrow());
        assertEquals(List.of("Folder\u2026", "Git revision\u2026", "Cluster\u2026", "", "Stop comparing"),
                fx(() -> compare.getItems().stream().map(item -> item.getText() == null ? "" : item.getText()).toList()));
        assertFalse(fx(compare::isDisable), "a picture is open");
        assertTrue(fx(() -> compare.getItems().get(4).isDisable()), "nothing to stop yet");
    }
}

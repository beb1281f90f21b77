package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import io.netpolviz.scale.GeneratedCluster;
import io.netpolviz.view.PolicyRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The generated large cluster (10,000 pods, 2,000 policies, 50 namespaces) in the window, headless: its policy list is searched. */
@ExtendWith(ApplicationExtension.class)
class LargeClusterDesktopTest {

    private static final GeneratedCluster LARGE = ClusterGenerator.generate(new ClusterShape(10_000, 2_000, 50, 1, false));

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        // The snapshot the generator made, for any place: no 52 files to write and parse.
        model = DesktopWindows.model(paths -> LARGE.snapshot());
        new MainWindow(model, stage, null).show();
        model.open(List.of(Path.of("large")));
    }

    @BeforeEach
    void waitForTheCluster() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> model.evaluationProperty().get() != null && !model.busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void theSearchBoxNarrowsTwoThousandPoliciesToTheMatchingOnesUnderTheirNamespace(FxRobot robot) throws Exception {
        ListView<PolicyRow> list = robot.lookup("#policyList").queryListView();
        assertEquals(2_000, fx(() -> list.getItems().stream().filter(row -> row instanceof PolicyRow.PolicySwitch).count()));
        TextField search = robot.lookup("#policySearch").queryAs(TextField.class);
        robot.clickOn(search).write("Payments-2/DEFAULT");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("payments-2", "payments-2/default-deny"), fx(() -> list.getItems().stream().map(LargeClusterDesktopTest::name).toList()));

        // Each keystroke filters the whole list again; it must keep up with typing.
        long took = fx(() -> {
            long start = System.nanoTime();
            search.setText("allow-");
            list.layout();
            return System.nanoTime() - start;
        });
        int kept = fx(() -> (int) list.getItems().stream().filter(row -> row instanceof PolicyRow.PolicySwitch).count());
        assertTrue(kept > 100 && kept < 2_000, kept + " allow- policies");
        assertTrue(took < 250_000_000L, "filtering took " + took / 1e6 + " ms");

        robot.clickOn(search).eraseText(search.getText().length());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2_000, fx(() -> list.getItems().stream().filter(row -> row instanceof PolicyRow.PolicySwitch).count()));
    }

    private static String name(PolicyRow row) {
        return row instanceof PolicyRow.PolicySwitch policy ? policy.id().toString() : ((PolicyRow.NamespaceHeading) row).namespace();
    }

}

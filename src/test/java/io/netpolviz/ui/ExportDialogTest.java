package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static io.netpolviz.ui.DesktopWindows.awaitIdle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.layout.Rect;
import io.netpolviz.model.PolicyId;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export through the real dialog: a 2× transparent PNG of the view with a switched-off policy. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");

    @TempDir
    Path dir;

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        new MainWindow(model, stage, null).show();
        model.open(List.of(Lessons.TUTORIAL));
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void aTwoTimesTransparentPngOfTheViewIsTitledWithTheSwitchedOffPolicy(FxRobot robot) throws Exception {
        awaitIdle(model);
        // A lesson opens at its first step; the export is of the last, with every policy.
        fx(() -> {
            model.lesson().goToStep(5);
            return null;
        });
        awaitIdle(model);
        robot.clickOn("#" + PolicyPanel.checkboxId(DENY_ALL));
        awaitIdle(model);

        robot.clickOn("#status");
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exportFile").tryQuery().isPresent());
        String title = robot.lookup("#exportTitle").queryAs(Label.class).getText();
        // The title the export command would write for this view: the source, its step, the policy switched off, the filter.
        ViewFilter filter = fx(() -> model.filters().filterProperty().get());
        assertEquals(ViewTitle.of("01-tutorial (step 5 of 5)", List.of(DENY_ALL), filter), title);
        assertTrue(title.startsWith("01-tutorial (step 5 of 5) \u2014 switched off: production/deny-all"), title);
        Path file = dir.resolve("view.png");
        robot.clickOn("#exportFile").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(file.toString());
        robot.clickOn("#scale2").clickOn("#backgroundTransparent").clickOn("#exportButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> file.toString().equals(model.exporter().lastExportProperty().get())));
        BufferedImage image = ImageIO.read(file.toFile());
        Rect bounds = fx(() -> model.diagramProperty().get().bounds());
        assertTrue(Files.size(file) > 0);
        // The title is longer than the screen's, so the picture may be wider; never less than 2× the diagram.
        assertEquals(2 * bounds.height(), image.getHeight(), 1);
        assertTrue(image.getWidth() >= 2 * bounds.width() - 1, image.getWidth() + " < 2 × " + bounds.width());
        assertEquals(0, image.getRGB(0, 0) >>> 24, "transparent corner");
        assertEquals(0, image.getRGB(image.getWidth() - 1, image.getHeight() - 1) >>> 24, "transparent corner");
    }

}

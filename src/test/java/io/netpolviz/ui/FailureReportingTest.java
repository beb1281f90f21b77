package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception nobody caught, on the JavaFX thread or on another thread of the app, opens one
 * error window with the stack trace to copy, and the app goes on.
 */
@ExtendWith(ApplicationExtension.class)
class FailureReportingTest {

    private Thread.UncaughtExceptionHandler before;
    private Thread.UncaughtExceptionHandler fxBefore;
    private FailureDialog dialog;
    private final java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        before = Thread.getDefaultUncaughtExceptionHandler();
        fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        // Stands for the log, which Main installs first; TestFX's own would fail the test on purpose.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> logged.add(error.getMessage()));
        dialog = FailureReporting.install(stage);
    }

    @AfterEach
    void restore() throws Exception {
        fx(() -> {
            dialog.close();
            Thread.setDefaultUncaughtExceptionHandler(before);
            Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
            return null;
        });
    }

    @Test
    void aFailureOnTheFxThreadOpensTheDialogWithACopyableStackTrace(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("a bug in an event handler");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(dialog::isShowing));

        TextArea details = robot.lookup("#failureDetails").queryAs(TextArea.class);
        assertTrue(details.getText().contains("java.lang.IllegalStateException: a bug in an event handler"), details.getText());
        assertTrue(details.getText().contains("\tat "), "the stack trace is shown:\n" + details.getText());
        assertTrue(details.getText().startsWith("NetPolViz "), "the version comes first:\n" + details.getText());

        fx(() -> {
            robot.lookup("#copyFailure").queryAs(Button.class).fire();
            return null;
        });
        assertEquals(details.getText(), fx(() -> Clipboard.getSystemClipboard().getString()));
        // The app goes on: its window is still there.
        assertTrue(fx(() -> Window.getWindows().stream().anyMatch(window -> window instanceof Stage && window.isShowing()
                && !window.equals(dialogWindow(details)))));
    }

    @Test
    void failuresOnOtherThreadsReachTheSameSingleWindow() throws Exception {
        for (String name : new String[] {"first", "second"}) {
            Thread worker = new Thread(() -> {
                throw new IllegalArgumentException(name + " worker bug");
            }, "netpolviz-test-" + name);
            worker.start();
            worker.join();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialog.details().contains("second worker bug")));

        String details = fx(dialog::details);
        assertEquals(java.util.List.of("first worker bug", "second worker bug"), logged, "the log heard of both first");
        assertTrue(details.contains("In thread netpolviz-test-first:\njava.lang.IllegalArgumentException: first worker bug"), details);
        long dialogs = fx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().lookup("#failureDetails") != null).count());
        assertEquals(1, dialogs);
    }

    @Test
    void aBackgroundJobThatFailsWithABugReachesTheWindow() throws Exception {
        io.netpolviz.app.BackgroundWork work = io.netpolviz.app.BackgroundWork.withWorkerThread(Platform::runLater);
        try {
            fx(() -> {
                work.submit(io.netpolviz.app.BackgroundWork.Lane.EVALUATE, progress -> {
                    throw new IllegalStateException("a bug in an evaluation");
                }, value -> { });
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialog.details().contains("a bug in an evaluation")));
        } finally {
            work.close();
        }
    }

    private static Window dialogWindow(TextArea details) {
        return details.getScene().getWindow();
    }
}

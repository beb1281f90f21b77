package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.PortStyle;
import io.netpolviz.testing.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a manifest in the open folder updates the picture without any click. */
class LiveReloadTest {

    @TempDir
    Path folder;

    @Test
    void deletingDenyAllInTheOpenFolderOpensThePathsItBlocked() throws Exception {
        deleteDenyAllAndAwaitTheNewPicture();
    }

    @Test
    @Timing
    void deletingDenyAllInTheOpenFolderOpensThePathsItBlockedWithinASecond() throws Exception {
        double seconds = deleteDenyAllAndAwaitTheNewPicture();
        System.out.printf(java.util.Locale.ROOT, "live reload: picture updated %.2f s after the file changed%n", seconds);
        assertTrue(seconds < 1.0 || Boolean.getBoolean("netpolviz.slowMachine"), "took " + seconds + " s");
    }

    /** Deletes deny-all from a copy of the tutorial open in a watching view-model; returns the seconds until the picture showed it. */
    private double deleteDenyAllAndAwaitTheNewPicture() throws Exception {
        Path lesson = Lessons.copyOf(Lessons.TUTORIAL, folder.resolve("tutorial"));
        // One thread stands in for the JavaFX thread: every view-model call and delivery runs there.
        ExecutorService ui = Executors.newSingleThreadExecutor();
        MainViewModel model = onUi(ui, () -> new MainViewModel(new BackgroundWork(Runnable::run, ui), Lessons.loader(),
                Lessons.scratchRecents(), true));
        try {
            onUi(ui, () -> {
                // At the last step, where deny-all is one of the policies on show.
                model.open(List.of(lesson), 5);
                return null;
            });
            awaitOnUi(ui, () -> model.evaluationProperty().get() != null, 10_000);
            assertFalse(onUi(ui, () -> Lessons.pair(model, Lessons.TEST_RUNNER_TO_PAYMENTS).anyAllowed()));

            long saved = System.nanoTime();
            Files.delete(lesson.resolve("2-deny-all/deny-all.yaml"));
            awaitOnUi(ui, () -> Lessons.pair(model, Lessons.TEST_RUNNER_TO_PAYMENTS).anyAllowed(), 20_000);
            double seconds = (System.nanoTime() - saved) / 1e9;
            assertTrue(onUi(ui, () -> model.statusProperty().get()).startsWith("Reloaded"));
            // The opened path is drawn, allowed, and marked as what the reload changed.
            assertTrue(onUi(ui, () -> Lessons.tellingStyles(model, Lessons.TEST_RUNNER_TO_PAYMENTS)).stream()
                    .allMatch(style -> style == PortStyle.ALLOWED));
            assertTrue(onUi(ui, () -> Lessons.edgeTelling(model, Lessons.TEST_RUNNER_TO_PAYMENTS).anyChanged()));
            return seconds;
        } finally {
            // Closed whatever happened: a watcher left running would hear @TempDir's cleanup after the test.
            onUi(ui, () -> {
                model.close();
                return null;
            });
            ui.shutdownNow();
        }
    }

    private static <T> T onUi(ExecutorService ui, Callable<T> action) throws Exception {
        return ui.submit(action).get(20, TimeUnit.SECONDS);
    }

    private static void awaitOnUi(ExecutorService ui, Callable<Boolean> condition, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!onUi(ui, condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }
}

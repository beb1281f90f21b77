package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.view.ManifestSource;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests that drive the real window share: a view-model wired as the app wires it (work on
 * a worker thread, results on the JavaFX thread, no folder watching, scratch recent places), and
 * waiting for the JavaFX thread and the worker to be done.
 */
final class DesktopWindows {

    /** Long enough for a loaded 2-core machine; a test that waits this long has failed anyway. */
    static final long WAIT_SECONDS = 60;

    private DesktopWindows() {
    }

    /** A view-model as the app makes it, reading places with {@code manifests}. */
    static MainViewModel model(ManifestSource manifests) {
        return new MainViewModel(BackgroundWork.withWorkerThread(Platform::runLater), manifests, Lessons.scratchRecents(), false);
    }

    /** A view-model as the app makes it, reading the lessons from files. */
    static MainViewModel model() {
        return model(Lessons.loader());
    }

    /** Runs {@code query} on the JavaFX thread and returns what it returns. */
    static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until the background work is done and its results have reached the JavaFX thread. */
    static void awaitIdle(MainViewModel model) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> model.evaluationProperty().get() != null && !model.busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

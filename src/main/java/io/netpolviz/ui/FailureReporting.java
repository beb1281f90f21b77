package io.netpolviz.ui;

import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Sends every uncaught exception — on the JavaFX thread, on the app's worker and watcher threads,
 * and a background job's failure that no view handled (which {@code BackgroundWork} hands to the
 * JavaFX thread's handler) — to the {@link FailureDialog}, after the handler that was there before
 * (the log) has heard of it. Nothing here may throw: a failure while reporting a failure is
 * dropped, so the app never ends because of it.
 */
final class FailureReporting {

    private FailureReporting() {
    }

    /** Installs the reporting for the whole app; the dialog belongs to {@code owner}. Call on the JavaFX thread. */
    static FailureDialog install(Window owner) {
        FailureDialog dialog = new FailureDialog(owner);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            try {
                if (previous != null) {
                    previous.uncaughtException(thread, error);
                }
                if (Platform.isFxApplicationThread()) {
                    dialog.show(thread, error);
                } else {
                    Platform.runLater(() -> showQuietly(dialog, thread, error));
                }
            } catch (Throwable whileReporting) {
                // Out of memory, or JavaFX gone: the log (if it could) already has the failure.
            }
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        // JavaFX hands an exception from an event handler to the thread's own handler; make it this one.
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        return dialog;
    }

    private static void showQuietly(FailureDialog dialog, Thread thread, Throwable error) {
        try {
            dialog.show(thread, error);
        } catch (Throwable whileReporting) {
            // See install: never let the report end the app.
        }
    }
}

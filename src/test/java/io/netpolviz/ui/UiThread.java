package io.netpolviz.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One thread that stands in for the JavaFX thread in view-model tests: every view-model call and
 * every delivery runs there, while the real worker thread and a live source run beside it.
 */
final class UiThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread ui = new Thread(runnable, "test-ui");
        ui.setDaemon(true);
        return ui;
    });

    /** Posts deliveries to this thread, as {@code Platform::runLater} would. */
    void execute(Runnable task) {
        thread.execute(task);
    }

    <T> T call(Callable<T> action) throws Exception {
        return thread.submit(action).get(20, TimeUnit.SECONDS);
    }

    void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, checked on this thread, holds; fails with {@code what} after the timeout. */
    void await(String what, Callable<Boolean> condition, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!call(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(15);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

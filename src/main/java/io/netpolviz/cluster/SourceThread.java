package io.netpolviz.cluster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Ends the one thread a cluster source's state is confined to, after a last task on it. */
final class SourceThread {

    private SourceThread() {
    }

    /**
     * Runs {@code cleanup} on the executor's thread (at once, when called from it), then stops the
     * executor, waiting up to five seconds before interrupting it; never throws.
     */
    static void runLastAndStop(ExecutorService executor, Thread thread, Runnable cleanup) {
        if (Thread.currentThread() == thread) {
            cleanup.run();
            executor.shutdown();
            return;
        }
        try {
            executor.execute(cleanup);
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (RejectedExecutionException e) {
            executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

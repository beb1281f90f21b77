package io.netpolviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    /** Runs queued work only when told to, so a test decides the order things happen in. */
    private static final class ManualExecutor implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }

        void runLast() {
            queue.pollLast().run();
        }
    }

    @Test
    void aResultArrivingAfterANewerSubmissionIsDropped() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        BackgroundWork work = new BackgroundWork(worker, ui);
        List<String> delivered = new ArrayList<>();
        work.submit(Lane.EVALUATE, progress -> "first", delivered::add);
        worker.queue.poll().run();
        work.submit(Lane.EVALUATE, progress -> "second", delivered::add);
        worker.runAll();
        ui.runAll();
        assertEquals(List.of("second"), delivered);
    }

    @Test
    void aJobMadeStaleBeforeItStartsNeverRuns() {
        ManualExecutor worker = new ManualExecutor();
        BackgroundWork work = new BackgroundWork(worker, Runnable::run);
        List<String> ran = new ArrayList<>();
        work.submit(Lane.EVALUATE, progress -> ran.add("old"), value -> { });
        work.submit(Lane.EVALUATE, progress -> ran.add("new"), value -> { });
        worker.runAll();
        assertEquals(List.of("new"), ran);
    }

    @Test
    void lanesDoNotMakeEachOtherStale() {
        ManualExecutor worker = new ManualExecutor();
        BackgroundWork work = new BackgroundWork(worker, Runnable::run);
        List<String> delivered = new ArrayList<>();
        work.submit(Lane.LOAD, progress -> "loaded", delivered::add);
        work.submit(Lane.DETAILS, progress -> "explained", delivered::add);
        worker.runAll();
        assertEquals(List.of("loaded", "explained"), delivered);
    }

    @Test
    void cancellingALaneDropsItsPendingResultAndProgress() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        BackgroundWork work = new BackgroundWork(worker, ui);
        List<String> heard = new ArrayList<>();
        work.submit(Lane.LOAD, progress -> {
            progress.report(0.5, "half");
            return "done";
        }, new BackgroundWork.Delivery<String>() {
            @Override
            public void result(String value) {
                heard.add(value);
            }

            @Override
            public void progress(double fraction, String message) {
                heard.add(message);
            }
        });
        worker.runAll();
        work.cancel(Lane.LOAD);
        ui.runAll();
        assertTrue(heard.isEmpty(), "heard " + heard);
    }

    @Test
    void aFailingJobReportsItsErrorOnTheUiThread() {
        BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);
        List<Throwable> failures = new ArrayList<>();
        work.submit(Lane.EXPORT, progress -> {
            throw new IllegalStateException("disk full");
        }, new BackgroundWork.Delivery<Object>() {
            @Override
            public void result(Object value) {
            }

            @Override
            public void failure(Throwable error) {
                failures.add(error);
            }
        });
        assertEquals(1, failures.size());
        assertEquals("disk full", failures.get(0).getMessage());
    }

    @Test
    void afterCloseAJobStillRunningAndAWatcherEventTellNobodyEvenWhenTheUiThreadIsGone() {
        ManualExecutor worker = new ManualExecutor();
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor();
        BackgroundWork work = new BackgroundWork(worker, ui);
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        work.submit(Lane.CLUSTER, progress -> "late snapshot", delivered::add);
        // The window closes while the job is still queued on the worker, and its UI thread goes with it.
        work.close();
        ui.shutdownNow();
        worker.runAll();
        work.onUiThread(() -> delivered.add("a file changed"));
        assertTrue(delivered.isEmpty(), "delivered " + delivered);
    }

    @Test
    void aUiThreadThatRefusesWorkWhileOpenIsStillAnError() {
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor();
        ui.shutdownNow();
        BackgroundWork work = new BackgroundWork(Runnable::run, ui);
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> work.onUiThread(() -> { }));
    }
}

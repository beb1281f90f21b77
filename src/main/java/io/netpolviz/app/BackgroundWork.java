package io.netpolviz.app;

import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.view.Progress;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one seam for background work. Loading, evaluation, layout, export and the app's own file
 * watching and preferences run on a worker; their progress and results reach the UI thread here
 * and nowhere else. Each lane keeps a generation counter: submitting to a lane (or cancelling it)
 * makes every earlier job of that lane stale, and a stale job's progress and result are dropped
 * on arrival. Once closed, nothing more reaches the UI thread: a job still running when the window
 * closes, or a file watcher's last event, finds nobody to tell and says nothing.
 */
public final class BackgroundWork implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    /** Independent kinds of work; a new job only makes older jobs of its own lane stale. */
    public enum Lane {
        /** Reading manifests, compiling, building the graph and laying it out. */
        LOAD,
        /** Re-evaluating after a toggle or a step change, and restyling. */
        EVALUATE,
        /** Explanations for the current selection. */
        DETAILS,
        /** Writing a PNG or SVG, or draft policies as YAML. */
        EXPORT,
        /** Finding and verifying the smallest fix for a connection. */
        ADVICE,
        /** Reading a manifest to show it at a diagnostic's line. */
        SOURCE,
        /** Reading a kubeconfig's contexts for the connect dialog. */
        KUBECONFIG,
        /** Turning a live cluster's snapshot into a workspace; never waits for the cluster itself. */
        CLUSTER,
        /** Registering the watch on the open folder's tree, which walks it. */
        WATCH,
        /** Reading and writing the recent places in the user's preferences. */
        RECENT,
        /** Reading and evaluating the side the picture is compared with. */
        COMPARE
    }

    /** A piece of background work; it may report progress, which reaches the UI thread unless the job is stale. */
    @FunctionalInterface
    public interface Job<T> {
        public T run(Progress progress) throws Exception;
    }

    /** What happens on the UI thread when a job that is still current reports. */
    @FunctionalInterface
    public interface Delivery<T> {
        public void result(T value);

        /** A failed job; by default the UI thread's uncaught-exception handler hears of it. */
        default void failure(Throwable error) {
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, error);
        }

        default void progress(double fraction, String message) {
        }
    }

    private final Executor worker;
    private final Executor uiThread;
    private final ExecutorService owned;
    private final Map<Lane, AtomicLong> generations = new EnumMap<>(Lane.class);
    /** Lanes waiting for a current result; touched on the UI thread only. */
    private final Set<Lane> waiting = EnumSet.noneOf(Lane.class);
    private Consumer<Set<Lane>> activityListener = lanes -> { };
    /** Set by {@link #close}, read by the worker and by watcher threads before they post. */
    private volatile boolean closed;

    /**
     * @param worker runs jobs, in submission order
     * @param uiThread runs deliveries on the UI thread ({@code Platform::runLater} in the app)
     */
    public BackgroundWork(Executor worker, Executor uiThread) {
        this(worker, uiThread, null);
    }

    private BackgroundWork(Executor worker, Executor uiThread, ExecutorService owned) {
        this.worker = worker;
        this.uiThread = uiThread;
        this.owned = owned;
        for (Lane lane : Lane.values()) {
            generations.put(lane, new AtomicLong());
        }
    }

    /**
     * One daemon worker thread: jobs run in order, so a toggle never races the load it follows,
     * and the app's work never takes more than one core from the machine.
     */
    public static BackgroundWork withWorkerThread(Executor uiThread) {
        ExecutorService service = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(null, runnable, "netpolviz-worker", DiagramLayout.THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundWork(service, uiThread, service);
    }

    /** Hears, on the UI thread, which lanes are waiting for a result whenever that changes. */
    public void setActivityListener(Consumer<Set<Lane>> listener) {
        this.activityListener = listener;
    }

    /** The lanes with a job whose result is still to come. */
    public Set<Lane> waiting() {
        return Collections.unmodifiableSet(EnumSet.copyOf(waiting));
    }

    private void setWaiting(Lane lane, boolean isWaiting) {
        boolean changed = isWaiting ? waiting.add(lane) : waiting.remove(lane);
        if (changed) {
            activityListener.accept(waiting());
        }
    }

    /** Runs {@code job} in the background; makes earlier jobs of the lane stale. Call on the UI thread. */
    public <T> void submit(Lane lane, Job<T> job, Delivery<T> delivery) {
        AtomicLong counter = generations.get(lane);
        long generation = counter.incrementAndGet();
        setWaiting(lane, true);
        Progress progress = (fraction, message) -> post(() -> {
            if (counter.get() == generation) {
                delivery.progress(fraction, message);
            }
        });
        worker.execute(() -> {
            if (counter.get() != generation) {
                return;
            }
            T value;
            try {
                value = job.run(progress);
            } catch (Throwable error) {
                logFailure(lane, error);
                post(() -> {
                    if (counter.get() == generation) {
                        setWaiting(lane, false);
                        delivery.failure(error);
                    }
                });
                return;
            }
            post(() -> {
                if (counter.get() == generation) {
                    setWaiting(lane, false);
                    delivery.result(value);
                }
            });
        });
    }

    /**
     * Logs a failed job with its stack trace, which the delivery's message (often just the
     * exception's) leaves out, and which a stale job's dropped failure would take with it. A
     * checked exception (or an unchecked I/O one) is a failure the job foresaw, such as a file that
     * cannot be read or a picture too large to draw: debug detail. Anything else is a bug.
     */
    private static void logFailure(Lane lane, Throwable error) {
        boolean foreseen = error instanceof UncheckedIOException
                || error instanceof Exception && !(error instanceof RuntimeException);
        LOG.log(foreseen ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR,
                "a background job on the " + lane + " lane failed", error);
    }

    /** Makes every pending job of the lane stale, so its result is never delivered. */
    public void cancel(Lane lane) {
        generations.get(lane).incrementAndGet();
        setWaiting(lane, false);
    }

    /** Runs an event (a file change, a drop) on the UI thread; it carries no result to go stale. */
    public void onUiThread(Runnable event) {
        post(event);
    }

    /**
     * Hands a task to the UI thread unless this is closed. A UI thread that refuses it after the
     * close (its executor shut down with the window) is no error: the task had nobody left to tell.
     */
    private void post(Runnable task) {
        if (closed) {
            return;
        }
        try {
            uiThread.execute(task);
        } catch (RejectedExecutionException | IllegalStateException gone) {
            if (!closed) {
                throw gone;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Lane lane : Lane.values()) {
            cancel(lane);
        }
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}

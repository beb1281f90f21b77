package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live view of one cluster context: lists and watches every resource NetPolViz reads
 * (read-only: get, list and watch only), and publishes an immutable {@link ClusterSnapshot}
 * to its {@link ClusterListener} whenever the cluster changes in a way the view shows, a burst
 * of events giving one update. It reports its {@link ConnectionStatus} as it goes, retries by
 * itself after a lost connection (with a fresh list, so no stale objects survive), and retries
 * at once on {@link #reconnect()}, re-reading the kubeconfig. A burst of events is gathered by
 * {@link ChangeBurst}, snapshots are built and told apart by {@link PublishedSnapshots}, and the
 * status line's words come from {@link ConnectionMessages}.
 *
 * <p>All state is confined to one thread of the source's own, which also calls the listener.
 */
public final class ClusterSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterSource.class.getName());

    private final ClusterOptions options;
    private final ClusterListener listener;
    private final ScheduledExecutorService executor;
    private final Thread thread;

    private ClusterConnection connection;
    private InformerSession session;
    private boolean sessionLive;
    /** Bumped whenever a session starts or ends, so that late callbacks of an old one are ignored. */
    private long generation;
    private boolean everConnected;
    private Duration nextRetryDelay;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> healthCheck;
    private long unwatchedSince = -1;

    private final ChangeBurst burst;
    private final PublishedSnapshots published;

    private volatile ConnectionStatus status;
    private volatile boolean closed;

    private ClusterSource(ClusterOptions options, ClusterListener listener) {
        this.options = options;
        this.listener = listener;
        this.nextRetryDelay = options.timing().retryMin();
        AtomicReference<Thread> created = new AtomicReference<>();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "netpolviz-cluster");
            worker.setDaemon(true);
            created.set(worker);
            return worker;
        });
        // Create the thread now, so that close() can tell whether it runs on it.
        try {
            executor.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the cluster source thread", e);
        }
        this.thread = created.get();
        ChangeBurst.Scheduler onSourceThread = (task, delayNanos) -> executor.schedule(() -> runLogged(task), delayNanos, TimeUnit.NANOSECONDS);
        this.burst = new ChangeBurst(onSourceThread, options.timing(), changes -> {
            if (sessionLive) {
                publish(ChangeCause.Origin.WATCH_EVENTS, changes);
            }
        });
        this.published = new PublishedSnapshots(options);
        String context = options.context() == null ? "" : options.context();
        this.status = new ConnectionStatus(ConnectionState.CONNECTING, context, "Connecting…", Instant.now(), null, false);
    }

    /** Starts connecting in the background; progress and snapshots reach {@code listener}. */
    public static ClusterSource open(ClusterOptions options, ClusterListener listener) {
        ClusterSource source = new ClusterSource(options, listener);
        source.post(source::attempt);
        return source;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** The last published snapshot and the manifests it came from, if one was published. */
    public Optional<ClusterCapture> latest() {
        return Optional.ofNullable(published.capture());
    }

    /**
     * Drops the current connection and connects again now, re-reading the kubeconfig (so a
     * refreshed token or a fixed entry takes effect). The last snapshot stays until the new
     * read replaces it, with the differences as its cause.
     */
    public void reconnect() {
        post(() -> {
            cancel(retry);
            retry = null;
            if (connection != null) {
                connection.close();
                connection = null;
            }
            endSession();
            nextRetryDelay = options.timing().retryMin();
            if (everConnected) {
                setStatus(ConnectionState.RECONNECTING, "Reconnecting to context '" + status.context() + "'…", false);
            }
            attempt();
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Runnable cleanup = () -> {
            cancel(retry);
            // The client first: its connections simply end, rather than each watch being
            // closed one by one with a handshake the server has to answer.
            if (connection != null) {
                connection.close();
                connection = null;
            }
            endSession();
        };
        SourceThread.runLastAndStop(executor, thread, cleanup);
    }

    // --- connecting -------------------------------------------------------------------------

    private void attempt() {
        if (closed) {
            return;
        }
        retry = null;
        if (connection == null) {
            try {
                connection = ClusterConnection.open(options);
            } catch (ClusterAccessException e) {
                setStatus(ConnectionState.ERROR, e.getMessage(), false);
                return;
            }
        }
        if (!everConnected) {
            setStatus(ConnectionState.CONNECTING, ConnectionMessages.connecting(connection, options), false);
        }
        long attemptGeneration = ++generation;
        InformerSession starting;
        try {
            starting = new InformerSession(connection, options, events(attemptGeneration));
        } catch (RuntimeException e) {
            failed(connection.explainer().explain(e));
            return;
        }
        session = starting;
        sessionLive = false;
        Duration limit = options.timing().requestTimeout().plus(options.timing().connectTimeout());
        starting.start()
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> post(() -> started(attemptGeneration, starting, failure)));
    }

    private void started(long attemptGeneration, InformerSession starting, Throwable failure) {
        if (attemptGeneration != generation || closed) {
            starting.close();
            return;
        }
        if (failure != null) {
            starting.close();
            session = null;
            failed(connection.explainer().explain(failure));
            return;
        }
        if (starting.nothingReadable()) {
            starting.close();
            session = null;
            setStatus(ConnectionState.ERROR, ConnectionMessages.nothingReadable(connection, options, starting.gaps()), false);
            return;
        }
        sessionLive = true;
        unwatchedSince = -1;
        nextRetryDelay = options.timing().retryMin();
        ChangeCause.Origin origin = everConnected ? ChangeCause.Origin.RESYNC : ChangeCause.Origin.INITIAL_READ;
        everConnected = true;
        publish(origin, List.of());
        setStatus(ConnectionState.CONNECTED, ConnectionMessages.watching(connection, options, starting.gaps()), false);
        startHealthCheck();
    }

    private void failed(Failure failure) {
        if (failure.lasting() && !everConnected) {
            setStatus(ConnectionState.ERROR, failure.message(), false);
            return;
        }
        Duration delay = nextRetryDelay;
        Duration doubled = delay.multipliedBy(2);
        nextRetryDelay = doubled.compareTo(options.timing().retryMax()) > 0 ? options.timing().retryMax() : doubled;
        if (failure.lasting()) {
            // Credentials that worked are rejected now: tokens rotate. The next attempt opens a new
            // client, which reads the kubeconfig again and so picks up a refreshed token.
            connection.close();
            connection = null;
        }
        setStatus(everConnected ? ConnectionState.RECONNECTING : ConnectionState.ERROR, failure.lasting()
                ? ConnectionMessages.credentialsRejected(failure, delay) : ConnectionMessages.retrying(failure, everConnected, delay), true);
        retry = executor.schedule(() -> runLogged(this::attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    // --- watching ---------------------------------------------------------------------------

    private InformerSession.Events events(long sessionGeneration) {
        return new InformerSession.Events() {
            @Override
            public void changed(ObjectChange change) {
                post(() -> {
                    if (sessionGeneration == generation && sessionLive) {
                        burst.add(change);
                    }
                });
            }

            @Override
            public void stopped(InformerSession.Watched watched, Throwable cause) {
                post(() -> {
                    if (sessionGeneration != generation || !sessionLive) {
                        return;
                    }
                    if (FailureExplainer.httpCode(cause) == 403) {
                        // Listing was allowed but watching is not: keep what was listed and say so.
                        watched.gap = session.gapFor(watched, "watch", cause);
                        publish(ChangeCause.Origin.RESYNC, List.of());
                        setStatus(ConnectionState.CONNECTED, ConnectionMessages.watching(connection, options, session.gaps()), false);
                    } else {
                        lost(cause);
                    }
                });
            }
        };
    }

    /**
     * Watches restart now and then in normal operation, so a watch counts as lost only when it
     * stays down for the grace period; then the session is replaced by a fresh list and watch.
     */
    private void startHealthCheck() {
        cancel(healthCheck);
        long every = Math.max(20, Math.min(250, options.timing().outageGrace().toMillis() / 4));
        healthCheck = executor.scheduleWithFixedDelay(() -> runLogged(() -> {
            if (!sessionLive || session == null) {
                return;
            }
            if (session.watching()) {
                unwatchedSince = -1;
            } else if (unwatchedSince < 0) {
                unwatchedSince = System.nanoTime();
            } else if (System.nanoTime() - unwatchedSince >= options.timing().outageGrace().toNanos()) {
                lost(null);
            }
        }), every, every, TimeUnit.MILLISECONDS);
    }

    private void lost(Throwable cause) {
        if (!sessionLive) {
            return;
        }
        endSession();
        if (cause != null) {
            Failure failure = connection.explainer().explain(cause);
            if (failure.lasting()) {
                setStatus(ConnectionState.ERROR, failure.message() + " Showing the last state read.", false);
                return;
            }
        }
        Duration delay = options.timing().retryMin();
        nextRetryDelay = delay.multipliedBy(2);
        setStatus(ConnectionState.RECONNECTING, ConnectionMessages.lostWatch(connection, delay), true);
        retry = executor.schedule(() -> runLogged(this::attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void endSession() {
        generation++;
        cancel(healthCheck);
        healthCheck = null;
        burst.clear();
        sessionLive = false;
        if (session != null) {
            session.close();
            session = null;
        }
    }

    // --- publishing -------------------------------------------------------------------------

    private void publish(ChangeCause.Origin origin, List<ObjectChange> changes) {
        if (session == null) {
            return;
        }
        Optional<ChangeCause> cause;
        try {
            cause = published.next(connection.context(), session.objects(), session.foreignPolicies(), session.gaps(), origin, changes);
        } catch (RuntimeException e) {
            // A bug in snapshot building must not take the connection down; say so instead.
            LOG.log(System.Logger.Level.DEBUG, "could not build a snapshot of context " + connection.context(), e);
            setStatus(ConnectionState.ERROR, "Context '" + connection.context() + "': could not build a snapshot ("
                    + e.getClass().getSimpleName() + "). Please report this with the stack trace that --verbose (or NETPOLVIZ_DEBUG=1) prints.",
                    false);
            return;
        }
        if (cause.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "context " + connection.context() + ": new snapshot after " + changes.size()
                + " object changes (" + origin + ")");
        try {
            listener.snapshot(published.snapshot(), cause.get());
        } catch (RuntimeException e) {
            // The listener's problem; the source keeps going.
            LOG.log(System.Logger.Level.ERROR, "the listener failed on a snapshot of context " + connection.context(), e);
        }
        setStatus(status.state(), status.message(), status.retrying());
    }

    // --- plumbing ---------------------------------------------------------------------------

    private void setStatus(ConnectionState state, String message, boolean retrying) {
        ConnectionStatus previous = status;
        String context = connection != null ? connection.context() : previous.context();
        Instant since = previous.state() == state ? previous.since() : Instant.now();
        String safe = connection != null ? connection.redactor().redact(message) : message;
        ConnectionStatus next = new ConnectionStatus(state, context, safe, since, published.lastChange(), retrying);
        if (next.equals(previous)) {
            return;
        }
        status = next;
        LOG.log(System.Logger.Level.DEBUG, () -> "context " + next.context() + ": " + next.state() + (next.retrying() ? " (retrying)" : "")
                + ", " + next.message());
        try {
            listener.status(next);
        } catch (RuntimeException e) {
            // The listener's problem; the source keeps going.
            LOG.log(System.Logger.Level.ERROR, "the listener failed on the status " + next.state() + " of context " + next.context(), e);
        }
    }

    private void post(Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> runLogged(task));
        } catch (RejectedExecutionException e) {
            // Closing: late callbacks from fabric8 have nowhere to go.
        }
    }

    /**
     * Runs a task on the source's thread. The executor would keep a task's exception in a future
     * nobody reads (and stop a periodic task for good), so a bug would vanish without a word: log
     * it, and the source goes on.
     */
    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RejectedExecutionException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.ERROR, "a task of the cluster source could not schedule the next", e);
            }
            // Closing: the executor takes no new work, and none is needed.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a task of the cluster source failed", e);
        }
    }


    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}

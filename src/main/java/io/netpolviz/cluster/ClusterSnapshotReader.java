package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads a cluster once: connects, waits for the first complete snapshot, disconnects. */
public final class ClusterSnapshotReader {

    /** How many transient failures in a row a one-shot read lets the source retry before it gives up. */
    static final int TRANSIENT_FAILURES_TOLERATED = 3;

    private ClusterSnapshotReader() {
    }

    /**
     * The cluster's objects as a snapshot and as manifests; forbidden resources show up as
     * diagnostics in the snapshot.
     *
     * @throws ClusterAccessException when the cluster cannot be read, with a message for the user
     */
    public static ClusterCapture read(ClusterOptions options, Duration timeout) throws ClusterAccessException, InterruptedException {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        ClusterListener listener = new ClusterListener() {
            @Override
            public void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
                outcome.complete(true);
            }

            /** Transient failures seen so far (a timeout, a dropped connection): the source retries those. */
            private int transientFailures;

            @Override
            public void status(ConnectionStatus status) {
                if (status.state() != ConnectionState.ERROR) {
                    return;
                }
                // A read that fails for good (credentials, a missing context) says so at once; a server
                // that did not answer in time gets the source's own retries, a few of them, first.
                if (!status.retrying() || ++transientFailures >= TRANSIENT_FAILURES_TOLERATED) {
                    outcome.completeExceptionally(new ClusterAccessException(status.message()));
                }
            }
        };
        try (ClusterSource source = ClusterSource.open(options, listener)) {
            try {
                outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw (ClusterAccessException) e.getCause();
            } catch (TimeoutException e) {
                throw new ClusterAccessException("No complete read of the cluster within " + timeout.toSeconds()
                        + " s. Last status: " + source.status().display());
            }
            return source.latest().orElseThrow(() -> new ClusterAccessException("The cluster source closed before a read completed."));
        }
    }
}

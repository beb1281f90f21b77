package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads a cluster once: connects, waits for the first complete snapshot, disconnects. */
public final class ClusterSnapshotReader {

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

            @Override
            public void status(ConnectionStatus status) {
                if (status.state() == ConnectionState.ERROR) {
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

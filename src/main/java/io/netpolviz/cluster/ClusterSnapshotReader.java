package io.netpolviz.cluster;

import java.time.Duration;

/** Reads a cluster once: connects, lists what NetPolViz reads, disconnects ({@link OneShotRead}). */
public final class ClusterSnapshotReader {

    /** How many transient failures in a row a one-shot read retries before it gives up. */
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
        return OneShotRead.read(options, TRANSIENT_FAILURES_TOLERATED, timeout);
    }
}

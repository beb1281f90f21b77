package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

/**
 * Receives what a live cluster source sees. Both methods are called on the source's own
 * thread, one call at a time and in order; hand work to another thread (the UI thread, an
 * executor) rather than blocking here.
 */
public interface ClusterListener {

    /** A new snapshot, published only when it differs from the previous one. */
    void snapshot(ClusterSnapshot snapshot, ChangeCause cause);

    /**
     * The status changed: its state, its message, or (after each published snapshot) the time
     * of the last change.
     */
    void status(ConnectionStatus status);
}

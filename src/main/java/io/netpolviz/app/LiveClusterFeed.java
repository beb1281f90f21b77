package io.netpolviz.app;

import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ClusterListener;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ClusterSource;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.model.ClusterSnapshot;

/**
 * One connection to a live cluster as the app sees it: a {@link ClusterSource} whose callbacks,
 * which arrive on the source's own thread, are handed to the UI thread through
 * {@link BackgroundWork#onUiThread}, and dropped there once this feed is closed, so a source
 * that was switched away from can never touch the view again.
 */
public final class LiveClusterFeed implements AutoCloseable {

    /** What the view-model hears, on the UI thread, while the feed is open. */
    public interface Receiver {
        public void snapshot(LiveClusterFeed feed, ClusterSnapshot snapshot, ChangeCause cause);

        public void status(LiveClusterFeed feed, ConnectionStatus status);
    }

    private final ClusterSource source;
    /** Written and read on the UI thread only. */
    private boolean open = true;

    private LiveClusterFeed(ClusterOptions options, BackgroundWork work, Receiver receiver) {
        this.source = ClusterSource.open(options, new ClusterListener() {
            @Override
            public void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
                work.onUiThread(() -> {
                    if (open) {
                        receiver.snapshot(LiveClusterFeed.this, snapshot, cause);
                    }
                });
            }

            @Override
            public void status(ConnectionStatus status) {
                work.onUiThread(() -> {
                    if (open) {
                        receiver.status(LiveClusterFeed.this, status);
                    }
                });
            }
        });
    }

    /** Starts connecting in the background. Call on the UI thread. */
    public static LiveClusterFeed open(ClusterOptions options, BackgroundWork work, Receiver receiver) {
        return new LiveClusterFeed(options, work, receiver);
    }

    /** The source's status now (it may be ahead of what the UI thread has heard). */
    public ConnectionStatus status() {
        return source.status();
    }

    /** Connects again at once, re-reading the kubeconfig; the last snapshot stays until a new one comes. */
    public void reconnect() {
        if (open) {
            source.reconnect();
        }
    }

    /**
     * Stops listening at once and closes the source on a thread of its own: closing waits for the
     * client's connections to end, which must not hold up the UI thread.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        Thread closer = new Thread(source::close, "netpolviz-cluster-close");
        closer.setDaemon(true);
        closer.start();
    }
}

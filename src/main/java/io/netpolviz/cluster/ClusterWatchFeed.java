package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The engine-independent core of a {@code watch} command: connects and hands every status and
 * snapshot (with its cause) to a consumer on the calling thread, in order, until that thread is
 * interrupted. The consumer may compare successive snapshots at leisure: the source keeps
 * following the cluster meanwhile.
 */
public final class ClusterWatchFeed {

    private final ClusterOptions options;

    public ClusterWatchFeed(ClusterOptions options) {
        this.options = options;
    }

    /**
     * Blocks, calling {@code consumer} on this thread, until the thread is interrupted (then it
     * disconnects and throws {@link InterruptedException}) or the consumer throws (then it
     * disconnects and the exception propagates).
     */
    public void run(ClusterListener consumer) throws InterruptedException {
        BlockingQueue<Consumer<ClusterListener>> deliveries = new LinkedBlockingQueue<>();
        ClusterListener forwarder = new ClusterListener() {
            @Override
            public void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
                deliveries.add(target -> target.snapshot(snapshot, cause));
            }

            @Override
            public void status(ConnectionStatus status) {
                deliveries.add(target -> target.status(status));
            }
        };
        try (ClusterSource source = ClusterSource.open(options, forwarder)) {
            while (true) {
                deliveries.take().accept(consumer);
            }
        }
    }
}

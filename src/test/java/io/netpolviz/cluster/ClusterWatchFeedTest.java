package io.netpolviz.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterWatchFeedTest {

    @TempDir
    Path temp;

    @Test
    void forwardsSnapshotsAndCausesOnTheCallingThreadUntilInterrupted() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            RecordingListener received = new RecordingListener();
            AtomicReference<Thread> deliveredOn = new AtomicReference<>();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            ClusterWatchFeed feed = new ClusterWatchFeed(cluster.options(temp));
            Thread watcher = new Thread(() -> {
                try {
                    feed.run(new ClusterListener() {
                        @Override
                        public void snapshot(io.netpolviz.model.ClusterSnapshot snapshot, ChangeCause cause) {
                            deliveredOn.set(Thread.currentThread());
                            received.snapshot(snapshot, cause);
                        }

                        @Override
                        public void status(ConnectionStatus status) {
                            received.status(status);
                        }
                    });
                } catch (Throwable e) {
                    ended.set(e);
                }
            }, "watch-command");
            watcher.start();

            received.awaitSnapshot(p -> p.cause().origin() == ChangeCause.Origin.INITIAL_READ);
            cluster.admin().resource(Fixtures.denyAllIngress("shop", "lockdown")).create();
            RecordingListener.Published change = received.awaitSnapshot(1, p -> true);

            assertEquals(new ObjectChange("NetworkPolicy", "shop", "lockdown", ChangeType.ADDED), change.cause().first());
            assertEquals(watcher, deliveredOn.get());
            assertEquals(ConnectionState.CONNECTED, received.statuses().get(received.statuses().size() - 1).state());

            cluster.stop();
            watcher.interrupt();
            watcher.join(10_000);
            assertFalse(watcher.isAlive());
            assertInstanceOf(InterruptedException.class, ended.get());
        }
    }

    @Test
    void aConsumerThatThrowsEndsTheFeed() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.admin().resource(Fixtures.pod("shop", "web", Map.of())).create();
            ClusterWatchFeed feed = new ClusterWatchFeed(cluster.options(temp));
            IllegalStateException stop = new IllegalStateException("enough");

            Throwable thrown = null;
            try {
                feed.run(new ClusterListener() {
                    @Override
                    public void snapshot(io.netpolviz.model.ClusterSnapshot snapshot, ChangeCause cause) {
                        cluster.stop();
                        throw stop;
                    }

                    @Override
                    public void status(ConnectionStatus status) {
                    }
                });
            } catch (IllegalStateException e) {
                thrown = e;
            }

            assertTrue(thrown == stop);
        }
    }
}

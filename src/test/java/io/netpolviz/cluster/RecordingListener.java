package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every snapshot, cause and status a source publishes, and waits for the one a test expects. */
final class RecordingListener implements ClusterListener {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    record Published(ClusterSnapshot snapshot, ChangeCause cause, long atNanos) {
    }

    private final List<Published> snapshots = new ArrayList<>();
    private final List<ConnectionStatus> statuses = new ArrayList<>();

    @Override
    public synchronized void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
        snapshots.add(new Published(snapshot, cause, System.nanoTime()));
        notifyAll();
    }

    @Override
    public synchronized void status(ConnectionStatus status) {
        statuses.add(status);
        notifyAll();
    }

    synchronized List<Published> snapshots() {
        return List.copyOf(snapshots);
    }

    synchronized List<ConnectionStatus> statuses() {
        return List.copyOf(statuses);
    }

    synchronized int snapshotCount() {
        return snapshots.size();
    }

    /** The first snapshot published after the first {@code skip} that satisfies {@code wanted}. */
    synchronized Published awaitSnapshot(int skip, Predicate<Published> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (int i = skip; i < snapshots.size(); i++) {
                if (wanted.test(snapshots.get(i))) {
                    return snapshots.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such snapshot within " + PATIENCE + "; published: "
                        + snapshots.stream().map(p -> p.cause().display()).toList() + "; statuses: " + statusTexts());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized Published awaitSnapshot(Predicate<Published> wanted) throws InterruptedException {
        return awaitSnapshot(0, wanted);
    }

    synchronized ConnectionStatus awaitStatus(Predicate<ConnectionStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int seen = 0;
        while (true) {
            for (int i = seen; i < statuses.size(); i++) {
                if (wanted.test(statuses.get(i))) {
                    return statuses.get(i);
                }
            }
            seen = statuses.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such status within " + PATIENCE + "; statuses: " + statusTexts());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized ConnectionStatus awaitState(ConnectionState state) throws InterruptedException {
        return awaitStatus(status -> status.state() == state);
    }

    private List<String> statusTexts() {
        return statuses.stream().map(ConnectionStatus::display).toList();
    }
}

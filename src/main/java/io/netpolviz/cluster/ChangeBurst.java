package io.netpolviz.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The watch events of one burst, let out as one update: once the cluster has been quiet for
 * the debounce, or when the oldest event has waited the longest delay, whichever comes first,
 * with one change per object. Confined to the source's thread, on which it schedules its checks.
 */
final class ChangeBurst {

    /** Runs a task on the source's thread after a delay. */
    @FunctionalInterface
    interface Scheduler {
        ScheduledFuture<?> schedule(Runnable task, long delayNanos);
    }

    private final Scheduler scheduler;
    private final ClusterOptions.Timing timing;
    private final Consumer<List<ObjectChange>> release;
    private final List<ObjectChange> pending = new ArrayList<>();
    private ScheduledFuture<?> flush;
    private long firstPendingAt;
    private long lastPendingAt;

    /** @param release hears the coalesced changes of a finished burst */
    ChangeBurst(Scheduler scheduler, ClusterOptions.Timing timing, Consumer<List<ObjectChange>> release) {
        this.scheduler = scheduler;
        this.timing = timing;
        this.release = release;
    }

    void add(ObjectChange change) {
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            firstPendingAt = now;
        }
        pending.add(change);
        lastPendingAt = now;
        if (flush == null) {
            flush = scheduler.schedule(this::flush, timing.debounce().toNanos());
        }
    }

    /** Drops the burst: its session ended, and the next one starts with a full read. */
    void clear() {
        if (flush != null) {
            flush.cancel(false);
            flush = null;
        }
        pending.clear();
    }

    private void flush() {
        flush = null;
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long quietFor = now - lastPendingAt;
        long waited = now - firstPendingAt;
        long debounce = timing.debounce().toNanos();
        long maxDelay = timing.maxDelay().toNanos();
        if (quietFor < debounce && waited < maxDelay) {
            long delay = Math.min(debounce - quietFor, maxDelay - waited);
            flush = scheduler.schedule(this::flush, delay);
            return;
        }
        List<ObjectChange> changes = coalesce(pending);
        pending.clear();
        release.accept(changes);
    }

    /**
     * One change per object, in the order objects first changed: added then modified is
     * added, modified then deleted is deleted, deleted then added again is modified, and
     * added then deleted is nothing at all.
     */
    static List<ObjectChange> coalesce(List<ObjectChange> changes) {
        Map<ObjectKey, ChangeType> net = new LinkedHashMap<>();
        for (ObjectChange change : changes) {
            ObjectKey key = new ObjectKey(change.kind(), change.namespace(), change.name());
            ChangeType before = net.get(key);
            ChangeType after = before == null ? change.type() : switch (before) {
                case ADDED -> change.type() == ChangeType.DELETED ? null : ChangeType.ADDED;
                case MODIFIED -> change.type() == ChangeType.DELETED ? ChangeType.DELETED : ChangeType.MODIFIED;
                case DELETED -> change.type() == ChangeType.DELETED ? ChangeType.DELETED : ChangeType.MODIFIED;
            };
            if (after == null) {
                net.remove(key);
            } else {
                net.put(key, after);
            }
        }
        List<ObjectChange> result = new ArrayList<>();
        net.forEach((key, type) -> result.add(key.change(type)));
        return result;
    }
}

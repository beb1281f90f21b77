package io.netpolviz.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps one {@link FolderWatcher} on the open place. Registering a watcher walks the folder's
 * tree, so replacing one runs on the background worker (its own lane); a change it sees reaches
 * the UI thread only while its place is still the one watched, so a watcher on its way out can
 * never reload what replaced it.
 */
public final class PlaceWatch implements AutoCloseable {

    private final BackgroundWork work;
    private final boolean enabled;
    private final Runnable onChange;
    /** The watcher running; replaced on the worker, closed from the UI thread by {@link #close}. */
    private FolderWatcher running;
    private boolean closed;
    /** Stands for the place last asked to be watched; its watcher's changes are the only ones that count. UI thread only. */
    private Object wanted = new Object();

    /**
     * @param enabled whether to watch at all (tests and the CLI need no watcher)
     * @param onChange runs on the UI thread after a burst of changes to the place watched
     */
    public PlaceWatch(BackgroundWork work, boolean enabled, Runnable onChange) {
        this.work = work;
        this.enabled = enabled;
        this.onChange = onChange;
    }

    /**
     * Watches {@code place} instead of what was watched; an empty place (a live cluster) stops
     * watching. Call on the UI thread.
     *
     * @param failed hears on the UI thread why the place cannot be watched
     */
    public void watch(List<Path> place, Consumer<Throwable> failed) {
        Object token = new Object();
        wanted = token;
        if (!enabled) {
            return;
        }
        Runnable changed = () -> work.onUiThread(() -> {
            if (wanted == token) {
                onChange.run();
            }
        });
        work.submit(BackgroundWork.Lane.WATCH, progress -> replace(place.isEmpty() ? null : place, changed),
                new BackgroundWork.Delivery<Boolean>() {
                    @Override
                    public void result(Boolean watching) {
                    }

                    @Override
                    public void failure(Throwable error) {
                        failed.accept(error);
                    }
                });
    }

    /** Stops watching: changes already seen are dropped, and the watcher closes on the worker. */
    public void stop() {
        watch(List.of(), error -> { });
    }

    /** Runs on the worker, one at a time: closes the running watcher and starts one on {@code place} (null: none). */
    private Boolean replace(List<Path> place, Runnable changed) throws IOException {
        FolderWatcher old;
        synchronized (this) {
            old = running;
            running = null;
        }
        if (old != null) {
            old.close();
        }
        if (place == null) {
            return false;
        }
        FolderWatcher fresh = FolderWatcher.watch(place, changed);
        synchronized (this) {
            if (!closed) {
                running = fresh;
                return true;
            }
        }
        fresh.close();
        return false;
    }

    /** Closes the watcher now, and any that a pending replacement would start. */
    @Override
    public void close() {
        wanted = new Object();
        FolderWatcher old;
        synchronized (this) {
            closed = true;
            old = running;
            running = null;
        }
        if (old != null) {
            old.close();
        }
    }
}

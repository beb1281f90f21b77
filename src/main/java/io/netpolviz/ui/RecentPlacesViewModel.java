package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.app.RecentPlaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The places opened lately, newest first, for the Open recent menu. They live in the user's
 * preferences, which are read and written off the JavaFX thread: changes queue up here and the
 * next background write applies every one still queued, in order, so a write that went stale
 * before it ran loses nothing.
 */
public final class RecentPlacesViewModel {

    private final BackgroundWork work;
    private final RecentPlaces store;
    /** Changes to the store not written yet; added on the JavaFX thread, applied on the worker. */
    private final Queue<Consumer<RecentPlaces>> unwritten = new ConcurrentLinkedQueue<>();
    private final ObservableList<List<Path>> places = FXCollections.observableArrayList();
    // One read-only view, kept: views hold their listeners weakly (see SwitchesViewModel).
    private final ObservableList<List<Path>> placesView = FXCollections.unmodifiableObservableList(places);

    RecentPlacesViewModel(BackgroundWork work, RecentPlaces store) {
        this.work = work;
        this.store = store;
        write();
    }

    /** Forgets every recent place. */
    public void clear() {
        places.clear();
        unwritten.add(RecentPlaces::clear);
        write();
    }

    /** Puts a place first. */
    void remember(List<Path> place) {
        unwritten.add(recent -> recent.remember(place));
        write();
    }

    /** Writes what is still queued now, on the calling thread: the app is closing. */
    void flush() {
        if (!unwritten.isEmpty()) {
            writeAll();
        }
    }

    private void write() {
        work.submit(Lane.RECENT, progress -> writeAll(), places::setAll);
    }

    private List<List<Path>> writeAll() {
        synchronized (store) {
            for (Consumer<RecentPlaces> change = unwritten.poll(); change != null; change = unwritten.poll()) {
                change.accept(store);
            }
            return store.list();
        }
    }

    /** Newest first. */
    public ObservableList<List<Path>> places() {
        return placesView;
    }
}

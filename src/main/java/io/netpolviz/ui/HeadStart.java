package io.netpolviz.ui;

import io.netpolviz.model.ClusterSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A source of snapshots that starts reading the manifests named on the command line at once, on
 * a thread of its own, while JavaFX starts and the window is built (about a second and a half
 * on a cold JVM, that the read would otherwise wait behind). The first request for the same
 * files takes that read, finished or not; every other request reads afresh.
 */
final class HeadStart implements ManifestSource {

    /** A read already under way, of these files. */
    private record Early(List<Path> paths, FutureTask<ClusterSnapshot> read) {
    }

    private final ManifestSource loader;
    private final AtomicReference<Early> early = new AtomicReference<>();

    private HeadStart(ManifestSource loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** A source that reads through {@code loader} and has nothing read ahead. */
    static HeadStart none(ManifestSource loader) {
        return new HeadStart(loader);
    }

    /**
     * Starts reading {@code place} as the app will open it (a folder of numbered steps at its last
     * step) and returns the source that hands the result over.
     */
    static HeadStart begin(ManifestSource loader, List<Path> place) {
        HeadStart source = new HeadStart(loader);
        List<Path> paths = WorkspaceLoader.pathsToRead(place);
        FutureTask<ClusterSnapshot> read = new FutureTask<>(() -> loader.load(paths));
        source.early.set(new Early(paths, read));
        Thread thread = new Thread(read, "netpolviz-head-start");
        thread.setDaemon(true);
        thread.start();
        return source;
    }

    @Override
    public ClusterSnapshot load(List<Path> paths) throws Exception {
        Early head = early.getAndSet(null);
        if (head == null || !head.paths().equals(paths)) {
            return loader.load(paths);
        }
        try {
            return head.read().get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw failed;
        }
    }
}

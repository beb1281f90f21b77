package io.netpolviz.app;

import io.netpolviz.cluster.ClusterAccessException;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ClusterSnapshotReader;
import io.netpolviz.load.GitRevisionReader;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.view.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the side the open picture is compared with — a folder or files, the open folder as a git
 * revision holds it, or one snapshot of a cluster — and evaluates it. Runs on the worker. A side
 * that cannot be read at all is an {@link IOException} with the reason; problems inside files
 * stay diagnostics of the side, as when a folder is opened.
 */
public final class ComparisonSources {

    /** How long one read of a cluster may take. */
    static final Duration CLUSTER_READ_TIMEOUT = Duration.ofSeconds(30);

    private ComparisonSources() {
    }

    public static Comparison folder(List<Path> place) throws IOException {
        for (Path path : place) {
            if (!Files.exists(path)) {
                throw new IOException(path + " does not exist");
            }
        }
        String name = place.stream().map(path -> path.getFileName() == null ? path.toString() : path.getFileName().toString())
                .collect(Collectors.joining(", "));
        return Comparison.of(name, new ManifestLoader().load(place));
    }

    /** The folder (or file) {@code path} as revision {@code revision} of its repository holds it. */
    public static Comparison gitRevision(String revision, Path path) throws IOException {
        try {
            ClusterSnapshot snapshot = new GitRevisionReader(new ManifestLoader()).read(revision, path);
            return Comparison.of("git:" + revision, snapshot);
        } catch (GitRevisionReader.GitSourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One snapshot of a cluster (the view does not follow it). */
    public static Comparison cluster(ClusterOptions options) throws IOException, InterruptedException {
        try {
            ClusterSnapshot snapshot = ClusterSnapshotReader.read(options, CLUSTER_READ_TIMEOUT).snapshot();
            return Comparison.of(snapshot.sourceName(), snapshot);
        } catch (ClusterAccessException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

package io.netpolviz.cli;

import io.netpolviz.cluster.ClusterAccessException;
import io.netpolviz.cluster.ClusterCapture;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ClusterSnapshotReader;
import io.netpolviz.model.ClusterSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** Reads a live cluster for the commands that take {@code --kubeconfig} (or {@code --context}). */
final class LiveClusterSource {

    /** How long one read may take before the command gives up with the reason. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private LiveClusterSource() {
    }

    /** Whether the arguments name a live cluster rather than manifests. */
    static boolean requested(Arguments arguments) {
        return arguments.option("kubeconfig").isPresent() || arguments.option("context").isPresent();
    }

    static ClusterOptions options(Arguments arguments) {
        Path kubeconfig = arguments.option("kubeconfig").map(Path::of).orElse(null);
        Set<String> namespaces = new TreeSet<>(arguments.options("namespace"));
        return ClusterOptions.of(kubeconfig, arguments.option("context").orElse(null), namespaces);
    }

    static ClusterSnapshot load(Arguments arguments) throws UsageException {
        return capture(arguments).snapshot();
    }

    static ClusterCapture capture(Arguments arguments) throws UsageException {
        return capture(options(arguments));
    }

    /** Reads the cluster the options name, once. */
    static ClusterSnapshot read(ClusterOptions options) {
        return capture(options).snapshot();
    }

    private static ClusterCapture capture(ClusterOptions options) {
        try {
            return ClusterSnapshotReader.read(options, READ_TIMEOUT);
        } catch (ClusterAccessException e) {
            throw new ClusterUnavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailable("interrupted while reading the cluster");
        }
    }

    /** The cluster could not be read: not a usage error, so it is reported and exits with 1. */
    static final class ClusterUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClusterUnavailable(String message) {
            super(message);
        }
    }
}

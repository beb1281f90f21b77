package io.netpolviz.cli;

import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.load.GitRevisionReader;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.load.ParsedTexts;
import io.netpolviz.model.ClusterSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One side of {@code diff}, as written on the command line: manifest files or folders
 * ({@code a.yaml,b.yaml} for several), a live cluster ({@code cluster}, or {@code cluster:CONTEXT}),
 * or a folder as a git revision holds it ({@code git:REV:PATH}). The role, {@code before} or
 * {@code after}, names the side in every message and picks its own cluster options
 * ({@code --before-kubeconfig}, {@code --after-namespace}) over the shared ones.
 */
final class DiffSide {

    enum Kind { MANIFESTS, CLUSTER, GIT }

    /** Thrown when a side cannot be read at all (a missing folder, an unknown revision): there is nothing to compare. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private final String role;
    private final String written;
    private final Kind kind;
    private final List<Path> paths;
    private final String context;
    private final String revision;

    private DiffSide(String role, String written, Kind kind, List<Path> paths, String context, String revision) {
        this.role = role;
        this.written = written;
        this.kind = kind;
        this.paths = List.copyOf(paths);
        this.context = context;
        this.revision = revision;
    }

    static DiffSide parse(String role, String written) throws UsageException {
        if (written.isBlank()) {
            throw new UsageException(role + " side is empty: give a folder or files, cluster[:CONTEXT] or git:REV:PATH");
        }
        if (written.equals("cluster") || written.startsWith("cluster:")) {
            String context = written.equals("cluster") ? null : written.substring("cluster:".length());
            if (context != null && context.isEmpty()) {
                throw new UsageException(role + " side 'cluster:' names no context: write cluster for the current one, or cluster:CONTEXT");
            }
            return new DiffSide(role, written, Kind.CLUSTER, List.of(), context, null);
        }
        if (written.startsWith("git:")) {
            String rest = written.substring("git:".length());
            int colon = rest.indexOf(':');
            String revision = colon < 0 ? rest : rest.substring(0, colon);
            String path = colon < 0 ? "" : rest.substring(colon + 1);
            if (revision.isEmpty()) {
                throw new UsageException(role + " side '" + written + "' names no revision: write git:REV:PATH, e.g. git:main:deploy/policies");
            }
            return new DiffSide(role, written, Kind.GIT, List.of(Path.of(path.isEmpty() ? "." : path)), null, revision);
        }
        // A path that exists as written is one path even if its name holds a comma.
        List<Path> paths = new ArrayList<>();
        if (Files.exists(Path.of(written))) {
            paths.add(Path.of(written));
        } else {
            for (String part : written.split(",")) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException(role + " side '" + written + "' names no file or folder");
        }
        return new DiffSide(role, written, Kind.MANIFESTS, paths, null, null);
    }

    String role() {
        return role;
    }

    Kind kind() {
        return kind;
    }

    /** The side as the user wrote it, for titles and messages. */
    String written() {
        return written;
    }

    /** The cluster this side reads: its own options first ({@code --before-kubeconfig}), then the shared ones. */
    ClusterOptions clusterOptions(Arguments arguments) {
        Path kubeconfig = arguments.option(role + "-kubeconfig").or(() -> arguments.option("kubeconfig")).map(Path::of).orElse(null);
        List<String> own = arguments.options(role + "-namespace");
        Set<String> namespaces = new TreeSet<>(own.isEmpty() ? arguments.options("namespace") : own);
        String chosen = context != null ? context : arguments.option("context").orElse(null);
        return ClusterOptions.of(kubeconfig, chosen, namespaces);
    }

    /**
     * Reads the side. Problems inside files are diagnostics of the snapshot; a side with nothing to
     * read at all is {@link Unreadable}.
     *
     * @param shared texts parsed by either side, for the files both have
     * @param parseAhead whether to parse this side's files last first before loading them, while
     *     the other side loads first to last (give it to one side only)
     */
    ClusterSnapshot load(Arguments arguments, ParsedTexts shared, boolean parseAhead) throws Unreadable {
        switch (kind) {
            case CLUSTER -> {
                try {
                    return LiveClusterSource.read(clusterOptions(arguments));
                } catch (LiveClusterSource.ClusterUnavailable e) {
                    throw new Unreadable(e.getMessage());
                }
            }
            case GIT -> {
                try {
                    return new GitRevisionReader(new ManifestLoader(shared)).read(revision, paths.get(0));
                } catch (GitRevisionReader.GitSourceException e) {
                    throw new Unreadable(e.getMessage());
                }
            }
            default -> {
                Optional<Path> missing = paths.stream().filter(path -> !Files.exists(path)).findFirst();
                if (missing.isPresent()) {
                    throw new Unreadable(missing.get() + " does not exist; check the path (several files are written a.yaml,b.yaml)");
                }
                ManifestLoader loader;
                try {
                    loader = new ManifestLoader(shared).withChartValues(SourceOptions.chartValues(arguments));
                } catch (UsageException e) {
                    throw new Unreadable(e.getMessage());
                }
                if (parseAhead) {
                    loader.parseAhead(paths);
                }
                return loader.load(paths);
            }
        }
    }
}

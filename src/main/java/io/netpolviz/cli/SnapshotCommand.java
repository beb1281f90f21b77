package io.netpolviz.cli;

import io.netpolviz.cluster.ClusterCapture;
import io.netpolviz.cluster.SnapshotWriter;
import io.netpolviz.model.ClusterSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code snapshot}: saves a live cluster's namespaces, workloads, services and policies as
 * manifests (status and secrets stripped), to study it offline or in a classroom.
 */
final class SnapshotCommand implements Command {

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String usage() {
        return "snapshot --kubeconfig FILE [--context NAME] [--namespace NS]... --out DIR";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(SourceOptions.VALUED);
        options.remove("off");
        options.add("out");
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + arguments.positional().get(0) + "'");
        }
        if (!LiveClusterSource.requested(arguments)) {
            throw new UsageException("name the cluster with --kubeconfig FILE (and --context NAME)");
        }
        Path out = arguments.option("out").map(Path::of).orElseThrow(() -> new UsageException("--out DIR is required"));
        ClusterCapture capture = LiveClusterSource.capture(arguments);
        ClusterSnapshot snapshot = capture.snapshot();
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        try {
            List<Path> written = SnapshotWriter.write(capture, out);
            for (Path file : written) {
                terminal.printLine(file);
            }
        } catch (IOException e) {
            terminal.printErrorLine("netpolviz snapshot: cannot write to " + out + ": " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        }
        return SourceOptions.exitCode(snapshot);
    }
}

package io.netpolviz.cli;

import io.netpolviz.load.ChartValues;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options every command shares to name its input — manifest paths, or a live cluster — and
 * the what-if {@code --off NS/POLICY} switches.
 */
final class SourceOptions {

    static final Set<String> VALUED = Set.of("off", "kubeconfig", "context", "namespace", "values", "set");

    private SourceOptions() {
    }

    /** The shared valued options and a command's own. */
    static Set<String> valuedWith(String... more) {
        Set<String> options = new java.util.HashSet<>(VALUED);
        options.addAll(Set.of(more));
        return options;
    }

    /** Loads the snapshot from the given manifest paths. */
    static ClusterSnapshot load(List<String> paths, Arguments arguments) throws UsageException {
        if (LiveClusterSource.requested(arguments)) {
            if (!paths.isEmpty()) {
                throw new UsageException("give either manifest paths or --kubeconfig, not both");
            }
            return LiveClusterSource.load(arguments);
        }
        if (paths.isEmpty()) {
            throw new UsageException("name the manifests: a file or a folder (or --kubeconfig FILE for a live cluster)");
        }
        if (!arguments.options("namespace").isEmpty()) {
            throw new UsageException("--namespace goes with --kubeconfig or --context");
        }
        return new ManifestLoader().withChartValues(chartValues(arguments)).load(paths.stream().map(Path::of).toList());
    }

    /** What {@code --values FILE} and {@code --set key=value} (both repeatable) give a Helm chart, as helm template takes them. */
    static ChartValues chartValues(Arguments arguments) throws UsageException {
        List<Path> files = new java.util.ArrayList<>();
        for (String file : arguments.options("values")) {
            if (!Files.isRegularFile(Path.of(file))) {
                throw new UsageException("--values " + file + ": no such file; give a Helm values file");
            }
            files.add(Path.of(file));
        }
        for (String setting : arguments.options("set")) {
            if (setting.indexOf('=') <= 0) {
                throw new UsageException("--set " + setting + ": write it key=value, as helm template --set takes it");
            }
        }
        return new ChartValues(files, arguments.options("set"));
    }

    static Set<PolicyId> switchedOff(Arguments arguments, ClusterSnapshot snapshot) throws UsageException {
        Set<PolicyId> off = new TreeSet<>();
        for (String text : arguments.options("off")) {
            PolicyId id;
            try {
                id = PolicyId.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--off " + e.getMessage());
            }
            if (snapshot.policy(id).isEmpty() && snapshot.clusterPolicy(id).isEmpty() && snapshot.ciliumPolicy(id).isEmpty()
                    && snapshot.calico().policies().stream().noneMatch(calico -> calico.id().equals(id))) {
                throw new UsageException("--off " + id + ": no such policy (policies are named NAMESPACE/NAME, cluster-wide ones"
                        + " KIND/NAME such as ClusterNetworkPolicy/NAME, Cilium's KIND/NAMESPACE/NAME such as"
                        + " CiliumNetworkPolicy/default/rule1, Calico's GlobalNetworkPolicy/NAME and calico:NAMESPACE/NAME)");
            }
            off.add(id);
        }
        return off;
    }

    static void printDiagnostics(ClusterSnapshot snapshot, PrintStream err) {
        for (Diagnostic diagnostic : snapshot.diagnostics()) {
            Terminal.printLine(err, diagnostic.display());
        }
    }

    static int exitCode(ClusterSnapshot snapshot) {
        return snapshot.isComplete() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }
}

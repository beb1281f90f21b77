package io.netpolviz.cli;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.Set;

/** The options {@code paths} and {@code reach} share: nodes by name ({@code ext:internet} too), {@code --max-hops}, {@code --format}. */
final class AttackOptions {

    /** Far enough for any cluster NetPolViz draws; a path longer than the workloads it has cannot be shortest. */
    static final int NO_LIMIT = Integer.MAX_VALUE;

    private AttackOptions() {
    }

    static Set<String> valued(String... more) {
        Set<String> options = SourceOptions.valuedWith(more);
        options.addAll(Set.of("max-hops", "format"));
        return options;
    }

    static int maxHops(Arguments arguments) throws UsageException {
        String text = arguments.option("max-hops").orElse(null);
        if (text == null) {
            return NO_LIMIT;
        }
        try {
            int hops = Integer.parseInt(text);
            if (hops >= 1) {
                return hops;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--max-hops " + text + ": give a whole number of hops, 1 or more");
    }

    static boolean json(Arguments arguments) throws UsageException {
        String format = arguments.option("format").orElse("txt");
        if (!format.equals("txt") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "': use txt or json");
        }
        return format.equals("json");
    }

    /** The node an option names, checked against the graph. */
    static String node(Arguments arguments, String option, AttackGraph graph, PolicyEngine engine) throws UsageException {
        String name = arguments.option(option).orElseThrow(() -> new UsageException("--" + option + " NODE is missing: a workload as"
                + " NAMESPACE/NAME, or " + AttackGraph.INTERNET + " for any address outside the cluster"));
        if (!graph.knows(name)) {
            throw new UsageException("unknown node '" + name + "' for --" + option + ": name a workload or pod as NAMESPACE/NAME, or "
                    + AttackGraph.INTERNET + ". Known: "
                    + String.join(", ", engine.workloadEndpoints().stream().map(Endpoint::id).limit(12).toList()));
        }
        return name;
    }

    /** The cluster a command answers over: read, evaluated with its switches, and as an attack graph. */
    record Opened(ClusterSnapshot snapshot, PolicyEngine engine, Evaluation evaluation, AttackGraph graph) {
    }

    /**
     * Reads the one PATH (or the live cluster) and evaluates it.
     *
     * @param example the rest of a command line that works, for the usage message
     */
    static Opened open(Arguments arguments, Terminal terminal, String example) throws UsageException {
        boolean live = LiveClusterSource.requested(arguments);
        if (arguments.positional().size() != (live ? 0 : 1)) {
            throw new UsageException("expected " + (live ? "no PATH with --kubeconfig" : "one PATH") + ", e.g. " + example);
        }
        ClusterSnapshot snapshot = SourceOptions.load(arguments.positional(), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate(SourceOptions.switchedOff(arguments, snapshot));
        return new Opened(snapshot, engine, evaluation, AttackGraph.of(evaluation));
    }

    static String hops(int hops) {
        return hops + (hops == 1 ? " hop" : " hops");
    }
}

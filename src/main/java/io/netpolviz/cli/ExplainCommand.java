package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code explain}: the full reasoning for one connection, written for a learner. */
final class ExplainCommand implements Command {

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String usage() {
        return "explain (PATH | --kubeconfig FILE [--context NAME] [--namespace NS]...) SRC DST PORT/PROTOCOL [--off NS/POLICY]...";
    }

    @Override
    public Set<String> valuedOptions() {
        return new HashSet<>(SourceOptions.VALUED);
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        List<String> positional = arguments.positional();
        boolean live = LiveClusterSource.requested(arguments);
        int expected = live ? 3 : 4;
        if (positional.size() != expected) {
            throw new UsageException("expected " + (live ? "" : "PATH ") + "SRC DST PORT/PROTOCOL, e.g. "
                    + (live ? "" : "sample-clusters/01-tutorial ") + "production/frontend production/backend-api 8080/TCP");
        }
        List<String> paths = live ? List.of() : List.of(positional.get(0));
        List<String> connection = positional.subList(live ? 0 : 1, positional.size());
        ConnectionArguments.PortAndProtocol port = ConnectionArguments.portAndProtocol(connection.get(2));
        ClusterSnapshot snapshot = SourceOptions.load(paths, arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<Endpoint> sources = resolve(engine, connection.get(0));
        List<Endpoint> destinations = resolve(engine, connection.get(1));
        Evaluation evaluation = engine.evaluate(SourceOptions.switchedOff(arguments, snapshot));
        Explainer explainer = new Explainer(evaluation);
        boolean several = sources.size() > 1 || destinations.size() > 1;
        if (several) {
            terminal.printLine("The pods of " + (sources.size() > 1 ? connection.get(0) : connection.get(1))
                    + " do not all carry their template's labels, and policies select pods by the pods' own labels;"
                    + " each group of them is explained on its own.");
        }
        for (Endpoint source : sources) {
            for (Endpoint destination : destinations) {
                if (several) {
                    terminal.printLine("");
                    terminal.printLine("== from " + NamedEndpoints.describe(source) + " to " + NamedEndpoints.describe(destination));
                }
                terminal.out().print(explainer.explain(evaluation.verdict(source, destination, port.protocol(), port.port())));
            }
        }
        // The app's warnings about either end, where a learner reads the explanation.
        Set<String> ends = new HashSet<>();
        sources.forEach(endpoint -> ends.add(endpoint.id()));
        destinations.forEach(endpoint -> ends.add(endpoint.id()));
        List<LintFinding> concerning = Warnings.asTheAppShowsThem(evaluation).stream()
                .filter(finding -> finding.endpointIds().stream().anyMatch(ends::contains)).toList();
        if (!concerning.isEmpty()) {
            terminal.printLine("");
            terminal.printLine("Warnings about these endpoints:");
            concerning.forEach(finding -> terminal.printLine("  " + Warnings.line(finding)));
        }
        return SourceOptions.exitCode(snapshot);
    }

    private static List<Endpoint> resolve(PolicyEngine engine, String text) throws UsageException {
        List<Endpoint> endpoints = engine.resolveAll(text);
        if (endpoints.isEmpty()) {
            throw new UsageException(NamedEndpoints.unknown(engine, text));
        }
        return endpoints;
    }
}

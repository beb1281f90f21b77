package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
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
        Endpoint source = ConnectionArguments.endpoint(engine, connection.get(0));
        Endpoint destination = ConnectionArguments.endpoint(engine, connection.get(1));
        Evaluation evaluation = engine.evaluate(SourceOptions.switchedOff(arguments, snapshot));
        terminal.out().print(new Explainer(evaluation).explain(evaluation.verdict(source, destination, port.protocol(), port.port())));
        return SourceOptions.exitCode(snapshot);
    }
}

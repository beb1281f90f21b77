package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.PolicyEngine;
import java.util.Set;

/**
 * {@code analyze}: every ordered pair of workloads and external peers, with what is allowed, and the
 * diagnostics; the app's warnings follow on standard error.
 */
final class AnalyzeCommand implements Command {

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String usage() {
        return "analyze (PATH... | --kubeconfig FILE [--context NAME] [--namespace NS]...) [--format txt|json|csv|md|dot] [--off NS/POLICY]...";
    }

    @Override
    public Set<String> valuedOptions() {
        return SourceOptions.valuedWith("format");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        String formatName = arguments.option("format").orElse("txt");
        ReportFormat format = ReportFormat.parse(formatName)
                .orElseThrow(() -> new UsageException("unknown format '" + formatName + "': use txt, json, csv, md or dot"));
        ClusterSnapshot snapshot = SourceOptions.load(arguments.positional(), arguments);
        if (format == ReportFormat.CSV || format == ReportFormat.DOT) {
            // These formats have no place for diagnostics: they go to standard error.
            SourceOptions.printDiagnostics(snapshot, terminal.err());
        }
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate(SourceOptions.switchedOff(arguments, snapshot));
        format.write(AnalysisReport.of(evaluation), terminal.out());
        // The app's warnings, on standard error so that every format's output stays as it is.
        Warnings.print(evaluation, Warnings.asTheAppShowsThem(evaluation), terminal.err());
        // As netpol-analyzer warns: an Ingress or Route whose workload the policies close to the controller.
        IngressControllerReach.of(evaluation).stream().filter(target -> target.allowed().isEmpty())
                .forEach(target -> terminal.printErrorLine("warning: " + target.explanation()));
        return SourceOptions.exitCode(snapshot);
    }
}

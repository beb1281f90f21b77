package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PolicyLint;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lint}: only the warnings, for a CI step that should fail on the classic mistakes. Exit 0
 * when there are none, 4 when there are some, 1 when the input itself had errors (its diagnostics
 * on standard error, the warnings still printed).
 */
final class LintCommand implements Command {

    /** Warnings were found: a CI step can fail on it without confusing it with broken input. */
    static final int FOUND = 4;

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String usage() {
        return "lint (PATH... | --kubeconfig FILE [--context NAME] [--namespace NS]...) [--format txt|json|md] [--off NS/POLICY]...";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(SourceOptions.VALUED);
        options.add("format");
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        String format = arguments.option("format").orElse("txt");
        if (!List.of("txt", "json", "md").contains(format)) {
            throw new UsageException("unknown format '" + format + "': use txt, json or md");
        }
        ClusterSnapshot snapshot = SourceOptions.load(arguments.positional(), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate(SourceOptions.switchedOff(arguments, snapshot));
        List<LintFinding> findings = PolicyLint.lint(evaluation);
        switch (format) {
            case "json" -> {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("source", snapshot.sourceName());
                document.put("warnings", findings.stream().map(Warnings::json).toList());
                terminal.out().print(Json.write(document) + "\n");
            }
            case "md" -> {
                terminal.printLine("| severity | kind | policy | message |");
                terminal.printLine("|---|---|---|---|");
                for (LintFinding finding : findings) {
                    terminal.printLine("| " + Warnings.word(finding.severity()) + " | " + Warnings.json(finding).get("kind") + " | "
                            + (finding.policy() == null ? "" : finding.policy()) + " | " + finding.message().replace("|", "\\|") + " |");
                }
            }
            default -> {
                findings.forEach(finding -> terminal.printLine(Warnings.line(finding)));
                terminal.printLine(findings.isEmpty() ? "No warnings: none of the usual mistakes found."
                        : findings.size() + (findings.size() == 1 ? " warning." : " warnings."));
            }
        }
        if (!snapshot.isComplete()) {
            return ExitCode.INPUT_ERRORS;
        }
        return findings.isEmpty() ? ExitCode.OK : FOUND;
    }
}

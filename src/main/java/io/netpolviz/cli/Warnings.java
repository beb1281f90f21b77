package io.netpolviz.cli;

import io.netpolviz.model.Severity;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyLint;
import io.netpolviz.view.WorkspaceEvaluator;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warnings the app shows beside the diagram (a half-open path, deny-all egress without DNS, a
 * policy that selects nothing, a peer that matches nothing, a named port nobody declares, the
 * admin tiers' ties and shadowed rules), for the command line: one line each, in the app's words.
 */
final class Warnings {

    private Warnings() {
    }

    /**
     * The findings as the app computes them: for clusters up to the app's limit of workloads, since
     * beyond it the search for half-open paths costs more than a reader can use; empty above it.
     */
    static List<LintFinding> asTheAppShowsThem(Evaluation evaluation) {
        return workloads(evaluation) <= WorkspaceEvaluator.LINT_UP_TO_WORKLOADS ? PolicyLint.lint(evaluation) : List.of();
    }

    static int workloads(Evaluation evaluation) {
        return evaluation.engine().workloadEndpoints().size();
    }

    /** {@code warning: <message>} (or {@code note:}), one line each; above the app's limit, one line saying none were computed. */
    static void print(Evaluation evaluation, List<LintFinding> findings, PrintStream err) {
        if (workloads(evaluation) > WorkspaceEvaluator.LINT_UP_TO_WORKLOADS) {
            Terminal.printLine(err, String.format(Locale.ROOT, "note: warnings are computed for clusters up to %,d workloads, as in the app;"
                    + " this one has %,d. Run lint for them", WorkspaceEvaluator.LINT_UP_TO_WORKLOADS, workloads(evaluation)));
            return;
        }
        for (LintFinding finding : findings) {
            Terminal.printLine(err, line(finding));
        }
    }

    static String line(LintFinding finding) {
        return word(finding.severity()) + ": " + finding.message();
    }

    static String word(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    /** A finding as a JSON object: kind, severity, message, policy (or null), endpoints. */
    static Map<String, Object> json(LintFinding finding) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        object.put("severity", word(finding.severity()));
        object.put("message", finding.message());
        object.put("policy", finding.policy() == null ? null : finding.policy().toString());
        object.put("endpoints", finding.endpointIds());
        return object;
    }
}

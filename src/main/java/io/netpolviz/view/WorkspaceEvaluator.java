package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.Restyler;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PolicyLint;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Re-evaluates a workspace for a set of switched-off policies and restyles its diagram. Runs on
 * the worker; a toggle never lays out again, it only changes styles and flags. One switch away
 * from the last evaluation is a {@link Evaluation#toggle}, which recomputes only what that
 * policy touches; a picture with collapsed namespaces then recounts only the pairs the toggle
 * changed.
 */
public final class WorkspaceEvaluator {

    /**
     * Lint compares every pair of workloads; above this many it would take seconds per toggle,
     * so the warnings list says it was skipped instead.
     */
    public static final int LINT_UP_TO_WORKLOADS = 400;

    private WorkspaceEvaluator() {
    }

    /** An evaluation, and whether it is one toggle away from {@code from}, whose changes it carries. */
    private record Switched(Evaluation evaluation, Evaluation from) {
    }

    /**
     * @param geometry the diagram as the user arranged it; its positions are kept
     * @param previous the last evaluation shown (null after a fresh load): its verdicts mark what
     *     changed, and when it is of the same engine the new evaluation starts from it
     */
    public static Evaluated evaluate(Workspace workspace, Diagram geometry, long geometryRevision, Set<PolicyId> switchedOff,
            Evaluated previous) {
        long start = System.nanoTime();
        PolicyEngine engine = workspace.engine();
        Evaluation earlier = previous != null && previous.evaluation().engine() == engine ? previous.evaluation()
                : workspace.isAggregated() ? workspace.aggregate().evaluation() : null;
        Switched switched = evaluation(engine, switchedOff, earlier);
        VerdictProjection.Projected projected;
        if (workspace.isAggregated()) {
            AggregatedGraph base = previous != null && previous.workspace() == workspace && previous.projected().aggregate() != null
                    ? previous.projected().aggregate() : workspace.aggregate();
            projected = VerdictProjection.Projected.of(aggregated(base, switched));
        } else {
            projected = VerdictProjection.project(workspace.frame(), workspace.endpoints(), switched.evaluation(),
                    previous == null ? null : previous.projected());
        }
        Diagram diagram = Restyler.restyle(geometry, projected.graph());
        long restyled = System.nanoTime();
        int workloads = workspace.endpoints().size() - engine.externalPeers().size();
        List<LintFinding> findings = workloads <= LINT_UP_TO_WORKLOADS ? PolicyLint.lint(switched.evaluation()) : List.of();
        String note = workloads <= LINT_UP_TO_WORKLOADS ? "" : String.format(Locale.ROOT,
                "Warnings are computed for clusters up to %,d workloads; this one has %,d, so none are shown.",
                LINT_UP_TO_WORKLOADS, workloads);
        List<PolicyRow> rows = PolicyRow.of(engine, switched.evaluation());
        long end = System.nanoTime();
        return new Evaluated(workspace, switched.evaluation(), projected, diagram, geometryRevision, findings, rows,
                (restyled - start) / 1e6, (end - start) / 1e6, note);
    }

    /**
     * The evaluation for {@code switchedOff}: {@code earlier} itself when nothing differs, one
     * toggle of it when one policy differs, else a full evaluation.
     */
    private static Switched evaluation(PolicyEngine engine, Set<PolicyId> switchedOff, Evaluation earlier) {
        if (earlier == null) {
            return new Switched(engine.evaluate(switchedOff), null);
        }
        Set<PolicyId> differing = new HashSet<>();
        for (CompiledPolicy policy : engine.policies()) {
            if (earlier.isSwitchedOn(policy.id()) == switchedOff.contains(policy.id())) {
                differing.add(policy.id());
            }
        }
        if (differing.isEmpty()) {
            return new Switched(earlier, earlier);
        }
        if (differing.size() == 1) {
            return new Switched(earlier.toggle(differing.iterator().next()), earlier);
        }
        return new Switched(engine.evaluate(switchedOff), null);
    }

    /**
     * The aggregated graph with the new verdicts. After one toggle of the graph's own evaluation
     * the toggle's changes say which pairs to recount; otherwise the two evaluations are compared.
     */
    private static AggregatedGraph aggregated(AggregatedGraph base, Switched switched) {
        Evaluation evaluation = switched.evaluation();
        if (evaluation == base.evaluation()) {
            return base;
        }
        if (switched.from() == base.evaluation() && switched.from() != evaluation) {
            return base.withVerdicts(evaluation, evaluation.changes());
        }
        return base.withVerdicts(evaluation);
    }
}

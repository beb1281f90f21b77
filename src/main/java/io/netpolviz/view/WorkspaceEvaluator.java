package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PolicyLint;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates a workspace for a set of switched-off policies and draws its picture for a request
 * (filter, selection, look). Runs on the worker. One switch away from the last evaluation is a
 * {@link Evaluation#toggle}, which recomputes only what that policy touches; a picture with
 * collapsed namespaces then recounts only the pairs the toggle changed. A picture whose drawn
 * graph did not change keeps its diagram; one that changed is laid out again with the last
 * picture's seed and direction, so it keeps its shape as far as the graph allows.
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
     * @param previous the last evaluation shown (null after a fresh open): its verdicts mark what
     *     changed, its picture lends its layout, and when it is of the same engine the new
     *     evaluation starts from it
     */
    static Evaluated evaluate(Workspace workspace, Set<PolicyId> switchedOff, Evaluated previous, Picture.Request request)
            throws TooMuchToDraw {
        long start = System.nanoTime();
        PolicyEngine engine = workspace.engine();
        Evaluation earlier = previous != null && previous.evaluation().engine() == engine ? previous.evaluation()
                : workspace.isAggregated() ? workspace.aggregate().evaluation() : null;
        Switched switched = evaluation(engine, switchedOff, earlier);
        Picture before = previous == null ? null : previous.picture();
        // The comparison follows every evaluation: a toggle is a what-if on top of the diff.
        List<ConnectivityChange> compared = request.comparison() == null ? List.of() : request.comparison().changesTo(switched.evaluation());
        Picture picture;
        if (workspace.isAggregated()) {
            AggregatedGraph base = before != null && previous.workspace() == workspace && before.aggregate() != null
                    ? before.aggregate() : workspace.aggregate();
            picture = Picture.ofAggregate(aggregated(base, switched), before, request, compared);
        } else {
            picture = Picture.ofWorkloads(switched.evaluation(), null, before, request, compared);
        }
        long drawn = System.nanoTime();
        int workloads = workspace.endpoints().size() - engine.externalPeers().size();
        List<LintFinding> findings = workloads <= LINT_UP_TO_WORKLOADS ? PolicyLint.lint(switched.evaluation()) : List.of();
        String note = workloads <= LINT_UP_TO_WORKLOADS ? "" : String.format(Locale.ROOT,
                "Warnings are computed for clusters up to %,d workloads; this one has %,d, so none are shown.",
                LINT_UP_TO_WORKLOADS, workloads);
        List<PolicyRow> rows = PolicyRow.of(engine, switched.evaluation(), workspace.drafts());
        long end = System.nanoTime();
        return new Evaluated(workspace, switched.evaluation(), picture, findings, rows, (drawn - start) / 1e6, (end - start) / 1e6, note,
                request.comparison(), compared);
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
        List<PolicyId> every = new java.util.ArrayList<>(engine.policies().stream().map(CompiledPolicy::id).toList());
        engine.tierPolicies().forEach(policy -> every.add(policy.id()));
        engine.calicoPolicies().forEach(policy -> every.add(policy.id()));
        for (PolicyId id : every) {
            if (earlier.isSwitchedOn(id) == switchedOff.contains(id)) {
                differing.add(id);
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

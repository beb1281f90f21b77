package io.netpolviz.ui;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.Restyler;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyLint;
import java.util.List;
import java.util.Set;

/**
 * Re-evaluates a workspace for a set of switched-off policies and restyles its diagram. Runs on
 * the worker; a toggle never lays out again, it only changes styles and flags.
 */
final class WorkspaceEvaluator {

    private WorkspaceEvaluator() {
    }

    /**
     * @param geometry the diagram as the user arranged it; its positions are kept
     * @param previous the last verdicts shown, to mark what changed (null: nothing is marked)
     */
    static Evaluated evaluate(Workspace workspace, Diagram geometry, long geometryRevision, Set<PolicyId> switchedOff,
            VerdictProjection.Projected previous) {
        long start = System.nanoTime();
        Evaluation evaluation = workspace.engine().evaluate(switchedOff);
        VerdictProjection.Projected projected = VerdictProjection.project(workspace.frame(), workspace.endpoints(), evaluation, previous);
        Diagram diagram = Restyler.restyle(geometry, projected.graph());
        long restyled = System.nanoTime();
        List<LintFinding> findings = PolicyLint.lint(evaluation);
        List<PolicyRow> rows = PolicyRow.of(workspace.engine(), evaluation);
        long end = System.nanoTime();
        return new Evaluated(workspace, evaluation, projected, diagram, geometryRevision, findings, rows,
                (restyled - start) / 1e6, (end - start) / 1e6);
    }
}

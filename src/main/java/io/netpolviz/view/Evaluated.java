package io.netpolviz.view;

import io.netpolviz.layout.Diagram;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import java.util.List;

/**
 * A workspace evaluated for one set of switched-off policies: the verdicts on the frame, the
 * diagram restyled with them, the lint findings, the policy list, and how long it took.
 *
 * @param geometryRevision the revision of the diagram geometry that was restyled (drags bump it)
 * @param millis time to evaluate, project and restyle (what a toggle waits for before the picture changes)
 * @param totalMillis the same plus lint and the policy list
 * @param warningsNote why there are no lint findings although there may be some (lint was skipped), else empty
 */
public record Evaluated(
        Workspace workspace,
        Evaluation evaluation,
        VerdictProjection.Projected projected,
        Diagram diagram,
        long geometryRevision,
        List<LintFinding> findings,
        List<PolicyRow> rows,
        double millis,
        double totalMillis,
        String warningsNote) {

    public Evaluated {
        findings = List.copyOf(findings);
        rows = List.copyOf(rows);
    }
}

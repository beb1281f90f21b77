package io.netpolviz.view;

import io.netpolviz.layout.Diagram;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.LintFinding;
import java.util.List;

/**
 * A workspace evaluated for one set of switched-off policies and drawn for one request: the
 * verdicts, the picture, the lint findings, the policy list, and how long it took.
 *
 * @param millis time to evaluate and draw (what a toggle waits for before the picture changes)
 * @param totalMillis the same plus lint and the policy list
 * @param warningsNote why there are no lint findings although there may be some (lint was skipped), else empty
 * @param comparison the side the picture is compared with, or null
 * @param compared every pair whose allowed ports differ from {@code comparison}'s, sorted; empty when compared with nothing
 */
public record Evaluated(
        Workspace workspace,
        Evaluation evaluation,
        Picture picture,
        List<LintFinding> findings,
        List<PolicyRow> rows,
        double millis,
        double totalMillis,
        String warningsNote,
        Comparison comparison,
        List<ConnectivityChange> compared) {

    public Evaluated {
        findings = List.copyOf(findings);
        rows = List.copyOf(rows);
        compared = List.copyOf(compared);
    }

    /** The laid-out picture, as the pipeline drew it (before the user's drags). */
    public Diagram diagram() {
        return picture.diagram();
    }
}

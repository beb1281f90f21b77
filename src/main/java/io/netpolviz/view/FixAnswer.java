package io.netpolviz.view;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.LabelChange;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.ProposalWords;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal as the explanation pane's blocks: the connection as it is now, the steps of the
 * change, what evaluating the changed cluster showed (the target, and every other pair that
 * changes), and the YAML to apply. The YAML comes written: the view pipeline does not write
 * manifests.
 */
public final class FixAnswer {

    private FixAnswer() {
    }

    public static List<Block> blocks(Evaluation evaluation, Advice advice, Proposal proposal, String yaml) {
        List<Block> blocks = new ArrayList<>();
        boolean allowedNow = advice.verdict().allowed();
        blocks.add(new Explanation.Verdict(Mark.of(allowedNow), Explanation.text("now, " + advice.target().display())));
        blocks.add(new Explanation.Paragraph(Explanation.text(new Explainer(evaluation).because(advice.verdict()) + ".")));
        if (proposal == null) {
            blocks.add(new Explanation.Fix(Explanation.text("No proposal: " + advice.whyNone() + ".")));
            return blocks;
        }
        blocks.add(new Explanation.Heading("To " + advice.goal().verb() + " it"));
        for (LabelChange label : proposal.draft().labels()) {
            blocks.add(new Explanation.Item(null, Explanation.text(capitalize(label.display()) + ": " + label.kubectlCommand())));
        }
        for (String step : proposal.draft().steps()) {
            blocks.add(new Explanation.Item(null, Explanation.text(step)));
        }
        Mark after = Mark.of(advice.goal() == Goal.ALLOW);
        blocks.add(new Explanation.Fix(Explanation.text("Verified by evaluating the cluster with the change: " + advice.target().display()
                + " is " + after.words() + (proposal.isExact() ? ", and nothing else changes." : "."))));
        List<ConnectivityChange> collateral = proposal.effect().collateral();
        if (!collateral.isEmpty()) {
            blocks.add(new Explanation.Heading("It also changes " + collateral.size() + (collateral.size() == 1 ? " other pair" : " other pairs")));
            ProposalWords.collateral(proposal).stream().skip(1)
                    .forEach(line -> blocks.add(new Explanation.Item(null, Explanation.text(line.strip()))));
        }
        advice.narrower().filter(narrower -> narrower != proposal).ifPresent(narrower -> blocks.add(new Explanation.Hint(
                "A narrower change first gives " + String.join(" and ", narrower.draft().labels().stream().map(LabelChange::workloadId).toList())
                        + " a label of its own; then " + (narrower.isExact() ? "nothing else changes."
                        : "it changes " + narrower.effect().collateralPairs() + " other pairs."))));
        advice.adminTier().filter(admin -> admin != proposal).ifPresent(admin -> blocks.add(new Explanation.Hint(
                "In the Admin tier instead: " + String.join(" ", admin.draft().steps()) + " Then " + (admin.isExact() ? "nothing else changes."
                        : "it changes " + admin.effect().collateralPairs() + " other pairs."))));
        advice.obstacles().forEach(obstacle -> blocks.add(new Explanation.Hint(capitalize(obstacle) + ".")));
        List<Explanation.CodeLine> lines = yaml.lines().map(line -> new Explanation.CodeLine(line, false)).toList();
        blocks.add(new Explanation.Code(Explanation.text("YAML for kubectl apply -f"), lines));
        return blocks;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

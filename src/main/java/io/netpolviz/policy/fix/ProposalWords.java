package io.netpolviz.policy.fix;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.Evaluation;
import java.util.ArrayList;
import java.util.List;

/** Advice in words, for the command line's standard error and the app's pane alike. */
public final class ProposalWords {

    /** Collateral pairs listed one by one; past this many, the rest are counted. */
    private static final int LISTED_PAIRS = 40;

    private ProposalWords() {
    }

    /** Why the connection is decided as it is, the proposal's steps, and what it was verified to change. */
    public static List<String> describe(Evaluation evaluation, Advice advice, Proposal proposal) {
        List<String> lines = new ArrayList<>();
        lines.add("To " + advice.goal().verb() + " " + advice.target().display() + ":");
        lines.add("  now " + (advice.verdict().allowed() ? "allowed" : "blocked") + ": " + new Explainer(evaluation).because(advice.verdict()));
        int step = 1;
        for (LabelChange label : proposal.draft().labels()) {
            lines.add("  " + step++ + ". " + capitalize(label.display()) + ": " + label.kubectlCommand());
        }
        for (String text : proposal.draft().steps()) {
            lines.add("  " + step++ + ". " + text);
        }
        lines.add("  Verified by evaluating the cluster with the change: " + advice.target().display() + " is "
                + (advice.goal() == Goal.ALLOW ? "allowed" : "blocked") + ".");
        lines.addAll(collateral(proposal));
        for (String obstacle : advice.obstacles()) {
            lines.add("  Note: " + obstacle + ".");
        }
        return lines;
    }

    /** "Nothing else changes", or each other pair and port that does. */
    public static List<String> collateral(Proposal proposal) {
        List<String> lines = new ArrayList<>();
        List<ConnectivityChange> changes = proposal.effect().collateral();
        if (changes.isEmpty()) {
            lines.add("  Nothing else changes.");
            return lines;
        }
        lines.add("  It also changes " + changes.size() + (changes.size() == 1 ? " other pair" : " other pairs") + ":");
        for (ConnectivityChange change : changes.subList(0, Math.min(LISTED_PAIRS, changes.size()))) {
            lines.add("    " + change(change));
        }
        if (changes.size() > LISTED_PAIRS) {
            lines.add("    and " + (changes.size() - LISTED_PAIRS) + " more pairs");
        }
        return lines;
    }

    /** {@code a → b: opens TCP 8080; closes UDP 53}. */
    public static String change(ConnectivityChange change) {
        List<String> parts = new ArrayList<>();
        if (!change.opened().isEmpty()) {
            parts.add("opens " + change.opened().display());
        }
        if (!change.closed().isEmpty()) {
            parts.add("closes " + change.closed().display());
        }
        return change.sourceId() + " \u2192 " + change.destinationId() + ": " + String.join("; ", parts);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package io.netpolviz.view;

import java.util.Set;

/**
 * The explanation panel's content for a selection, and what the diagram lights up for it:
 * {@code subjects} are the pods a policy selects (or the selected node), {@code peers} the pods
 * and addresses its rules name (or the selected node's neighbours), {@code edgeKey} the selected
 * edge.
 */
public record Details(String title, String text, Set<String> subjects, Set<String> peers, String edgeKey) {

    public static final Details EMPTY = new Details("", "", Set.of(), Set.of(), null);

    public Details {
        subjects = Set.copyOf(subjects);
        peers = Set.copyOf(peers);
    }
}

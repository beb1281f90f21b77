package io.netpolviz.view;

import java.util.List;
import java.util.Set;

/**
 * The explanation panel's content for a selection, and what the diagram lights up for it:
 * {@code blocks} are the explanation ({@link Explanation}), {@code subjects} the pods a policy
 * selects (or the selected node), {@code peers} the pods and addresses its rules name (or the
 * selected node's neighbours), {@code edgeKey} the selected edge and {@code labelEntries} the
 * entries of its label the explanation is about (empty for all of them).
 */
public record Details(String title, List<Explanation.Block> blocks, Set<String> subjects, Set<String> peers, String edgeKey,
        Set<Integer> labelEntries) {

    public static final Details EMPTY = new Details("", List.of(), Set.of(), Set.of(), null, Set.of());

    public Details {
        blocks = List.copyOf(blocks);
        subjects = Set.copyOf(subjects);
        peers = Set.copyOf(peers);
        labelEntries = Set.copyOf(labelEntries);
    }

    /** Details written as plain text, cut into paragraphs. */
    public Details(String title, String text, Set<String> subjects, Set<String> peers, String edgeKey) {
        this(title, Explanation.paragraphs(text), subjects, peers, edgeKey, Set.of());
    }

    /** Details about a whole edge, a node, a policy or nothing. */
    public Details(String title, List<Explanation.Block> blocks, Set<String> subjects, Set<String> peers, String edgeKey) {
        this(title, blocks, subjects, peers, edgeKey, Set.of());
    }

    /** The explanation as plain text. */
    public String text() {
        return Explanation.plain(blocks);
    }
}

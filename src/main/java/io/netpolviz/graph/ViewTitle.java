package io.netpolviz.graph;

import io.netpolviz.model.PolicyId;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The title of an exported view: the source, then whatever the view leaves out or changes
 * (policies switched off, a focus, an edge filter, chosen namespaces, a search), so that a
 * picture in a slide says what it shows. The export command and the desktop app both use it.
 */
public final class ViewTitle {

    private static final String SEPARATOR = " \u2014 ";

    private ViewTitle() {
    }

    /**
     * @param source the snapshot's source name ({@code 01-tutorial}, {@code cluster:prod})
     * @param off the policies switched off, listed in namespace/name order
     */
    public static String of(String source, Collection<PolicyId> off, ViewFilter filter) {
        return of(source, off, filter, java.util.List.of());
    }

    /**
     * The title, marked when the source held policies of kinds NetPolViz does not evaluate: such
     * a picture may show allowed what the cluster blocks, and a slide must say so.
     *
     * @param unevaluatedKinds as {@code ClusterSnapshot.unevaluatedPolicyKinds()} names them
     */
    public static String of(String source, Collection<PolicyId> off, ViewFilter filter, Collection<String> unevaluatedKinds) {
        StringBuilder title = new StringBuilder(source);
        if (!unevaluatedKinds.isEmpty()) {
            title.append(SEPARATOR).append("\u26A0 not evaluated: ").append(String.join(", ",
                    unevaluatedKinds.stream().map(kind -> kind.substring(kind.indexOf(' ') + 1)).toList()));
        }
        if (!off.isEmpty()) {
            title.append(SEPARATOR).append("switched off: ")
                    .append(String.join(", ", new TreeSet<>(off).stream().map(PolicyId::toString).toList()));
        }
        if (filter.focus() != null) {
            title.append(SEPARATOR).append("focus: ").append(filter.focus());
        }
        // The default view needs no word; the note under the title says what it leaves out.
        if (filter.edges() != ViewFilter.EdgeFilter.STORY) {
            title.append(SEPARATOR).append(filter.edges().label().toLowerCase(Locale.ROOT));
        }
        if (!filter.namespaces().isEmpty()) {
            title.append(SEPARATOR).append("namespaces: ").append(String.join(", ", new TreeSet<>(filter.namespaces())));
        }
        if (!filter.search().isEmpty()) {
            title.append(SEPARATOR).append("search: \u201C").append(filter.search()).append('\u201D');
        }
        return title.toString();
    }
}

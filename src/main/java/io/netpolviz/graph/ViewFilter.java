package io.netpolviz.graph;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user asked to see: edges by verdict, some namespaces, a search, or one node's edges.
 * The picture is drawn from what the filter keeps ({@link PictureComposer}), laid out anew.
 *
 * @param namespaces the namespaces to show; empty means all
 * @param search text a node's name, id or labels must contain (case-insensitive); a collapsed
 *     namespace matches when one of its workloads does; empty means no search
 * @param focus the node whose edges alone are shown, or null
 */
public record ViewFilter(EdgeFilter edges, Set<String> namespaces, String search, String focus) {

    /** Which edges to show by their verdicts. */
    public enum EdgeFilter {
        /**
         * What matters: every allowed connection, and the blocked ones that tell something
         * (half-open, just changed, or touching the selection); the rest are counted, not drawn.
         */
        STORY("What matters"),
        ALL("All edges"),
        ALLOWED("Allowed only"),
        BLOCKED("Blocked only"),
        CHANGED("Changed by last toggle or update");

        private final String label;

        EdgeFilter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean admits(GraphEdge edge) {
            return switch (this) {
                case STORY -> edge.anyAllowed() || edge.anyChanged();
                case ALL -> true;
                case ALLOWED -> edge.anyAllowed();
                case BLOCKED -> !edge.allAllowed();
                case CHANGED -> edge.anyChanged();
            };
        }
    }

    public static final ViewFilter NONE = new ViewFilter(EdgeFilter.STORY, Set.of(), "", null);

    public ViewFilter {
        edges = edges == null ? EdgeFilter.STORY : edges;
        namespaces = Set.copyOf(namespaces);
        search = search == null ? "" : search.strip();
    }

    public ViewFilter withEdges(EdgeFilter newEdges) {
        return new ViewFilter(newEdges, namespaces, search, focus);
    }

    public ViewFilter withNamespaces(Set<String> newNamespaces) {
        return new ViewFilter(edges, newNamespaces, search, focus);
    }

    public ViewFilter withSearch(String newSearch) {
        return new ViewFilter(edges, namespaces, newSearch, focus);
    }

    public ViewFilter withFocus(String newFocus) {
        return new ViewFilter(edges, namespaces, search, newFocus);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The nodes a focus or a search names: the focused node, or every node whose name, id or
     * labels contain the search (a collapsed node when one of its {@code members} does). Empty
     * when the filter has neither.
     */
    public Set<String> anchors(java.util.Collection<GraphNode> nodes, Map<String, java.util.List<GraphNode>> members) {
        Set<String> anchors = new TreeSet<>();
        if (focus != null) {
            anchors.add(focus);
        } else if (!search.isEmpty()) {
            for (GraphNode node : nodes) {
                if (matchesSearch(node) || members.getOrDefault(node.id(), java.util.List.of()).stream().anyMatch(this::matchesSearch)) {
                    anchors.add(node.id());
                }
            }
        }
        return anchors;
    }

    private boolean matchesSearch(GraphNode node) {
        String needle = search.toLowerCase(Locale.ROOT);
        if (node.id().toLowerCase(Locale.ROOT).contains(needle) || node.name().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return node.labels().entrySet().stream()
                .anyMatch(label -> (label.getKey() + "=" + label.getValue()).toLowerCase(Locale.ROOT).contains(needle));
    }
}

package io.netpolviz.graph;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user asked to see: edges by verdict, some namespaces, a search, or one node's edges.
 * It decides visibility only; the diagram hides the rest and never moves anything.
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

    /** What stays visible: namespace boxes, node ids and edge keys. */
    public record Visibility(Set<String> namespaces, Set<String> nodeIds, Set<String> edgeKeys) {
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
     * The visible part of {@code graph}. Only nodes in {@code present} can show (a step may not
     * have them yet). With a focus or a search, the matching nodes are anchors: their edges show,
     * with the nodes at the other ends. Otherwise every node in the chosen namespaces shows, and
     * external peers show when an edge to a shown node does.
     */
    public Visibility apply(ReachabilityGraph graph, Set<String> present) {
        Map<String, GraphNode> nodes = new java.util.HashMap<>();
        Set<String> inScope = new TreeSet<>();
        for (GraphNode node : graph.nodes()) {
            nodes.put(node.id(), node);
            if (present.contains(node.id()) && (node.isExternal() || inChosenNamespaces(graph, node))) {
                inScope.add(node.id());
            }
        }
        Set<String> anchors = null;
        if (focus != null) {
            anchors = inScope.contains(focus) ? Set.of(focus) : Set.of();
        } else if (!search.isEmpty()) {
            anchors = new TreeSet<>();
            for (String id : inScope) {
                if (matchesSearch(nodes.get(id)) || graph.members(id).stream().anyMatch(this::matchesSearch)) {
                    anchors.add(id);
                }
            }
        }
        Set<String> edgeKeys = new TreeSet<>();
        Set<String> shownNodes = new TreeSet<>();
        for (GraphEdge edge : graph.edges()) {
            String source = edge.sourceId();
            String target = edge.targetId();
            if (!inScope.contains(source) || !inScope.contains(target) || !edges.admits(edge)) {
                continue;
            }
            boolean external = nodes.get(source).isExternal() || nodes.get(target).isExternal();
            if (anchors != null && !anchors.contains(source) && !anchors.contains(target)) {
                continue;
            }
            if (anchors == null && !namespaces.isEmpty() && external) {
                // An external peer is in scope only through a node of a chosen namespace.
                String inside = nodes.get(source).isExternal() ? target : source;
                if (!inChosenNamespaces(graph, nodes.get(inside))) {
                    continue;
                }
            }
            edgeKeys.add(edge.key());
            shownNodes.add(source);
            shownNodes.add(target);
        }
        if (anchors != null) {
            shownNodes.addAll(anchors);
        } else {
            for (String id : inScope) {
                if (!nodes.get(id).isExternal()) {
                    shownNodes.add(id);
                }
            }
            if (namespaces.isEmpty()) {
                shownNodes.addAll(inScope);
            }
        }
        Set<String> shownNamespaces = new TreeSet<>();
        if (anchors == null) {
            for (String namespace : graph.namespaces()) {
                if (namespaces.isEmpty() || namespaces.contains(namespace)) {
                    shownNamespaces.add(namespace);
                }
            }
            // A namespace that a step has not created yet has no node to show and stays hidden.
            shownNamespaces.removeIf(namespace -> graph.nodes().stream().noneMatch(
                    node -> namespace.equals(node.namespace()) && present.contains(node.id())));
        }
        return new Visibility(Set.copyOf(shownNamespaces), Set.copyOf(shownNodes), Set.copyOf(edgeKeys));
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

    /** Whether a node is in a chosen namespace; a collapsed group is when one of its namespaces is. */
    private boolean inChosenNamespaces(ReachabilityGraph graph, GraphNode node) {
        if (namespaces.isEmpty() || namespaces.contains(node.namespace())) {
            return true;
        }
        return node.isGroup() && graph.members(node.id()).stream().anyMatch(member -> namespaces.contains(member.namespace()));
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

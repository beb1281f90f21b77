package io.netpolviz.graph;

import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what a workload picture draws: from the verdicts of every pair, the previous
 * verdicts (to mark what the last toggle, step or update changed) and what the user asked to see,
 * the graph of drawn edges and a count of what was left out.
 *
 * <p>By default ({@link ViewFilter.EdgeFilter#STORY}) every pair allowed on some port is drawn,
 * and a blocked pair only where it tells something: it is half-open (a rule names it on one side,
 * the other side blocks it), its verdict just changed, or it touches the focused node; the
 * selected node's other blocked pairs are drawn on top, without a new layout. The other blocked pairs are counted in {@link Omitted}. Where every pair between two
 * namespaces (or within one, or between a namespace and an external peer) is drawn with the same
 * allowed ports, one edge between the boxes says so instead of one edge per pair; where a
 * workload reaches every workload of another namespace alike, one edge from the workload to the
 * box. Half-open pairs are always drawn one by one: they are the story.
 */
public final class PictureComposer {

    /** What the picture leaves out, for the line under the title. */
    public record Omitted(long pairs, ViewFilter.EdgeFilter filter) {

        public static final Omitted NOTHING = new Omitted(0, ViewFilter.EdgeFilter.STORY);

        /** {@code 96 more pairs are blocked; no rule names them}, or empty when nothing is left out. */
        public String sentence() {
            if (pairs == 0) {
                return "";
            }
            String count = String.format(java.util.Locale.ROOT, "%,d", pairs);
            String noun = pairs == 1 ? "pair" : "pairs";
            return switch (filter) {
                case STORY -> count + " more " + noun + (pairs == 1 ? " is" : " are") + " blocked; no rule names "
                        + (pairs == 1 ? "it" : "them");
                case ALLOWED -> count + " blocked " + noun + " not shown";
                case BLOCKED -> count + " allowed " + noun + " not shown";
                case CHANGED -> count + " unchanged " + noun + " not shown";
                case ALL -> "";
            };
        }
    }

    /**
     * The drawn graph, what it leaves out, and the blocked edges of the selected node that the
     * graph does not draw: those are drawn on top, straight, so that selecting a node never moves
     * the picture under the pointer.
     */
    public record Composed(ReachabilityGraph graph, Omitted omitted, List<GraphEdge> selection) {

        public Composed {
            selection = List.copyOf(selection);
        }
    }

    private PictureComposer() {
    }

    /**
     * @param now the verdicts to draw
     * @param before the verdicts shown last (another step, or before a toggle or update), or null
     * @param nodes the node of every endpoint present, by id (workloads and external peers)
     * @param filter what the user asked to see
     * @param selected the selected node's id, or null: its blocked pairs are drawn on top ({@link Composed#selection})
     */
    public static Composed compose(PairVerdicts now, PairVerdicts before, Map<String, GraphNode> nodes, List<String> namespaces,
            ViewFilter filter, String selected) {
        Scope scope = Scope.of(nodes, filter, namespaces, Map.of());
        List<PairVerdicts.Pair> inScope = new ArrayList<>();
        Set<String> drawnKeys = new HashSet<>();
        Map<String, Boolean> changed = new HashMap<>();
        List<PairVerdicts.Pair> counted = new ArrayList<>();
        for (PairVerdicts.Pair pair : now.pairs()) {
            String source = pair.source().id();
            String destination = pair.destination().id();
            if (!scope.admits(source, destination)) {
                continue;
            }
            inScope.add(pair);
            boolean pairChanged = changed(pair, before);
            changed.put(pair.key(), pairChanged);
            if (drawn(filter.edges(), pair, pairChanged, scope.isAnchor(source) || scope.isAnchor(destination))) {
                drawnKeys.add(pair.key());
            } else if (counted(filter.edges(), pair)) {
                counted.add(pair);
            }
        }
        EdgeCover cover = new EdgeCover(inScope, drawnKeys, before, nodes,
                filter.edges() == ViewFilter.EdgeFilter.STORY || filter.edges() == ViewFilter.EdgeFilter.ALL, now.openNamespaces(),
                filter.edges() == ViewFilter.EdgeFilter.ALL || filter.edges() == ViewFilter.EdgeFilter.BLOCKED, scope.anchors(),
                now.portNamesInRules());
        List<GraphEdge> edges = cover.edges();
        // Left out are the pairs no edge stands for; a group edge may have taken some of the silent ones in.
        long omitted = cover.uncovered(edges, counted);
        List<GraphEdge> selection = new ArrayList<>();
        if (selected != null && filter.edges() == ViewFilter.EdgeFilter.STORY) {
            for (PairVerdicts.Pair pair : inScope) {
                boolean touches = selected.equals(pair.source().id()) || selected.equals(pair.destination().id());
                if (touches && pair.source() != pair.destination() && cover.uncovered(edges, List.of(pair)) == 1) {
                    selection.add(cover.single(pair));
                }
            }
        }
        // A group edge stands for every pair of its span: the nodes it speaks of are shown with it.
        String zoneEnd = GraphEdge.boxId(GraphNode.OPEN_ZONE);
        boolean zoneDrawn = edges.stream().anyMatch(edge -> edge.sourceId().equals(zoneEnd) || edge.targetId().equals(zoneEnd));
        Set<String> spannedBoxes = new TreeSet<>();
        for (GraphEdge edge : edges) {
            for (String end : List.of(edge.sourceId(), edge.targetId())) {
                if (end.equals(zoneEnd)) {
                    spannedBoxes.addAll(now.openNamespaces());
                } else if (GraphEdge.isBox(end)) {
                    spannedBoxes.add(GraphEdge.boxNamespace(end));
                }
            }
        }
        Set<String> shownNodes = new TreeSet<>(scope.alwaysShown());
        for (PairVerdicts.Pair pair : inScope) {
            for (Endpoint end : List.of(pair.source(), pair.destination())) {
                GraphNode node = nodes.get(end.id());
                if (spannedBoxes.contains(node.isExternal() ? GraphNode.OUTSIDE : node.namespace())) {
                    shownNodes.add(end.id());
                }
            }
        }
        for (GraphEdge edge : edges) {
            for (String end : List.of(edge.sourceId(), edge.targetId())) {
                if (!GraphEdge.isBox(end) && !GraphEdge.ANYWHERE.equals(end)) {
                    shownNodes.add(end);
                }
            }
        }
        List<GraphNode> shown = shownNodes.stream().map(nodes::get).toList();
        Set<String> boxes = new TreeSet<>();
        for (GraphNode node : shown) {
            boxes.add(node.isExternal() ? GraphNode.OUTSIDE : node.namespace());
        }
        // The zone of open namespaces is drawn when an edge speaks of it, around the namespaces it holds.
        Set<String> zone = new TreeSet<>();
        if (zoneDrawn) {
            boxes.add(GraphNode.OPEN_ZONE);
            zone.addAll(now.openNamespaces());
            zone.retainAll(boxes);
        }
        return new Composed(new ReachabilityGraph(List.copyOf(boxes), shown, edges, Map.of(), zone), new Omitted(omitted, filter.edges()),
                selection.stream().filter(edge -> shownNodes.contains(edge.sourceId()) && shownNodes.contains(edge.targetId())).toList());
    }

    /**
     * What a summed-up picture draws: its summary edges that the filter keeps (by default those
     * that allow something or just changed, and those touching the selection), between the nodes
     * the filter keeps; the workload pairs of the other edges are counted as left out.
     *
     * @param members the workloads a collapsed node stands for, for the search
     * @param silent which node pairs no summary edge joins are blocked: in the default view and
     *     "all edges", a group edge may speak over them with an exception
     * @param halfOpen the edges between single workloads that are half-open: the default view
     *     draws them, each with an edge of its own, as the workload picture does
     */
    public static Composed composeSummed(ReachabilityGraph summed, ViewFilter filter, String selected,
            java.util.function.Function<String, List<GraphNode>> members, SilentPairs silent, Set<String> halfOpen) {
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        Map<String, List<GraphNode>> memberLists = new HashMap<>();
        for (GraphNode node : summed.nodes()) {
            nodes.put(node.id(), node);
            memberLists.put(node.id(), members.apply(node.id()));
        }
        Scope scope = Scope.of(nodes, filter, summed.namespaces(), memberLists);
        List<GraphEdge> edges = new ArrayList<>();
        List<GraphEdge> selection = new ArrayList<>();
        // What the default view leaves out allows nothing: a group edge may speak over it with an exception.
        List<GraphEdge> leftOut = new ArrayList<>();
        long omitted = 0;
        for (GraphEdge edge : summed.edges()) {
            if (!scope.admits(edge.sourceId(), edge.targetId())) {
                continue;
            }
            boolean touchesAnchor = scope.isAnchor(edge.sourceId()) || scope.isAnchor(edge.targetId());
            boolean touchesSelection = selected != null && (selected.equals(edge.sourceId()) || selected.equals(edge.targetId()));
            boolean story = filter.edges() == ViewFilter.EdgeFilter.STORY;
            if (filter.edges().admits(edge) || (touchesAnchor || halfOpen.contains(edge.key())) && story) {
                edges.add(filter.edges() == ViewFilter.EdgeFilter.STORY ? withoutSilentPorts(edge) : edge);
            } else if (touchesSelection && filter.edges() == ViewFilter.EdgeFilter.STORY) {
                selection.add(edge);
                leftOut.add(edge);
                omitted += edge.pairs();
            } else if (filter.edges() != ViewFilter.EdgeFilter.ALL) {
                if (filter.edges() == ViewFilter.EdgeFilter.STORY) {
                    leftOut.add(edge);
                }
                omitted += edge.pairs();
            }
        }
        Map<String, String> boxOf = Map.of();
        if (scope.anchors().isEmpty() && filter.focus() == null && filter.search().isEmpty() && filter.namespaces().isEmpty()) {
            SummedCover.Result covered = SummedCover.merged(edges, leftOut, halfOpen,
                    filter.edges() == ViewFilter.EdgeFilter.STORY || filter.edges() == ViewFilter.EdgeFilter.ALL ? silent : SilentPairs.UNKNOWN, nodes, node -> node.isCollapsed() || node.replicas() > 1);
            edges = new ArrayList<>(covered.edges());
            boxOf = covered.boxOf();
            // An exception is drawn, so no longer left out, nor drawn twice over the selection.
            Set<String> excepted = new TreeSet<>();
            for (GraphEdge exception : covered.exceptions()) {
                omitted -= exception.pairs();
                excepted.add(exception.key());
            }
            selection.removeIf(edge -> excepted.contains(edge.key()));
        }
        Set<String> shownNodes = new TreeSet<>(scope.alwaysShown());
        edges.forEach(edge -> {
            for (String end : List.of(edge.sourceId(), edge.targetId())) {
                if (nodes.containsKey(end)) {
                    shownNodes.add(end);
                }
            }
        });
        List<GraphNode> shown = shownNodes.stream().map(nodes::get).toList();
        Set<String> boxes = new TreeSet<>();
        for (GraphNode node : shown) {
            if (node.type() == NodeType.WORKLOAD || node.isPart()) {
                boxes.add(node.namespace());
            }
        }
        Map<String, List<GraphNode>> shownMembers = new HashMap<>();
        shown.forEach(node -> shownMembers.put(node.id(), summed.members(node.id())));
        Map<String, String> shownBoxOf = new TreeMap<>();
        for (Map.Entry<String, String> member : boxOf.entrySet()) {
            if (shownNodes.contains(member.getKey())) {
                shownBoxOf.put(member.getKey(), member.getValue());
                boxes.add(member.getValue());
            }
        }
        return new Composed(new ReachabilityGraph(List.copyOf(boxes), shown, edges, shownMembers, Set.of(), shownBoxOf),
                new Omitted(omitted, filter.edges()),
                selection.stream().filter(edge -> shownNodes.contains(edge.sourceId()) && shownNodes.contains(edge.targetId())).toList());
    }

    /**
     * A summary edge that allows something, without the ports it allows for no pair: in the
     * default view those only repeat what a destination declares, and the label is about what is open.
     */
    private static GraphEdge withoutSilentPorts(GraphEdge edge) {
        if (!edge.anyAllowed()) {
            return edge;
        }
        List<PortVerdict> open = edge.ports().stream().filter(port -> port.allowed() || port.partial()).toList();
        return new GraphEdge(edge.sourceId(), edge.targetId(), open, edge.pairs());
    }

    private static boolean changed(PairVerdicts.Pair pair, PairVerdicts before) {
        if (before == null) {
            return false;
        }
        PairVerdicts.Pair earlier = before.pair(pair.key());
        return earlier != null && !earlier.allowed().equals(pair.allowed());
    }

    private static boolean drawn(ViewFilter.EdgeFilter filter, PairVerdicts.Pair pair, boolean changed, boolean touchesAnchor) {
        return switch (filter) {
            case STORY -> pair.anyAllowed() || pair.halfOpen() || changed || touchesAnchor;
            case ALL -> pair.anyAllowed() || !pair.candidates().isEmpty() || changed;
            case ALLOWED -> pair.anyAllowed();
            case BLOCKED -> !pair.anyAllowed() && (!pair.candidates().isEmpty() || changed || pair.halfOpen());
            case CHANGED -> changed;
        };
    }

    /** Whether a pair that is not drawn counts as left out (rather than as nothing to say). */
    private static boolean counted(ViewFilter.EdgeFilter filter, PairVerdicts.Pair pair) {
        return switch (filter) {
            case STORY -> !pair.anyAllowed();
            case ALL -> false;
            case ALLOWED -> !pair.anyAllowed() && !pair.candidates().isEmpty();
            case BLOCKED -> pair.anyAllowed();
            case CHANGED -> pair.anyAllowed() || !pair.candidates().isEmpty();
        };
    }

    /** Which nodes a filter keeps and which pairs it admits. */
    private record Scope(Set<String> inScope, Set<String> anchors, Set<String> alwaysShown) {

        static Scope of(Map<String, GraphNode> nodes, ViewFilter filter, List<String> namespaces, Map<String, List<GraphNode>> members) {
            Set<String> inScope = new TreeSet<>();
            for (GraphNode node : nodes.values()) {
                if (node.isExternal() || filter.namespaces().isEmpty() || filter.namespaces().contains(node.namespace())) {
                    inScope.add(node.id());
                }
            }
            Set<String> anchors = filter.anchors(nodes.values(), members);
            anchors.retainAll(inScope);
            Set<String> always = new TreeSet<>();
            if (anchors.isEmpty() && filter.focus() == null && filter.search().isEmpty()) {
                inScope.stream().filter(id -> !nodes.get(id).isExternal()).forEach(always::add);
            } else {
                always.addAll(anchors);
            }
            boolean narrowed = filter.focus() != null || !filter.search().isEmpty();
            return new Scope(inScope, narrowed ? anchors : Set.of(), always);
        }

        boolean admits(String source, String destination) {
            if (!inScope.contains(source) || !inScope.contains(destination)) {
                return false;
            }
            return anchors.isEmpty() || anchors.contains(source) || anchors.contains(destination);
        }

        boolean isAnchor(String id) {
            return anchors.contains(id);
        }
    }
}

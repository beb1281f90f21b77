package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Fewer edges for a summed-up picture, exactly. Collapsed groups of namespaces that share a label
 * key ({@code team=billing}, {@code team=catalog}, …) sit in one box ({@code box:team}); where
 * every member of the box has an edge to one node (or from it, or to every member) and most of
 * those edges say the same, one edge from (or to) the box says it once, and the members' edges
 * that say something else stay and, being more specific, win. Then, where every node of the
 * picture has an edge to one node (or from it) and most say the same, one edge from (or to)
 * everywhere does the same. Inside a box, each member's edges to the others (or, if that draws
 * fewer, each member's edges from them) become one edge from the member to the box.
 *
 * <p>A group edge speaks for every member: a pair the picture leaves out (it allows nothing) sits
 * under one only with an edge of its own that says so ("✗ 8080"), and only where that still
 * draws at least two edges fewer; without such pairs on hand (a filter that leaves out what
 * it does not show) a group edge needs an edge from every member.
 */
final class SummedCover {

    /** A group edge replaces at least this many edges, or it is not worth a new kind of mark. */
    private static final int FEWEST_MERGED = 3;

    private final Map<String, GraphNode> nodes;
    private final Predicate<GraphNode> needsSelfEdge;
    /** The summary edges the picture leaves out because they allow nothing, by key: what an exception may stand for. */
    private final Map<String, GraphEdge> leftOut;
    private final SilentPairs silence;
    /** Edges that keep their own line whatever group edge is over them: half-open pairs, which a reader clicks one by one. */
    private final Set<String> pinned;
    /** The edges drawn as exceptions under a group edge, for pairs left out or without a summary edge. */
    private final List<GraphEdge> exceptions = new ArrayList<>();
    /** Of those, the ones for left-out edges: the pairs they stand for are drawn now. */
    private final List<GraphEdge> leftOutDrawn = new ArrayList<>();

    /** Label key of a box ({@code team}) to the ids of its members. */
    private final Map<String, List<String>> boxes = new TreeMap<>();
    private final List<GraphEdge> absorbed = new ArrayList<>();
    /** The boxes that are open namespaces: their members sit there anyway, so they are not reported as moved into a box. */
    private final Set<String> namespaceBoxes = new java.util.TreeSet<>();

    /** A workload or part of a namespace that is open (not summed up): drawn in the namespace's box. */
    static boolean inNamespaceBox(GraphNode node) {
        return !node.isCollapsed() && !node.isExternal() && !node.namespace().isEmpty() && (node.type() == NodeType.WORKLOAD || node.isPart());
    }

    /**
     * @param needsSelfEdge whether a node stands for pairs among its own members (a collapsed
     *     namespace, a workload with several pods): then a group edge over it needs its edge to itself
     */
    private SummedCover(Map<String, GraphNode> nodes, Predicate<GraphNode> needsSelfEdge, Map<String, GraphEdge> leftOut, SilentPairs silence,
            Set<String> pinned) {
        this.silence = silence;
        this.pinned = pinned;
        this.nodes = nodes;
        this.needsSelfEdge = needsSelfEdge;
        this.leftOut = leftOut;
        for (GraphNode node : nodes.values()) {
            if (node.isGroup() && node.name().contains("=")) {
                // "team=…": no namespace can be named so, so the box never meets a real one.
                boxes.computeIfAbsent(node.name().substring(0, node.name().indexOf('=')) + "=\u2026", k -> new ArrayList<>()).add(node.id());
            } else if (inNamespaceBox(node)) {
                // The workloads (or parts) of an open namespace sit in its box, which an edge may stand for as well.
                boxes.computeIfAbsent(node.namespace(), k -> new ArrayList<>()).add(node.id());
                namespaceBoxes.add(node.namespace());
            }
        }
        boxes.values().removeIf(members -> members.size() < 2);
    }

    /**
     * The edges to draw, which node sits in which group box, and which of the edges are exceptions
     * drawn for pairs the picture would otherwise have left out.
     */
    record Result(List<GraphEdge> edges, Map<String, String> boxOf, List<GraphEdge> exceptions) {
    }

    /**
     * @param leftOut the summary edges the filter leaves out because they allow nothing (the
     *     default view's), which a group edge may then speak over with an exception; empty when
     *     a filter's left-out edges would be misread under a group edge
     */
    static Result merged(List<GraphEdge> edges, Collection<GraphEdge> leftOut, Set<String> pinned, SilentPairs silence,
            Map<String, GraphNode> nodes, Predicate<GraphNode> needsSelfEdge) {
        Map<String, GraphEdge> byKey = new HashMap<>();
        leftOut.stream().filter(edge -> !edge.anyAllowed()).forEach(edge -> byKey.put(edge.key(), edge));
        return new SummedCover(nodes, needsSelfEdge, byKey, silence, pinned).merge(edges);
    }

    private Result merge(List<GraphEdge> edges) {
        List<GraphEdge> result = new ArrayList<>(edges);
        Map<String, String> boxOf = new TreeMap<>();
        for (Map.Entry<String, List<String>> box : boxes.entrySet()) {
            String boxEnd = GraphEdge.boxId(box.getKey());
            List<String> members = box.getValue();
            // Among the members: one loop on the box.
            List<GraphEdge> inside = result.stream().filter(edge -> members.contains(edge.sourceId()) && members.contains(edge.targetId())).toList();
            int expected = members.size() * (members.size() - 1)
                    + (int) members.stream().filter(member -> needsSelfEdge.test(nodes.get(member))).count();
            boolean loop = inside.size() == expected && mergeMost(result, inside, boxEnd, boxEnd, List.of());
            for (GraphNode other : nodes.values()) {
                if (members.contains(other.id())) {
                    continue;
                }
                for (boolean fromBox : new boolean[] {true, false}) {
                    List<GraphEdge> line = result.stream().filter(edge -> fromBox
                            ? members.contains(edge.sourceId()) && edge.targetId().equals(other.id())
                            : edge.sourceId().equals(other.id()) && members.contains(edge.targetId())).toList();
                    List<String> missing = members.stream().filter(member -> line.stream()
                            .noneMatch(edge -> (fromBox ? edge.sourceId() : edge.targetId()).equals(member))).toList();
                    if (line.stream().anyMatch(exceptions::contains)) {
                        // An exception answers a group edge already; under a second one it would stand against that one, unordered.
                        continue;
                    }
                    List<GraphEdge> unsaid = leftOutPairs(missing.stream()
                            .map(member -> fromBox ? unsaidPair(member, other.id()) : unsaidPair(other.id(), member)).toList());
                    if (unsaid != null) {
                        mergeMost(result, line, fromBox ? boxEnd : other.id(), fromBox ? other.id() : boxEnd, unsaid);
                    }
                }
            }
            if (!loop) {
                mergeMembers(result, members, boxEnd);
            }
            if (!namespaceBoxes.contains(box.getKey())) {
                members.forEach(member -> boxOf.put(member, box.getKey()));
            }
        }
        for (boolean incoming : new boolean[] {true, false}) {
            for (GraphNode hub : nodes.values()) {
                List<GraphEdge> line = result.stream().filter(edge -> (incoming ? edge.targetId() : edge.sourceId()).equals(hub.id())
                        && isNode(incoming ? edge.sourceId() : edge.targetId())).toList();
                if (!reachesEveryNode(line, incoming, hub)) {
                    continue;
                }
                if (!incoming && line.stream().anyMatch(absorbed::contains)) {
                    continue;
                }
                // An exception answers a group edge; merged into one from everywhere it would stand against that one, unordered.
                if (line.stream().anyMatch(exceptions::contains)) {
                    continue;
                }
                mergeMost(result, line, incoming ? GraphEdge.ANYWHERE : hub.id(), incoming ? hub.id() : GraphEdge.ANYWHERE, List.of());
            }
        }
        return new Result(result, boxOf, List.copyOf(leftOutDrawn));
    }

    /**
     * Each member's edges to the other members as one edge from the member to the box, or each
     * member's edges from them as one edge from the box to it, whichever draws fewer. Not both:
     * a pair under an edge of each kind would have two group edges, neither more specific.
     */
    private void mergeMembers(List<GraphEdge> result, List<String> members, String boxEnd) {
        List<GraphEdge> best = null;
        SummedCover bestTrial = null;
        for (boolean bySource : new boolean[] {true, false}) {
            SummedCover trial = new SummedCover(nodes, needsSelfEdge, leftOut, silence, pinned);
            List<GraphEdge> edges = new ArrayList<>(result);
            for (String member : members) {
                List<GraphEdge> line = edges.stream().filter(edge -> !edge.sourceId().equals(edge.targetId()) && (bySource
                        ? edge.sourceId().equals(member) && members.contains(edge.targetId())
                        : edge.targetId().equals(member) && members.contains(edge.sourceId()))).toList();
                List<GraphEdge> pairs = new ArrayList<>();
                for (String other : members) {
                    boolean self = other.equals(member);
                    boolean hasEdge = self ? edges.stream().anyMatch(edge -> edge.sourceId().equals(member) && edge.targetId().equals(member))
                            : line.stream().anyMatch(edge -> (bySource ? edge.targetId() : edge.sourceId()).equals(other));
                    if (!hasEdge && (!self || needsSelfEdge.test(nodes.get(member)))) {
                        pairs.add(bySource ? unsaidPair(member, other) : unsaidPair(other, member));
                    }
                }
                List<GraphEdge> unsaid = leftOutPairs(pairs);
                if (unsaid != null && line.stream().noneMatch(edge -> exceptions.contains(edge) || trial.exceptions.contains(edge))) {
                    trial.mergeMost(edges, line, bySource ? member : boxEnd, bySource ? boxEnd : member, unsaid);
                }
            }
            if (best == null || edges.size() < best.size()) {
                best = edges;
                bestTrial = trial;
            }
        }
        result.clear();
        result.addAll(best);
        exceptions.addAll(bestTrial.exceptions);
        leftOutDrawn.addAll(bestTrial.leftOutDrawn);
        absorbed.addAll(bestTrial.absorbed);
    }

    /** A pair of nodes a group edge would speak over without an edge of its own: a stand-in without ports. */
    private static GraphEdge unsaidPair(String source, String target) {
        return new GraphEdge(source, target, List.of(), 1);
    }

    /**
     * The pairs a group edge would speak over without an edge of theirs: each as its left-out edge,
     * or, where no summary edge joins the two nodes, as the stand-in (whether it is blocked on the
     * group's ports is asked once those are known); null when one of them cannot be said by an exception.
     */
    private List<GraphEdge> leftOutPairs(List<GraphEdge> pairs) {
        List<GraphEdge> found = new ArrayList<>();
        for (GraphEdge pair : pairs) {
            GraphEdge edge = leftOut.get(pair.key());
            if (edge == null && !(nodes.containsKey(pair.sourceId()) && nodes.containsKey(pair.targetId()))) {
                return null;
            }
            found.add(edge == null ? pair : edge);
        }
        return found;
    }

    private boolean isNode(String end) {
        return nodes.containsKey(end);
    }

    private boolean reachesEveryNode(List<GraphEdge> line, boolean incoming, GraphNode hub) {
        Set<String> ends = new java.util.TreeSet<>();
        line.forEach(edge -> ends.add(incoming ? edge.sourceId() : edge.targetId()));
        for (GraphNode node : nodes.values()) {
            boolean self = node.id().equals(hub.id());
            if (self && !needsSelfEdge.test(node) || node.isExternal() && hub.isExternal()) {
                continue;
            }
            if (!ends.contains(node.id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces the commonest saying of {@code line} by one edge from {@code source} to {@code
     * target}, with an exception for each pair in {@code unsaid} (left out, allowing nothing; or
     * joined by no summary edge and blocked on the group's ports), if that saves enough; true if it did.
     */
    private boolean mergeMost(List<GraphEdge> result, List<GraphEdge> line, String source, String target, List<GraphEdge> unsaid) {
        Map<List<PortVerdict>, List<GraphEdge>> bySaying = new LinkedHashMap<>();
        // A pinned edge keeps its line: it counts as said (the group edge does not speak for it), never as merged.
        line.stream().filter(edge -> !pinned.contains(edge.key()))
                .forEach(edge -> bySaying.computeIfAbsent(saying(edge), k -> new ArrayList<>()).add(edge));
        List<GraphEdge> most = bySaying.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(List.of());
        if (most.size() < FEWEST_MERGED || most.size() - 1 - unsaid.size() < FEWEST_MERGED - 1) {
            return false;
        }
        GraphEdge group = groupEdge(source, target, most);
        List<PortRange> groupPorts = group.ports().stream().map(PortVerdict::port).toList();
        for (GraphEdge pair : unsaid) {
            if (!leftOut.containsKey(pair.key()) && !silence.blockedOn(pair.sourceId(), pair.targetId(), groupPorts)) {
                return false;
            }
        }
        result.removeAll(most);
        absorbed.addAll(most);
        result.add(group);
        for (GraphEdge pair : unsaid) {
            // The group's ports, each blocked: the pair allows none of them.
            List<PortVerdict> blocked = groupPorts.stream().map(port -> new PortVerdict(port, false, false, false)).toList();
            GraphEdge exception = new GraphEdge(pair.sourceId(), pair.targetId(), blocked, pair.pairs());
            result.add(exception);
            exceptions.add(exception);
            if (leftOut.containsKey(pair.key())) {
                leftOutDrawn.add(exception);
            }
        }
        return true;
    }

    /** What an edge says, whatever changed: each port's verdict. */
    private static List<PortVerdict> saying(GraphEdge edge) {
        return edge.ports().stream().map(port -> new PortVerdict(port.port(), port.allowed(), port.partial(), false)).toList();
    }

    private static GraphEdge groupEdge(String source, String target, List<GraphEdge> merged) {
        List<PortVerdict> ports = new ArrayList<>();
        List<PortVerdict> first = merged.get(0).ports();
        for (int i = 0; i < first.size(); i++) {
            int index = i;
            PortVerdict port = first.get(i);
            boolean changed = merged.stream().anyMatch(edge -> edge.ports().get(index).changed());
            ports.add(new PortVerdict(port.port(), port.allowed(), port.partial(), changed));
        }
        return new GraphEdge(source, target, ports, merged.stream().mapToLong(GraphEdge::pairs).sum());
    }
}

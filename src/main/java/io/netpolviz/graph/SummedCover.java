package io.netpolviz.graph;

import java.util.ArrayList;
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
 * everywhere does the same. A group edge needs an edge from every member it speaks for — a pair
 * the picture leaves out never sits under one.
 */
final class SummedCover {

    /** A group edge replaces at least this many edges, or it is not worth a new kind of mark. */
    private static final int FEWEST_MERGED = 3;

    private final Map<String, GraphNode> nodes;
    private final Predicate<GraphNode> needsSelfEdge;
    /** Label key of a box ({@code team}) to the ids of its members. */
    private final Map<String, List<String>> boxes = new TreeMap<>();
    private final List<GraphEdge> absorbed = new ArrayList<>();

    /**
     * @param needsSelfEdge whether a node stands for pairs among its own members (a collapsed
     *     namespace, a workload with several pods): then a group edge over it needs its edge to itself
     */
    private SummedCover(Map<String, GraphNode> nodes, Predicate<GraphNode> needsSelfEdge) {
        this.nodes = nodes;
        this.needsSelfEdge = needsSelfEdge;
        for (GraphNode node : nodes.values()) {
            if (node.isGroup() && node.name().contains("=")) {
                // "team=…": no namespace can be named so, so the box never meets a real one.
                boxes.computeIfAbsent(node.name().substring(0, node.name().indexOf('=')) + "=\u2026", k -> new ArrayList<>()).add(node.id());
            }
        }
        boxes.values().removeIf(members -> members.size() < 2);
    }

    /** The edges to draw, and which node sits in which group box. */
    record Result(List<GraphEdge> edges, Map<String, String> boxOf) {
    }

    static Result merged(List<GraphEdge> edges, Map<String, GraphNode> nodes, Predicate<GraphNode> needsSelfEdge) {
        return new SummedCover(nodes, needsSelfEdge).merge(edges);
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
            if (inside.size() == expected) {
                mergeMost(result, inside, boxEnd, boxEnd);
            }
            for (GraphNode other : nodes.values()) {
                if (members.contains(other.id())) {
                    continue;
                }
                for (boolean fromBox : new boolean[] {true, false}) {
                    List<GraphEdge> line = result.stream().filter(edge -> fromBox
                            ? members.contains(edge.sourceId()) && edge.targetId().equals(other.id())
                            : edge.sourceId().equals(other.id()) && members.contains(edge.targetId())).toList();
                    if (line.size() == members.size()) {
                        mergeMost(result, line, fromBox ? boxEnd : other.id(), fromBox ? other.id() : boxEnd);
                    }
                }
            }
            members.forEach(member -> boxOf.put(member, box.getKey()));
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
                mergeMost(result, line, incoming ? GraphEdge.ANYWHERE : hub.id(), incoming ? hub.id() : GraphEdge.ANYWHERE);
            }
        }
        return new Result(result, boxOf);
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

    /** Replaces the commonest saying of {@code line} by one edge from {@code source} to {@code target}, if that saves enough. */
    private void mergeMost(List<GraphEdge> result, List<GraphEdge> line, String source, String target) {
        Map<List<PortVerdict>, List<GraphEdge>> bySaying = new LinkedHashMap<>();
        line.forEach(edge -> bySaying.computeIfAbsent(saying(edge), k -> new ArrayList<>()).add(edge));
        List<GraphEdge> most = bySaying.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(List.of());
        if (most.size() < FEWEST_MERGED) {
            return;
        }
        result.removeAll(most);
        absorbed.addAll(most);
        result.add(groupEdge(source, target, most));
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

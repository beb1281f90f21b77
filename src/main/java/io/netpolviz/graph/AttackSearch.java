package io.netpolviz.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Reach, shortest paths and minimum cuts over an {@link AttackGraph}, with JGraphT's breadth-first
 * search and its Edmonds–Karp maximum flow (every edge of capacity 1, so the minimum s–t cut is
 * the fewest connections whose closing leaves no path).
 */
public final class AttackSearch {

    private final AttackGraph attackGraph;

    public AttackSearch(AttackGraph attackGraph) {
        this.attackGraph = attackGraph;
    }

    /** Every workload (and the internet) {@code from} reaches within {@code maxHops} hops. */
    public Reach reach(String from, int maxHops) {
        int start = node(from);
        Graph<Integer, Hop> graph = attackGraph.queryGraph(start, null);
        Map<Integer, Integer> depth = depths(graph, AttackGraph.START);
        List<Reach.Reached> reached = new ArrayList<>();
        depth.forEach((node, hops) -> {
            if (node == AttackGraph.START || hops > maxHops) {
                return;
            }
            for (String member : attackGraph.members(node)) {
                if (!member.equals(from)) {
                    reached.add(new Reach.Reached(member, hops));
                }
            }
        });
        reached.sort(Comparator.comparingInt(Reach.Reached::hops).thenComparing(Reach.Reached::node));
        int workloads = 0;
        for (int c = 0; c < attackGraph.classCount(); c++) {
            workloads += attackGraph.members(c).size();
        }
        long reachedWorkloads = reached.stream().filter(r -> !r.node().equals(AttackGraph.INTERNET)).count();
        int unreached = (int) (workloads - reachedWorkloads - (start == AttackGraph.INTERNET_NODE ? 0 : 1));
        return new Reach(from, maxHops, reached, unreached);
    }

    /** The shortest paths from one node to another within {@code maxHops} (at most {@code limit}), and a minimum cut. */
    public AttackPaths paths(String from, String to, int maxHops, int limit) {
        int start = node(from);
        int end = node(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a path needs two different nodes");
        }
        Graph<Integer, Hop> graph = attackGraph.queryGraph(start, end);
        Map<Integer, Integer> fromStart = depths(graph, AttackGraph.START);
        Map<Integer, Integer> toEnd = depths(new EdgeReversedGraph<>(graph), AttackGraph.END);
        Namer namer = new Namer(from, to);
        Integer length = fromStart.get(AttackGraph.END);
        if (length == null) {
            return new AttackPaths(from, to, -1, List.of(), false, List.of(), Map.of());
        }
        List<List<PathHop>> paths = new ArrayList<>();
        boolean more = false;
        if (length <= maxHops) {
            List<List<Hop>> found = new ArrayList<>();
            walk(graph, AttackGraph.START, length, fromStart, toEnd, new LinkedList<>(), found, limit + 1, namer);
            more = found.size() > limit;
            found.stream().limit(limit).forEach(path -> paths.add(path.stream().map(hop -> namer.hop(graph, hop)).toList()));
        }
        // Of the minimum cuts, the one nearest the target: found from the target over reversed edges, it guards what is
        // attacked rather than closing the way in for everyone (an ingress controller's one edge from the internet, say).
        EdmondsKarpMFImpl<Integer, Hop> flow = new EdmondsKarpMFImpl<>(new EdgeReversedGraph<>(graph));
        flow.calculateMinCut(AttackGraph.END, AttackGraph.START);
        List<PathHop> cut = flow.getCutEdges().stream().map(hop -> namer.hop(graph, hop))
                .sorted(Comparator.comparing(PathHop::source).thenComparing(PathHop::destination)).toList();
        return new AttackPaths(from, to, length <= maxHops ? length : -1, paths, more, cut, namer.alike);
    }

    /** Depth-first along the edges that stay on a shortest path, the next nodes in name order. */
    private boolean walk(Graph<Integer, Hop> graph, int at, int length, Map<Integer, Integer> fromStart, Map<Integer, Integer> toEnd,
            LinkedList<Hop> sofar, List<List<Hop>> found, int enough, Namer namer) {
        if (at == AttackGraph.END) {
            found.add(List.copyOf(sofar));
            return found.size() >= enough;
        }
        int depth = fromStart.get(at);
        List<Hop> next = graph.outgoingEdgesOf(at).stream()
                .filter(hop -> {
                    int target = graph.getEdgeTarget(hop);
                    return fromStart.getOrDefault(target, -1) == depth + 1 && toEnd.getOrDefault(target, -1) == length - depth - 1;
                })
                .sorted(Comparator.comparing(hop -> namer.name(graph.getEdgeTarget(hop))))
                .toList();
        for (Hop hop : next) {
            sofar.addLast(hop);
            boolean done = walk(graph, graph.getEdgeTarget(hop), length, fromStart, toEnd, sofar, found, enough, namer);
            sofar.removeLast();
            if (done) {
                return true;
            }
        }
        return false;
    }

    /** Breadth-first depths from {@code start} over the whole graph. */
    private static Map<Integer, Integer> depths(Graph<Integer, Hop> graph, int start) {
        Map<Integer, Integer> depth = new HashMap<>();
        BreadthFirstIterator<Integer, Hop> search = new BreadthFirstIterator<>(graph, start);
        while (search.hasNext()) {
            int node = search.next();
            depth.put(node, search.getDepth(node));
        }
        return depth;
    }

    private int node(String name) {
        return attackGraph.node(name).orElseThrow(() -> new IllegalArgumentException("unknown node '" + name
                + "': name a workload or pod as NAMESPACE/NAME, or the internet as " + AttackGraph.INTERNET));
    }

    /** Names nodes for people: the start and end as asked, a class by its first workload (the others noted as alike). */
    private final class Namer {
        private final String from;
        private final String to;
        private final Map<String, List<String>> alike = new TreeMap<>();

        Namer(String from, String to) {
            this.from = from;
            this.to = to;
        }

        String name(int node) {
            if (node == AttackGraph.START) {
                return from;
            }
            if (node == AttackGraph.END) {
                return to;
            }
            return attackGraph.members(node).get(0);
        }

        /** The hop in names; a class with several workloads is noted in {@code alike}. */
        PathHop hop(Graph<Integer, Hop> graph, Hop hop) {
            for (int node : List.of(graph.getEdgeSource(hop), graph.getEdgeTarget(hop))) {
                List<String> members = node < 0 ? List.of() : attackGraph.members(node);
                if (members.size() > 1) {
                    alike.put(members.get(0), members.subList(1, members.size()));
                }
            }
            return new PathHop(name(graph.getEdgeSource(hop)), name(graph.getEdgeTarget(hop)), hop.ports());
        }
    }
}

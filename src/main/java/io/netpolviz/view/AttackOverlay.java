package io.netpolviz.view;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PathHop;
import io.netpolviz.graph.Reach;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the diagram marks for an attacker's view: the start, each node reached with its hop count
 * (the rest is dimmed), and, for "how can X reach Y", the edges of the shortest paths and of the
 * cut. Node ids are the picture's: a workload by {@code namespace/name}; the internet stands for
 * every address node ({@code ext:...}) of the picture.
 */
public record AttackOverlay(String from, String to, Map<String, Integer> hops, Set<String> pathEdges, Set<String> cutEdges) {

    public static final AttackOverlay NONE = new AttackOverlay(null, null, Map.of(), Set.of(), Set.of());

    public AttackOverlay {
        hops = Map.copyOf(hops);
        pathEdges = Set.copyOf(pathEdges);
        cutEdges = Set.copyOf(cutEdges);
    }

    public static AttackOverlay of(Reach reach, AttackPaths paths) {
        return of(reach, paths, UnaryOperator.identity());
    }

    /**
     * @param shownAs the node of the picture that shows a workload: itself, or in a summed-up
     *     picture the namespace, group or part it is collapsed into (marked with the fewest hops of
     *     the workloads it holds)
     */
    public static AttackOverlay of(Reach reach, AttackPaths paths, UnaryOperator<String> shownAs) {
        Map<String, Integer> hops = new TreeMap<>();
        reach.reached().forEach(r -> hops.merge(shownAs.apply(r.node()), r.hops(), Math::min));
        hops.put(shownAs.apply(reach.from()), 0);
        if (paths == null) {
            return new AttackOverlay(reach.from(), null, hops, Set.of(), Set.of());
        }
        Set<String> onPaths = new HashSet<>();
        paths.paths().forEach(path -> path.forEach(hop -> onPaths.add(key(hop, shownAs))));
        Set<String> cut = new HashSet<>();
        paths.cut().forEach(hop -> cut.add(key(hop, shownAs)));
        return new AttackOverlay(reach.from(), paths.to(), hops, onPaths, cut);
    }

    private static String key(PathHop hop, UnaryOperator<String> shownAs) {
        return GraphEdge.key(shownAs.apply(hop.source()), shownAs.apply(hop.destination()));
    }

    public boolean active() {
        return from != null;
    }

    /** The hops from the start to a node of the picture, or null when it is not reached. */
    public Integer hopsTo(String nodeId) {
        return hops.get(asAttackNode(nodeId));
    }

    public boolean onPath(String edgeKey) {
        return pathEdges.contains(asAttackKey(edgeKey));
    }

    public boolean onCut(String edgeKey) {
        return cutEdges.contains(asAttackKey(edgeKey));
    }

    /** An address node of the picture is the internet to the attack graph. */
    private static String asAttackNode(String nodeId) {
        return nodeId.startsWith("ext:") ? AttackGraph.INTERNET : nodeId;
    }

    private static String asAttackKey(String edgeKey) {
        String[] ends = edgeKey.split("->", 2);
        return ends.length < 2 ? edgeKey : GraphEdge.key(asAttackNode(ends[0]), asAttackNode(ends[1]));
    }

    /** The nodes of a list, for tests and words. */
    public List<String> reachedNodes() {
        return hops.keySet().stream().filter(node -> !node.equals(from)).toList();
    }
}

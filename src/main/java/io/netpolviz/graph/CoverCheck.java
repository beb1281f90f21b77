package io.netpolviz.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Combines a cover drawn per destination with one drawn per source and takes away every edge the
 * picture can do without, checking after each removal that every pair still reads right. A pair
 * reads by the most specific edges that stand for it (a node is more specific than its box, a box
 * than everywhere, on each end); they must all give its verdict, and a pair nobody draws must not
 * sit under an edge that allows something. Each cover reads right alone, and so does their union
 * (a pair that one cover draws on its own is drawn on its own in the union; any other pair both
 * covers give correctly), so the pruning starts from a right picture and keeps it right.
 */
final class CoverCheck {

    private final List<PairVerdicts.Pair> pairs;
    private final Set<String> drawn;
    private final Function<String, String> box;
    private final Set<String> zoneBoxes;

    CoverCheck(List<PairVerdicts.Pair> pairs, Set<String> drawn, Function<String, String> box, Set<String> zoneBoxes) {
        this.pairs = pairs;
        this.drawn = drawn;
        this.box = box;
        this.zoneBoxes = zoneBoxes;
    }

    /**
     * The union of two right covers, plus each candidate that keeps it right, with every
     * removable edge removed, singles before groups, in a fixed order.
     */
    List<GraphEdge> pruned(List<GraphEdge> first, List<GraphEdge> second, List<GraphEdge> candidates) {
        Map<String, GraphEdge> union = new LinkedHashMap<>();
        first.forEach(edge -> union.putIfAbsent(edge.key(), edge));
        second.forEach(edge -> union.putIfAbsent(edge.key(), edge));
        List<GraphEdge> edges = new ArrayList<>(union.values());
        if (!reads(edges, pairs)) {
            return first;
        }
        for (GraphEdge candidate : candidates) {
            if (union.containsKey(candidate.key())) {
                continue;
            }
            edges.add(candidate);
            List<PairVerdicts.Pair> span = pairs.stream().filter(pair -> covers(candidate, pair)).toList();
            if (reads(edges, span)) {
                union.put(candidate.key(), candidate);
            } else {
                edges.remove(candidate);
            }
        }
        Map<GraphEdge, List<PairVerdicts.Pair>> spans = new HashMap<>();
        for (GraphEdge edge : edges) {
            spans.put(edge, pairs.stream().filter(pair -> covers(edge, pair)).toList());
        }
        List<GraphEdge> order = new ArrayList<>(edges);
        // Try the narrowest edges first: a single pair, then groups from the smallest.
        order.sort((a, b) -> {
            int bySpan = Integer.compare(spans.get(a).size(), spans.get(b).size());
            return bySpan != 0 ? bySpan : a.key().compareTo(b.key());
        });
        boolean removedAny = true;
        while (removedAny) {
            removedAny = false;
            for (GraphEdge candidate : order) {
                if (!edges.contains(candidate) || isHalfOpenSingle(candidate)) {
                    continue;
                }
                edges.remove(candidate);
                if (reads(edges, spans.get(candidate))) {
                    removedAny = true;
                } else {
                    edges.add(candidate);
                    // Keep the original order so the result does not depend on removal attempts.
                    edges.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
                }
            }
        }
        List<GraphEdge> result = new ArrayList<>(union.values());
        result.retainAll(edges);
        return result;
    }

    /** The half-open pairs by key, found when first asked. */
    private Map<String, PairVerdicts.Pair> halfOpen;

    /** The half-open pair {@code key}, or null when that pair is not half-open (or no pair). */
    PairVerdicts.Pair halfOpenPair(String key) {
        if (halfOpen == null) {
            halfOpen = new HashMap<>();
            pairs.stream().filter(PairVerdicts.Pair::halfOpen).forEach(pair -> halfOpen.put(pair.key(), pair));
        }
        return halfOpen.get(key);
    }

    private boolean isHalfOpenSingle(GraphEdge edge) {
        if (edge.touchesBox()) {
            return false;
        }
        return halfOpenPair(edge.key()) != null;
    }

    /** Whether each of {@code checked} reads right from {@code edges}. */
    boolean reads(List<GraphEdge> edges, List<PairVerdicts.Pair> checked) {
        for (PairVerdicts.Pair pair : checked) {
            List<GraphEdge> covering = edges.stream().filter(edge -> covers(edge, pair)).toList();
            List<GraphEdge> specific = covering.stream()
                    .filter(edge -> covering.stream().noneMatch(other -> other != edge && narrower(other, edge)))
                    .toList();
            if (specific.isEmpty()) {
                if (drawn.contains(pair.key())) {
                    return false;
                }
                continue;
            }
            for (GraphEdge edge : specific) {
                if (!edge.allowedToward(pair.destination()).equals(pair.allowed())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The pairs of {@code checked} that read from {@code edge}: it is among the most specific of {@code edges} that stand for them. */
    List<PairVerdicts.Pair> readingFrom(GraphEdge edge, List<GraphEdge> edges, List<PairVerdicts.Pair> checked) {
        List<PairVerdicts.Pair> reading = new ArrayList<>();
        for (PairVerdicts.Pair pair : checked) {
            if (covers(edge, pair) && edges.stream().noneMatch(other -> other != edge && narrower(other, edge) && covers(other, pair))) {
                reading.add(pair);
            }
        }
        return reading;
    }

    boolean covers(GraphEdge edge, PairVerdicts.Pair pair) {
        String source = id(pair.source());
        if (pair.source() == pair.destination() && edge.sourceId().equals(source) != edge.targetId().equals(source)) {
            // "web -> every workload of storefront" speaks of the others, not of web's replicas among themselves.
            return false;
        }
        return contains(edge.sourceId(), source) && contains(edge.targetId(), id(pair.destination()));
    }

    /** An endpoint's id, made once: this check asks for it for every pair and edge, and an id is built each time it is asked. */
    private String id(io.netpolviz.policy.Endpoint endpoint) {
        return ids.computeIfAbsent(endpoint, io.netpolviz.policy.Endpoint::id);
    }

    private final Map<io.netpolviz.policy.Endpoint, String> ids = new java.util.IdentityHashMap<>();

    /** Whether an edge end stands for an endpoint: itself, its box, the zone its box is in, or everywhere. */
    private boolean contains(String end, String endpointId) {
        if (end.equals(endpointId) || GraphEdge.ANYWHERE.equals(end)) {
            return true;
        }
        String endpointBox = box(endpointId);
        return end.equals(endpointBox) || ZONE.equals(end) && zoneBoxes.contains(endpointBox);
    }

    private static final String ZONE = GraphEdge.boxId(GraphNode.OPEN_ZONE);

    /** Whether the namespaces no policy isolates are one zone (two or more of them): an edge may end at the zone. */
    boolean hasZone() {
        return zoneBoxes.size() > 1;
    }

    /** The box an endpoint is drawn in (asked for every pair and edge, so kept once found). */
    String box(String endpointId) {
        return boxes.computeIfAbsent(endpointId, box);
    }

    private final Map<String, String> boxes = new HashMap<>();

    /** Whether {@code a} is more specific than {@code b}: each end the same or inside. */
    private static boolean narrower(GraphEdge a, GraphEdge b) {
        return level(a.sourceId()) <= level(b.sourceId()) && level(a.targetId()) <= level(b.targetId())
                && (level(a.sourceId()) < level(b.sourceId()) || level(a.targetId()) < level(b.targetId()));
    }

    private static int level(String end) {
        return GraphEdge.ANYWHERE.equals(end) ? 3 : ZONE.equals(end) ? 2 : GraphEdge.isBox(end) ? 1 : 0;
    }
}

package io.netpolviz.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of a cover: half-open pairs that tell one story are drawn as one edge. When a
 * rule names a whole namespace (lesson 05's redis admits "any pod in storefront" on 6379) and
 * most of that namespace's egress does not follow, every such pair is half-open and blocked on
 * the same ports; drawn one by one they are a fan of dashed lines saying the same thing. Here
 * the pairs between one end and one namespace box that are blocked with the same label become one
 * edge from (or to) the box, when every pair of that span is drawn (an exception has its own edge, as the
 * legend says) and the picture still reads right pair by pair ({@link CoverCheck}). A blocked
 * group edge never speaks for a pair the picture leaves out: that one is counted on the summary line.
 * Address blocks are not grouped: each names an address a rule was written for.
 */
final class HalfOpenGroups {

    private final List<PairVerdicts.Pair> pairs;
    private final Set<String> drawn;
    private final CoverCheck check;

    HalfOpenGroups(List<PairVerdicts.Pair> pairs, Set<String> drawn, CoverCheck check) {
        this.pairs = pairs;
        this.drawn = drawn;
        this.check = check;
    }

    /** The edges with each group of like half-open singles (two or more) drawn as one box edge where that reads right. */
    List<GraphEdge> merged(List<GraphEdge> edges) {
        if (pairs.stream().noneMatch(PairVerdicts.Pair::halfOpen)) {
            return edges;
        }
        List<GraphEdge> result = new ArrayList<>(edges);
        for (boolean boxAtSource : List.of(true, false)) {
            Map<String, List<GraphEdge>> alike = new LinkedHashMap<>();
            for (GraphEdge edge : result) {
                PairVerdicts.Pair pair = halfOpenBlockedPair(edge);
                String grouped = boxAtSource ? edge.sourceId() : edge.targetId();
                // An address block is a story of its own (lesson 10's threat feed): only workloads are grouped.
                if (pair != null && !check.box(grouped).equals(GraphEdge.boxId(GraphNode.OUTSIDE))) {
                    String group = boxAtSource ? check.box(edge.sourceId()) + "->" + edge.targetId()
                            : edge.sourceId() + "->" + check.box(edge.targetId());
                    alike.computeIfAbsent(group + " " + edge.ports(), k -> new ArrayList<>()).add(edge);
                }
            }
            for (List<GraphEdge> members : alike.values()) {
                if (members.size() > 1) {
                    tryMerge(result, members, boxAtSource);
                }
            }
        }
        return result;
    }

    private void tryMerge(List<GraphEdge> edges, List<GraphEdge> members, boolean boxAtSource) {
        GraphEdge first = members.get(0);
        String source = boxAtSource ? check.box(first.sourceId()) : first.sourceId();
        String target = boxAtSource ? first.targetId() : check.box(first.targetId());
        GraphEdge group = new GraphEdge(source, target, first.ports(), members.size());
        if (edges.stream().anyMatch(edge -> edge.key().equals(group.key()))) {
            return;
        }
        List<PairVerdicts.Pair> span = pairs.stream().filter(pair -> check.covers(group, pair)).toList();
        if (!span.stream().allMatch(pair -> drawn.contains(pair.key()))) {
            return;
        }
        List<GraphEdge> candidate = new ArrayList<>(edges);
        candidate.removeAll(members);
        candidate.add(indexOf(edges, first, members), group);
        if (check.reads(candidate, span)) {
            edges.clear();
            edges.addAll(candidate);
        }
    }

    /** Where the group edge goes: where its first member was, among the edges that stay. */
    private static int indexOf(List<GraphEdge> edges, GraphEdge first, List<GraphEdge> members) {
        int index = 0;
        for (GraphEdge edge : edges) {
            if (edge == first) {
                return index;
            }
            if (!members.contains(edge)) {
                index++;
            }
        }
        return index;
    }

    /** The pair of a single edge between two nodes whose pair is half-open and allows nothing; null otherwise. */
    private PairVerdicts.Pair halfOpenBlockedPair(GraphEdge edge) {
        if (edge.touchesBox() || edge.sourceId().equals(edge.targetId())) {
            return null;
        }
        PairVerdicts.Pair pair = check.halfOpenPair(edge.key());
        return pair != null && !pair.anyAllowed() ? pair : null;
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cheapest cover of one fixed end's pairs (a destination's sources, or a source's
 * destinations): a small dynamic programme over the groups of the other ends — everywhere, the
 * zone of open namespaces, a box, a pair — choosing at each level an edge with a verdict or none,
 * where the most specific edge wins.
 */
final class LineCover {

    private final EdgeCover cover;
    private final Set<String> zoneBoxes;
    private final boolean exceptions;

    LineCover(EdgeCover cover, Set<String> zoneBoxes, boolean exceptions) {
        this.cover = cover;
        this.zoneBoxes = zoneBoxes;
        this.exceptions = exceptions;
    }

    /**
     * One fixed end's cover: group edges (from everywhere or from a box, with a verdict), the pairs
     * drawn on their own, which pairs each group edge stands for, and the other ends and verdicts
     * of the own edges (two covers of the same shape can be drawn as one).
     */
    record Plan(List<Group> groups, List<PairVerdicts.Pair> singles, Map<String, List<PairVerdicts.Pair>> covered,
            List<String> exceptionShape) {

        record Group(String end, PortSet verdict) {
        }

        List<PairVerdicts.Pair> pairsOf(String end) {
            return covered.getOrDefault(end, List.of());
        }

        boolean sameShape(Plan other) {
            return groups.equals(other.groups) && exceptionShape.equals(other.exceptionShape);
        }
    }

    /**
     * The cheapest cover of one fixed end's pairs, grouped by the other end's box (and zone).
     *
     * @param mayGroup whether group edges may be drawn for this fixed end (not for one a focus did not name: they would speak of unseen pairs) */
    Plan plan(Map<String, List<PairVerdicts.Pair>> byBox, boolean perDestination, boolean mayGroup) {
        Solution best = mayGroup ? solve(tree(byBox), null) : below(new Tree(GraphEdge.ANYWHERE, List.of(), allOf(byBox)), null);
        List<Plan.Group> groups = new ArrayList<>();
        Map<String, List<PairVerdicts.Pair>> covered = new HashMap<>();
        List<PairVerdicts.Pair> singles = new ArrayList<>();
        best.collect(groups, covered, singles);
        List<String> shape = singles.stream()
                .map(pair -> (perDestination ? pair.source() : pair.destination()).id() + "=" + pair.allowed().display()
                        + (pair.halfOpen() ? "/half-open" : ""))
                .sorted().toList();
        return new Plan(groups, singles, covered, shape);
    }

    private static List<PairVerdicts.Pair> allOf(Map<String, List<PairVerdicts.Pair>> byBox) {
        List<PairVerdicts.Pair> all = new ArrayList<>();
        byBox.values().forEach(all::addAll);
        return all;
    }

    /** The groups of the other ends: everywhere, then the zone of open namespaces (if any), then boxes, then pairs. */
    private record Tree(String end, List<Tree> children, List<PairVerdicts.Pair> pairs) {

        List<PairVerdicts.Pair> allPairs() {
            if (children.isEmpty()) {
                return pairs;
            }
            List<PairVerdicts.Pair> all = new ArrayList<>();
            children.forEach(child -> all.addAll(child.allPairs()));
            return all;
        }
    }

    private Tree tree(Map<String, List<PairVerdicts.Pair>> byBox) {
        List<Tree> top = new ArrayList<>();
        List<Tree> zone = new ArrayList<>();
        for (Map.Entry<String, List<PairVerdicts.Pair>> box : byBox.entrySet()) {
            Tree leaf = new Tree(box.getKey(), List.of(), box.getValue());
            if (zoneBoxes.contains(box.getKey())) {
                zone.add(leaf);
            } else {
                top.add(leaf);
            }
        }
        if (zone.size() > 1) {
            top.add(new Tree(GraphEdge.boxId(GraphNode.OPEN_ZONE), zone, List.of()));
        } else {
            top.addAll(zone);
        }
        return new Tree(GraphEdge.ANYWHERE, top, List.of());
    }

    /** The best drawing of a group's pairs under an inherited verdict (null: none): an edge here or not, then the children's best. */
    private Solution solve(Tree tree, PortSet inherited) {
        Solution best = below(tree, inherited);
        boolean canPlace = tree.children().isEmpty() ? tree.pairs().size() > 1 : tree.children().size() > 1;
        if (!canPlace) {
            return best;
        }
        List<PairVerdicts.Pair> all = tree.allPairs();
        for (PortSet verdict : verdicts(all)) {
            if (verdict.equals(inherited)) {
                continue;
            }
            if (!exceptions && !all.stream().allMatch(pair -> covers(pair, verdict))) {
                continue;
            }
            Solution placed = below(tree, verdict).withGroup(tree.end(), verdict);
            if (placed.cost() < best.cost()) {
                best = placed;
            }
        }
        return best;
    }

    /** The children's (or the pairs') best under a verdict, without an edge at this level. */
    private Solution below(Tree tree, PortSet inherited) {
        Solution solution = Solution.EMPTY;
        if (tree.children().isEmpty()) {
            for (PairVerdicts.Pair pair : tree.pairs()) {
                if (inherited != null && covers(pair, inherited)) {
                    solution = solution.withCovered(pair);
                } else if (ownEdge(pair, inherited)) {
                    solution = solution.withSingle(pair, !exceptions && inherited != null);
                }
            }
            return solution;
        }
        for (Tree child : tree.children()) {
            solution = solution.with(solve(child, inherited));
        }
        return solution;
    }

    /**
     * A drawing of a group: its cost in edges, the group edges it places (end and verdict), the
     * pairs each placed edge stands for ({@link #INHERITED} for those waiting for an edge above),
     * and the pairs drawn on their own.
     */
    private record Solution(int cost, List<Plan.Group> groups, Map<String, List<PairVerdicts.Pair>> covered,
            List<PairVerdicts.Pair> singles) {

        /** The key under which pairs wait for the nearest placed edge above them. */
        static final String INHERITED = "";
        static final Solution EMPTY = new Solution(0, List.of(), Map.of(), List.of());
        static final int IMPOSSIBLE = Integer.MAX_VALUE / 4;

        Solution withGroup(String groupEnd, PortSet verdict) {
            List<Plan.Group> newGroups = new ArrayList<>();
            newGroups.add(new Plan.Group(groupEnd, verdict));
            newGroups.addAll(groups);
            Map<String, List<PairVerdicts.Pair>> newCovered = new HashMap<>(covered);
            List<PairVerdicts.Pair> mine = newCovered.remove(INHERITED);
            if (mine != null) {
                newCovered.put(groupEnd, mine);
            }
            return new Solution(Math.min(IMPOSSIBLE, cost + 1), newGroups, newCovered, singles);
        }

        Solution withCovered(PairVerdicts.Pair pair) {
            Map<String, List<PairVerdicts.Pair>> newCovered = new HashMap<>(covered);
            List<PairVerdicts.Pair> list = new ArrayList<>(newCovered.getOrDefault(INHERITED, List.of()));
            list.add(pair);
            newCovered.put(INHERITED, list);
            return new Solution(cost, groups, newCovered, singles);
        }

        /** @param forbidden an exception where the filter draws none: this drawing cannot be chosen */
        Solution withSingle(PairVerdicts.Pair pair, boolean forbidden) {
            List<PairVerdicts.Pair> newSingles = new ArrayList<>(singles);
            newSingles.add(pair);
            return new Solution(forbidden ? IMPOSSIBLE : Math.min(IMPOSSIBLE, cost + 1), groups, covered, newSingles);
        }

        /** This drawing with a child's added; what the child left to its parent's verdict stays inherited. */
        Solution with(Solution child) {
            List<Plan.Group> newGroups = new ArrayList<>(groups);
            newGroups.addAll(child.groups);
            Map<String, List<PairVerdicts.Pair>> newCovered = new HashMap<>(covered);
            child.covered.forEach((key, pairs) -> {
                List<PairVerdicts.Pair> list = new ArrayList<>(newCovered.getOrDefault(key, List.of()));
                list.addAll(pairs);
                newCovered.put(key, list);
            });
            List<PairVerdicts.Pair> newSingles = new ArrayList<>(singles);
            newSingles.addAll(child.singles);
            return new Solution((int) Math.min(IMPOSSIBLE, (long) cost + child.cost), newGroups, newCovered, newSingles);
        }

        void collect(List<Plan.Group> outGroups, Map<String, List<PairVerdicts.Pair>> outCovered, List<PairVerdicts.Pair> outSingles) {
            outGroups.addAll(groups);
            covered.forEach((key, pairs) -> {
                if (!INHERITED.equals(key)) {
                    outCovered.put(key, pairs);
                }
            });
            outSingles.addAll(singles);
        }
    }

    /** The verdicts a group edge may carry: those of the pairs it could stand for, each once, in a fixed order. */
    private List<PortSet> verdicts(List<PairVerdicts.Pair> pairs) {
        Map<String, PortSet> seen = new TreeMap<>();
        for (PairVerdicts.Pair pair : pairs) {
            if (covers(pair, pair.allowed())) {
                seen.putIfAbsent(pair.allowed().display(), pair.allowed());
            }
        }
        return List.copyOf(seen.values());
    }

    private boolean covers(PairVerdicts.Pair pair, PortSet verdict) {
        return cover.covers(pair, verdict);
    }

    private boolean ownEdge(PairVerdicts.Pair pair, PortSet inherited) {
        return cover.ownEdge(pair, inherited);
    }
}

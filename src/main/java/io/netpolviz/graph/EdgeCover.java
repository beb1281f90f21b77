package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws a set of pairs with as few edges as exactness allows. Ends are grouped in a hierarchy:
 * every end ({@link GraphEdge#ANYWHERE}), then its box (a namespace, or {@link GraphNode#OUTSIDE}
 * for the address blocks), then the node. An edge from a group stands for every pair from it,
 * except the pairs that an edge from a smaller group inside it (or from the node itself) draws:
 * the most specific edge wins, as in a firewall. For each destination the cheapest such cover of
 * its sources is found exactly (a small dynamic programme over the three levels); destinations of
 * one box with the same cover are then drawn once, to the box. The same is done the other way
 * round (per source, grouping destinations) and the picture with fewer edges is kept.
 *
 * <p>A pair that is not drawn (blocked, and nobody names it) may sit under a group edge only if
 * it has the group's verdict, or else it is drawn as an exception; a half-open pair always has
 * its own edge. Filters other than the default and "all" only merge groups whose every pair has
 * one verdict, since an exception they do not draw would be misread.
 */
final class EdgeCover {

    private final List<PairVerdicts.Pair> pairs;
    private final Set<String> drawn;
    private final PairVerdicts before;
    private final Map<String, GraphNode> nodes;
    private final boolean exceptions;
    /** Whether labels name every declared port that is blocked ("all edges"), not only those rules name. */
    private final boolean everyPort;
    /** The nodes a focus or search names; empty without one. Group edges then only fan out from these. */
    private final Set<String> anchors;
    /** The boxes of the namespaces no switched-on policy isolates, grouped in one zone when there are two or more. */
    private final Set<String> zoneBoxes = new java.util.TreeSet<>();

    EdgeCover(List<PairVerdicts.Pair> pairs, Set<String> drawn, PairVerdicts before, Map<String, GraphNode> nodes, boolean exceptions,
            Set<String> openNamespaces, boolean everyPort, Set<String> anchors) {
        this.everyPort = everyPort;
        this.anchors = anchors;
        openNamespaces.forEach(namespace -> zoneBoxes.add(GraphEdge.boxId(namespace)));
        this.pairs = pairs;
        this.drawn = drawn;
        this.before = before;
        this.nodes = nodes;
        this.exceptions = exceptions;
    }

    /** Above this many pairs the two covers are compared as they are, without combining them. */
    static final int COMBINE_UP_TO_PAIRS = 6_000;

    List<GraphEdge> edges() {
        if (pairs.stream().noneMatch(pair -> drawn.contains(pair.key()))) {
            return List.of();
        }
        List<GraphEdge> byDestination = cover(true);
        List<GraphEdge> bySource = cover(false);
        List<GraphEdge> best = bySource.size() < byDestination.size() ? bySource : byDestination;
        if (pairs.size() <= COMBINE_UP_TO_PAIRS) {
            List<GraphEdge> candidates = anchors.isEmpty() ? unitEdges() : List.of();
            List<GraphEdge> combined = new CoverCheck(pairs, drawn, this::box, zoneBoxes).pruned(byDestination, bySource, candidates);
            if (combined.size() < best.size()) {
                best = combined;
            }
        }
        return best;
    }

    /**
     * Edges between whole units (boxes, the outside, the zone of open namespaces), each with the
     * commonest verdict of its pairs: candidates the combined cover may take where they read right.
     */
    private List<GraphEdge> unitEdges() {
        List<String> units = new ArrayList<>();
        if (zoneBoxes.size() > 1) {
            units.add(GraphEdge.boxId(GraphNode.OPEN_ZONE));
        }
        pairs.forEach(pair -> {
            for (String end : List.of(box(pair.source().id()), box(pair.destination().id()))) {
                if (!units.contains(end)) {
                    units.add(end);
                }
            }
        });
        List<GraphEdge> candidates = new ArrayList<>();
        for (String source : units) {
            for (String target : units) {
                List<PairVerdicts.Pair> span = pairs.stream()
                        .filter(pair -> inUnit(source, pair.source().id()) && inUnit(target, pair.destination().id())).toList();
                if (span.size() < 2) {
                    continue;
                }
                Map<PortSet, Integer> counts = new LinkedHashMap<>();
                span.stream().filter(pair -> covers(pair, pair.allowed())).forEach(pair -> counts.merge(pair.allowed(), 1, Integer::sum));
                counts.entrySet().stream()
                        .max((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().display().compareTo(b.getKey().display()) * -1
                                : Integer.compare(a.getValue(), b.getValue()))
                        .filter(best -> best.getValue() > 1)
                        .ifPresent(best -> candidates.add(merged(true, source, target, best.getKey(),
                                span.stream().filter(pair -> covers(pair, best.getKey())).toList())));
            }
        }
        return candidates;
    }

    private boolean inUnit(String unit, String endpointId) {
        String endpointBox = box(endpointId);
        return unit.equals(endpointBox) || unit.equals(GraphEdge.boxId(GraphNode.OPEN_ZONE)) && zoneBoxes.contains(endpointBox);
    }

    /** How many of {@code pairs} no edge of {@code edges} stands for. */
    long uncovered(List<GraphEdge> edges, List<PairVerdicts.Pair> candidates) {
        CoverCheck check = new CoverCheck(pairs, drawn, this::box, zoneBoxes);
        return candidates.stream().filter(pair -> edges.stream().noneMatch(edge -> check.covers(edge, pair))).count();
    }

    /** The box an end belongs to: its namespace's, or the outside's for an address block. */
    String box(String endpointId) {
        GraphNode node = nodes.get(endpointId);
        return GraphEdge.boxId(node.isExternal() ? GraphNode.OUTSIDE : node.namespace());
    }

    /**
     * @param perDestination true: for each destination, group its sources; false: for each
     *     source, group its destinations
     */
    private List<GraphEdge> cover(boolean perDestination) {
        // fixed end -> (box of the other end -> pairs)
        Map<String, Map<String, List<PairVerdicts.Pair>>> lines = new LinkedHashMap<>();
        List<GraphEdge> loops = new ArrayList<>();
        for (PairVerdicts.Pair pair : pairs) {
            if (pair.source() == pair.destination()) {
                // A workload's replicas among themselves: a loop of their own, unless a group over both ends
                // says it (the combined cover can take those); never one from the workload to its box.
                if (drawn.contains(pair.key())) {
                    loops.add(single(pair));
                }
                continue;
            }
            String fixed = (perDestination ? pair.destination() : pair.source()).id();
            String other = (perDestination ? pair.source() : pair.destination()).id();
            lines.computeIfAbsent(fixed, k -> new TreeMap<>()).computeIfAbsent(box(other), k -> new ArrayList<>()).add(pair);
        }
        // Each fixed end's cheapest cover, as (group, verdict) steps with the pairs that keep their own edges.
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<PairVerdicts.Pair>>> line : lines.entrySet()) {
            plans.put(line.getKey(), plan(line.getValue(), perDestination, anchors.isEmpty() || anchors.contains(line.getKey())));
        }
        // Fixed ends of one box with equal covers are drawn once, to (or from) the box; the boxes
        // of the open zone, once to (or from) the zone when all of theirs are equal too.
        Map<String, List<String>> byBox = new LinkedHashMap<>();
        plans.keySet().forEach(fixed -> byBox.computeIfAbsent(box(fixed), k -> new ArrayList<>()).add(fixed));
        List<GraphEdge> edges = new ArrayList<>(loops);
        List<String> zoneMembers = new ArrayList<>();
        byBox.forEach((box, members) -> {
            if (zoneBoxes.contains(box)) {
                zoneMembers.addAll(members);
            }
        });
        String zone = GraphEdge.boxId(GraphNode.OPEN_ZONE);
        boolean zoneDrawnOnce = anchors.isEmpty() && zoneBoxes.size() > 1 && zoneMembers.size() == zoneBoxes.stream().mapToLong(this::boxSize).sum()
                && emitSame(zone, zoneMembers, plans, perDestination, edges);
        for (Map.Entry<String, List<String>> box : byBox.entrySet()) {
            if (zoneDrawnOnce && zoneBoxes.contains(box.getKey())) {
                continue;
            }
            List<String> members = box.getValue();
            if (!anchors.isEmpty() || members.size() != boxSize(box.getKey()) || !emitSame(box.getKey(), members, plans, perDestination, edges)) {
                for (String member : members) {
                    Plan plan = plans.get(member);
                    for (Plan.Group group : plan.groups()) {
                        edges.add(merged(perDestination, group.end(), member, group.verdict(), plan.pairsOf(group.end())));
                    }
                    plan.singles().forEach(pair -> edges.add(single(pair)));
                }
            }
        }
        return edges;
    }

    /**
     * Draws the covers of several fixed ends as one, to (or from) the unit that holds them, when
     * they all have the same shape and some group edge; says whether it did.
     */
    private boolean emitSame(String unit, List<String> members, Map<String, Plan> plans, boolean perDestination, List<GraphEdge> edges) {
        Plan first = plans.get(members.get(0));
        boolean same = members.size() > 1 && !first.groups().isEmpty()
                && members.stream().allMatch(member -> plans.get(member).sameShape(first));
        if (!same) {
            return false;
        }
        for (Plan.Group group : first.groups()) {
            List<PairVerdicts.Pair> covered = new ArrayList<>();
            members.forEach(member -> covered.addAll(plans.get(member).pairsOf(group.end())));
            edges.add(merged(perDestination, group.end(), unit, group.verdict(), covered));
        }
        members.forEach(member -> plans.get(member).singles().forEach(pair -> edges.add(single(pair))));
        return true;
    }

    private long boxSize(String box) {
        return nodes.keySet().stream().filter(id -> box(id).equals(box)).filter(id -> pairs.stream().anyMatch(
                pair -> pair.source().id().equals(id) || pair.destination().id().equals(id))).count();
    }

    /**
     * One fixed end's cover: group edges (from everywhere or from a box, with a verdict), the pairs
     * drawn on their own, which pairs each group edge stands for, and the other ends and verdicts
     * of the own edges (two covers of the same shape can be drawn as one).
     */
    private record Plan(List<Group> groups, List<PairVerdicts.Pair> singles, Map<String, List<PairVerdicts.Pair>> covered,
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

    /** The cheapest cover of one fixed end's pairs, grouped by the other end's box (and zone). */
    /** @param mayGroup whether group edges may be drawn for this fixed end (not for one a focus did not name: they would speak of unseen pairs) */
    private Plan plan(Map<String, List<PairVerdicts.Pair>> byBox, boolean perDestination, boolean mayGroup) {
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

    /** Whether a group edge with this verdict may stand for the pair. */
    boolean covers(PairVerdicts.Pair pair, PortSet verdict) {
        if (pair.halfOpen() || !pair.allowed().equals(verdict)) {
            return false;
        }
        // A blocked verdict stands only for pairs the picture draws (a change, say), never for silence.
        return !verdict.isEmpty() || drawn.contains(pair.key());
    }

    /** Whether a pair not covered by a group needs its own edge: it is drawn, or it must not read as the group's verdict. */
    boolean ownEdge(PairVerdicts.Pair pair, PortSet inherited) {
        return drawn.contains(pair.key()) || inherited != null;
    }

    private GraphEdge merged(boolean perDestination, String group, String fixed, PortSet verdict, List<PairVerdicts.Pair> covered) {
        String source = perDestination ? group : fixed;
        String target = perDestination ? fixed : group;
        List<PortVerdict> ports = new ArrayList<>();
        boolean allowed = !verdict.isEmpty();
        for (PortRange range : allowed ? verdict.ranges() : PortSet.ALL.ranges()) {
            boolean changed = covered.stream().anyMatch(pair -> changedOn(pair, range, allowed));
            ports.add(new PortVerdict(range, allowed, false, changed));
        }
        if (allowed) {
            // Ports worth naming that every pair of the group has blocked: the lesson's mistakes show on the group edge too.
            for (PortRange candidate : commonBlockedCandidates(covered)) {
                ports.add(new PortVerdict(candidate, false, verdict.overlaps(candidate),
                        covered.stream().anyMatch(pair -> changedOn(pair, candidate, false))));
            }
        }
        return new GraphEdge(source, target, ports, Math.max(1, covered.size()));
    }

    private List<PortRange> commonBlockedCandidates(List<PairVerdicts.Pair> covered) {
        if (covered.isEmpty()) {
            return List.of();
        }
        List<PortRange> common = new ArrayList<>(covered.get(0).blockedToShow(everyPort));
        for (PairVerdicts.Pair pair : covered) {
            common.retainAll(pair.blockedToShow(everyPort));
        }
        PortSet allowed = covered.get(0).allowed();
        return common.stream().filter(range -> !allowed.containsAll(range)).toList();
    }

    /** One pair's edge: the allowed ports, then the ports worth naming that are not (all) allowed. */
    GraphEdge single(PairVerdicts.Pair pair) {
        List<PortVerdict> ports = new ArrayList<>();
        for (PortRange range : pair.allowed().ranges()) {
            ports.add(new PortVerdict(range, true, false, changedOn(pair, range, true)));
        }
        for (PortRange candidate : pair.blockedToShow(everyPort)) {
            ports.add(new PortVerdict(candidate, false, pair.allowed().overlaps(candidate), changedOn(pair, candidate, false)));
        }
        if (ports.isEmpty()) {
            for (PortRange range : PortSet.ALL.ranges()) {
                ports.add(new PortVerdict(range, false, false, changedOn(pair, range, false)));
            }
        }
        return new GraphEdge(pair.source().id(), pair.destination().id(), ports);
    }

    /** Whether a port's verdict for the pair differs from the verdict shown before. */
    private boolean changedOn(PairVerdicts.Pair pair, PortRange range, boolean allowedNow) {
        if (before == null) {
            return false;
        }
        PairVerdicts.Pair earlier = before.pair(pair.key());
        if (earlier == null) {
            return false;
        }
        boolean allowedBefore = earlier.allowed().containsAll(range);
        return allowedBefore != allowedNow || !allowedNow && earlier.allowed().overlaps(range) != pair.allowed().overlaps(range);
    }
}

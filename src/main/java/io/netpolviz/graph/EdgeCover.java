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
    private final Map<String, GraphNode> nodes;
    private final boolean exceptions;
    private final PairEdges pairEdges;
    /** The nodes a focus or search names; empty without one. Group edges then only fan out from these. */
    private final Set<String> anchors;
    /** The boxes of the namespaces no switched-on policy isolates, grouped in one zone when there are two or more. */
    private final Set<String> zoneBoxes = new java.util.TreeSet<>();
    /** The port names rules use: an edge may say a port by one of them ({@link NamedPortMerge}). */
    private final Set<PortName> portNames;

    EdgeCover(List<PairVerdicts.Pair> pairs, Set<String> drawn, PairVerdicts before, Map<String, GraphNode> nodes, boolean exceptions,
            Set<String> openNamespaces, boolean everyPort, Set<String> anchors, Set<PortName> portNames) {
        this.portNames = portNames;
        this.pairEdges = new PairEdges(before, everyPort);
        this.anchors = anchors;
        openNamespaces.forEach(namespace -> zoneBoxes.add(GraphEdge.boxId(namespace)));
        this.pairs = pairs;
        this.drawn = drawn;
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
        CoverCheck check = new CoverCheck(pairs, drawn, this::box, zoneBoxes);
        if (pairs.size() <= COMBINE_UP_TO_PAIRS) {
            List<GraphEdge> candidates = anchors.isEmpty() ? unitEdges() : List.of();
            List<GraphEdge> combined = check.pruned(byDestination, bySource, candidates);
            if (combined.size() < best.size()) {
                best = combined;
            }
        }
        if (!anchors.isEmpty()) {
            return best;
        }
        best = new NamedPortMerge(pairs, check, portNames).merged(best);
        return exceptions ? new HalfOpenGroups(pairs, drawn, check).merged(best) : best;
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
        Map<String, LineCover.Plan> plans = new LinkedHashMap<>();
        LineCover lineCover = new LineCover(this, zoneBoxes, exceptions);
        for (Map.Entry<String, Map<String, List<PairVerdicts.Pair>>> line : lines.entrySet()) {
            plans.put(line.getKey(), lineCover.plan(line.getValue(), perDestination, anchors.isEmpty() || anchors.contains(line.getKey())));
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
                    LineCover.Plan plan = plans.get(member);
                    for (LineCover.Plan.Group group : plan.groups()) {
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
    private boolean emitSame(String unit, List<String> members, Map<String, LineCover.Plan> plans, boolean perDestination, List<GraphEdge> edges) {
        LineCover.Plan first = plans.get(members.get(0));
        boolean same = members.size() > 1 && !first.groups().isEmpty()
                && members.stream().allMatch(member -> plans.get(member).sameShape(first));
        if (!same) {
            return false;
        }
        for (LineCover.Plan.Group group : first.groups()) {
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

    private GraphEdge merged(boolean perDestination, String group, String fixed, PortSet verdict, List<PairVerdicts.Pair> covered) {
        return pairEdges.group(perDestination ? group : fixed, perDestination ? fixed : group, verdict, covered);
    }

    GraphEdge single(PairVerdicts.Pair pair) {
        return pairEdges.single(pair);
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

}

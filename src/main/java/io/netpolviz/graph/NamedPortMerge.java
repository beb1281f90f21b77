package io.netpolviz.graph;

import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A step of a cover: edges that say the same thing in the policies' words are drawn once. Lesson
 * 05's baseline policy lets Prometheus scrape every pod on the port named {@code metrics}, which is
 * 9090 on the apps and 9121, 9187 and 9114 on the stores' exporters: by number that is one edge to
 * everywhere and three more to the stores; by name it is one edge, "✓ metrics". Each edge whose
 * pairs can all be said with the port names rules use is spelled that way; then every edge the
 * picture reads right without (checked pair by pair, {@link CoverCheck}) is taken away, narrowest
 * first; an edge keeps its name only where its pairs' numbers differ. The result is kept only when
 * it has at least {@link #FEWER_EDGES} fewer edges. An edge that marks a port blocked, or a change,
 * is never taken away: what it says of its pairs is not said by the edge that would stand for them.
 */
final class NamedPortMerge {

    /**
     * How many edges names must save to be used: numbers read more directly (lesson 04's two edges to
     * web-a and web-b, 8080 and 9000, show how one named port resolves per pod), names win where they
     * gather a fan (the shop's four scrape edges in one).
     */
    static final int FEWER_EDGES = 2;

    private final List<PairVerdicts.Pair> pairs;
    private final CoverCheck check;
    private final Set<PortName> vocabulary;

    NamedPortMerge(List<PairVerdicts.Pair> pairs, CoverCheck check, Set<PortName> vocabulary) {
        this.pairs = pairs;
        this.check = check;
        this.vocabulary = vocabulary;
    }

    List<GraphEdge> merged(List<GraphEdge> edges) {
        if (vocabulary.isEmpty() || pairs.size() > EdgeCover.COMBINE_UP_TO_PAIRS) {
            return edges;
        }
        Map<GraphEdge, GraphEdge> numbered = new IdentityHashMap<>();
        List<GraphEdge> result = new ArrayList<>();
        for (GraphEdge edge : edges) {
            GraphEdge spelled = spelled(edge, edges).orElse(edge);
            if (spelled != edge) {
                numbered.put(spelled, edge);
            }
            result.add(spelled);
        }
        if (numbered.isEmpty()) {
            return edges;
        }
        widen(result);
        List<GraphEdge> order = new ArrayList<>(result);
        Map<GraphEdge, Integer> spans = new IdentityHashMap<>();
        order.forEach(edge -> spans.put(edge, check.readingFrom(edge, result, pairs).size()));
        order.sort(Comparator.comparingInt((GraphEdge edge) -> spans.get(edge)).thenComparing(edge -> edge.key()));
        for (GraphEdge candidate : order) {
            // A blocked port or a change mark says something of the edge's own pairs that a wider edge would not.
            if (!candidate.allAllowed() || candidate.anyChanged()) {
                continue;
            }
            int index = result.indexOf(candidate);
            List<PairVerdicts.Pair> span = check.readingFrom(candidate, result, pairs);
            result.remove(index);
            if (!check.reads(result, span)) {
                result.add(index, candidate);
            }
        }
        if (result.size() > edges.size() - FEWER_EDGES) {
            return edges;
        }
        List<GraphEdge> named = new ArrayList<>();
        for (GraphEdge edge : result) {
            if (!edge.speaksByName()) {
                named.add(edge);
                continue;
            }
            List<PairVerdicts.Pair> reading = check.readingFrom(edge, result, pairs);
            Set<PortSet> numbers = reading.stream().map(PairVerdicts.Pair::allowed).collect(Collectors.toSet());
            GraphEdge byNumber = numbered.get(edge);
            named.add(numbers.size() > 1 ? new GraphEdge(edge.sourceId(), edge.targetId(), edge.ports(), Math.max(1, reading.size()))
                    : byNumber != null ? byNumber : numbers.isEmpty() ? edge : inNumbers(edge, numbers.iterator().next(), reading.size()));
        }
        return named;
    }

    /**
     * Where two or more edges from one end say the same names, tries one edge from that end to
     * everywhere, to the zone of open namespaces, or to a box holding their other ends, in that order:
     * it takes the place of every edge it makes needless, if the picture still reads right.
     */
    private void widen(List<GraphEdge> result) {
        Map<String, List<GraphEdge>> alike = new java.util.LinkedHashMap<>();
        for (GraphEdge edge : result) {
            if (edge.speaksByName() && edge.allAllowed()) {
                alike.computeIfAbsent(edge.sourceId() + " " + edge.ports(), k -> new ArrayList<>()).add(edge);
            }
        }
        for (List<GraphEdge> members : alike.values()) {
            if (members.size() < 2 || !result.containsAll(members)) {
                continue;
            }
            GraphEdge first = members.get(0);
            List<String> ends = new ArrayList<>(List.of(GraphEdge.ANYWHERE));
            if (check.hasZone()) {
                ends.add(GraphEdge.boxId(GraphNode.OPEN_ZONE));
            }
            members.forEach(member -> {
                String target = member.targetId();
                String end = GraphEdge.isBox(target) || GraphEdge.ANYWHERE.equals(target) ? target : check.box(target);
                if (!ends.contains(end)) {
                    ends.add(end);
                }
            });
            for (String end : ends) {
                GraphEdge wide = new GraphEdge(first.sourceId(), end, first.ports(), 1);
                if (result.stream().anyMatch(edge -> edge.key().equals(wide.key()))) {
                    continue;
                }
                List<PairVerdicts.Pair> span = pairs.stream().filter(pair -> check.covers(wide, pair)).toList();
                List<GraphEdge> trial = new ArrayList<>(result);
                trial.add(result.indexOf(first), wide);
                members.stream().filter(member -> span.containsAll(check.readingFrom(member, result, pairs))).forEach(trial::remove);
                if (trial.size() < result.size() && check.reads(trial, span)) {
                    result.clear();
                    result.addAll(trial);
                    break;
                }
            }
        }
    }

    /** A named edge whose pairs all read one set of ports, said with those numbers. */
    private static GraphEdge inNumbers(GraphEdge edge, PortSet allowed, int pairs) {
        boolean changed = edge.ports().stream().anyMatch(port -> port.allowed() && port.changed());
        List<PortVerdict> ports = new ArrayList<>();
        allowed.ranges().forEach(range -> ports.add(new PortVerdict(range, true, false, changed)));
        edge.ports().stream().filter(port -> !port.allowed()).forEach(ports::add);
        return new GraphEdge(edge.sourceId(), edge.targetId(), ports, Math.max(1, pairs));
    }

    /** The edge with its allowed ports said by name, when every pair that reads from it can be said so with the same names. */
    private Optional<GraphEdge> spelled(GraphEdge edge, List<GraphEdge> edges) {
        if (!edge.anyAllowed() || edge.ports().stream().anyMatch(port -> port.partial() || port.filtered())) {
            return Optional.empty();
        }
        List<PairVerdicts.Pair> reading = check.readingFrom(edge, edges, pairs);
        if (reading.isEmpty()) {
            return Optional.empty();
        }
        PairVerdicts.Pair first = reading.get(0);
        Optional<List<PortName>> names = PortName.spell(first.allowed(), first.destination(), vocabulary);
        if (names.isEmpty() || !reading.stream().allMatch(pair -> PortName.on(names.get(), pair.destination()).equals(pair.allowed()))) {
            return Optional.empty();
        }
        boolean changed = edge.ports().stream().anyMatch(port -> port.allowed() && port.changed());
        List<PortVerdict> ports = new ArrayList<>();
        names.get().forEach(name -> ports.add(PortVerdict.allowedByName(name, changed)));
        edge.ports().stream().filter(port -> !port.allowed()).forEach(ports::add);
        return Optional.of(new GraphEdge(edge.sourceId(), edge.targetId(), ports, edge.pairs()));
    }
}

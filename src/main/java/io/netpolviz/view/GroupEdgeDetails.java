package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.LabelPort;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words for an edge that stands for a group of pairs (from or to a namespace box, the zone of
 * open namespaces, or everywhere): what it says, for how many pairs, which pairs of its span have
 * an edge of their own because they differ, and why one of its pairs has its verdict.
 */
final class GroupEdgeDetails {

    private static final int LISTED = 10;

    private GroupEdgeDetails() {
    }

    static Details describe(GraphEdge edge, Evaluated evaluated) {
        Picture picture = evaluated.picture();
        PairVerdicts pairs = picture.pairs();
        String title = name(edge.sourceId()) + " \u2192 " + name(edge.targetId());
        String verdict = String.join("  \u00B7  ", edge.labelPorts().stream().map(LabelPort::display).toList());
        StringBuilder text = new StringBuilder();
        text.append(verdict).append("\n\n");
        if (pairs == null) {
            return new Details(title, text.toString(), Set.of(), Set.of(), edge.key());
        }
        PortSet stated = PortSet.of(edge.ports().stream().filter(port -> port.allowed()).map(port -> port.port()).toList());
        List<PairVerdicts.Pair> same = new ArrayList<>();
        List<PairVerdicts.Pair> own = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        Set<String> targets = new TreeSet<>();
        for (PairVerdicts.Pair pair : pairs.pairs()) {
            if (!inEnd(edge.sourceId(), pair.source().id(), picture) || !inEnd(edge.targetId(), pair.destination().id(), picture)
                    || pair.source() == pair.destination() && (pair.source().id().equals(edge.sourceId()) || pair.source().id().equals(edge.targetId()))) {
                continue;
            }
            (pair.allowed().equals(stated) ? same : own).add(pair);
            if (pair.allowed().equals(stated)) {
                sources.add(pair.source().id());
                targets.add(pair.destination().id());
            }
        }
        text.append(String.format(Locale.ROOT, "This edge stands for %d workload pair%s: every pair from %s to %s",
                same.size(), same.size() == 1 ? "" : "s", name(edge.sourceId()), name(edge.targetId())));
        text.append(own.isEmpty() ? ".\n" : ", except the pairs below, which have an edge of their own because their verdict differs"
                + " (the most specific edge tells).\n");
        for (PairVerdicts.Pair pair : same.subList(0, Math.min(LISTED, same.size()))) {
            text.append("  ").append(pair.source().id()).append(" \u2192 ").append(pair.destination().id()).append('\n');
        }
        if (same.size() > LISTED) {
            text.append(String.format(Locale.ROOT, "  \u2026 and %d more\n", same.size() - LISTED));
        }
        if (!own.isEmpty()) {
            text.append("\nWith an edge of their own:\n");
            for (PairVerdicts.Pair pair : own.subList(0, Math.min(LISTED, own.size()))) {
                text.append("  ").append(pair.source().id()).append(" \u2192 ").append(pair.destination().id()).append(": ")
                        .append(pair.anyAllowed() ? "allowed on " + pair.allowed().display() : "blocked").append('\n');
            }
            if (own.size() > LISTED) {
                text.append(String.format(Locale.ROOT, "  \u2026 and %d more\n", own.size() - LISTED));
            }
        }
        if (!same.isEmpty()) {
            PairVerdicts.Pair example = same.get(0);
            PortRange port = stated.isEmpty() ? PortRange.single(io.netpolviz.model.Protocol.TCP, 80) : stated.ranges().get(0);
            Verdict why = evaluated.evaluation().verdict(example.source(), example.destination(), port.protocol(), port.first());
            text.append("\nWhy, for ").append(example.source().id()).append(" \u2192 ").append(example.destination().id())
                    .append(" on ").append(port.protocol()).append(' ').append(port.first()).append(":\n")
                    .append(new Explainer(evaluated.evaluation()).explain(why)).append('\n');
        }
        return new Details(title, text.toString(), sources, targets, edge.key());
    }

    /** How an edge end reads: a node by its id, a box by its name, everywhere as such. */
    static String name(String end) {
        if (GraphEdge.ANYWHERE.equals(end)) {
            return "every workload and address shown";
        }
        if (GraphEdge.isBox(end)) {
            String box = GraphEdge.boxNamespace(end);
            return box.equals(GraphNode.OPEN_ZONE) ? "everything no policy isolates" : box.equals(GraphNode.OUTSIDE)
                    ? "every address outside the cluster" : "every workload of " + box;
        }
        return end;
    }

    private static boolean inEnd(String end, String endpointId, Picture picture) {
        if (end.equals(endpointId) || GraphEdge.ANYWHERE.equals(end)) {
            return true;
        }
        if (!GraphEdge.isBox(end)) {
            return false;
        }
        String box = GraphEdge.boxNamespace(end);
        GraphNode node = picture.graph().node(endpointId).orElse(null);
        String nodeBox = node == null ? null : node.isExternal() ? GraphNode.OUTSIDE : node.namespace();
        if (nodeBox == null) {
            return false;
        }
        return box.equals(nodeBox) || box.equals(GraphNode.OPEN_ZONE) && picture.graph().zone().contains(nodeBox);
    }
}

package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.Verdict;
import io.netpolviz.view.Explanation.Block;
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

    /**
     * @param explained the edge's ports to explain (those of the clicked label entry, or all)
     * @param entries the label entries asked about, empty for the whole edge
     */
    static Details describe(GraphEdge edge, List<PortVerdict> explained, List<Integer> entries, Evaluated evaluated) {
        Picture picture = evaluated.picture();
        PairVerdicts pairs = picture.pairs();
        String title = name(edge.sourceId()) + " \u2192 " + name(edge.targetId());
        List<Block> blocks = new ArrayList<>();
        Explanation.Mark mark = SelectionDetails.markOf(explained);
        blocks.add(new Explanation.Verdict(mark, Explanation.text(mark == Explanation.Mark.PARTLY
                ? SelectionDetails.entriesShown(edge, entries) : "on " + portsInWords(explained))));
        if (edge.speaksByName()) {
            blocks.add(new Explanation.Hint("A port by name is the port each workload gives that name in its pod spec: a different "
                    + "number on each, as the policies name it. Each pair below says its number."));
        }
        if (!entries.isEmpty()) {
            blocks.add(SelectionDetails.otherPorts(edge, entries));
        }
        if (pairs == null) {
            return new Details(title, blocks, Set.of(), Set.of(), edge.key(), Set.copyOf(entries));
        }
        List<PairVerdicts.Pair> same = new ArrayList<>();
        List<PairVerdicts.Pair> own = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        Set<String> targets = new TreeSet<>();
        for (PairVerdicts.Pair pair : pairs.pairs()) {
            if (!inEnd(edge.sourceId(), pair.source().id(), picture) || !inEnd(edge.targetId(), pair.destination().id(), picture)
                    || pair.source() == pair.destination() && (pair.source().id().equals(edge.sourceId()) || pair.source().id().equals(edge.targetId()))) {
                continue;
            }
            boolean readsRight = pair.allowed().equals(edge.allowedToward(pair.destination()));
            (readsRight ? same : own).add(pair);
            if (readsRight) {
                sources.add(pair.source().id());
                targets.add(pair.destination().id());
            }
        }
        blocks.add(new Explanation.Paragraph(Explanation.text(String.format(Locale.ROOT,
                "This edge stands for %d workload pair%s: every pair from %s to %s%s", same.size(), same.size() == 1 ? "" : "s",
                name(edge.sourceId()), name(edge.targetId()), own.isEmpty() ? "."
                        : ", except the pairs listed below, which have an edge of their own because their verdict differs."))));
        if (!same.isEmpty()) {
            blocks.add(new Explanation.Heading("The pairs it stands for"));
            for (PairVerdicts.Pair pair : same.subList(0, Math.min(LISTED, same.size()))) {
                Explanation.Words words = pairWords(pair, picture);
                blocks.add(new Explanation.Item(null, (edge.speaksByName() ? words.text(": " + pair.allowed().display()) : words).build()));
            }
            if (same.size() > LISTED) {
                blocks.add(new Explanation.Item(null, Explanation.text(String.format(Locale.ROOT, "\u2026 and %d more", same.size() - LISTED))));
            }
        }
        if (!own.isEmpty()) {
            blocks.add(new Explanation.Heading("Exceptions, with an edge of their own"));
            for (PairVerdicts.Pair pair : own.subList(0, Math.min(LISTED, own.size()))) {
                blocks.add(new Explanation.Item(pair.allowed().isEmpty() ? Explanation.Mark.BLOCKED : pair.allowed().isAll()
                        ? Explanation.Mark.ALLOWED : Explanation.Mark.PARTLY, pairWords(pair, picture)
                        .text(pair.anyAllowed() ? ": allowed on " + pair.allowed().display() : ": blocked").build()));
            }
            if (own.size() > LISTED) {
                blocks.add(new Explanation.Item(null, Explanation.text(String.format(Locale.ROOT, "\u2026 and %d more", own.size() - LISTED))));
            }
        }
        if (!same.isEmpty()) {
            // A pair of two workloads explains more than a workload talking to itself.
            PairVerdicts.Pair example = same.stream().filter(pair -> pair.source() != pair.destination()).findFirst().orElse(same.get(0));
            PortVerdict shown = explained.isEmpty() ? null : explained.get(0);
            PortSet stated = edge.allowedToward(example.destination());
            PortRange port = shown != null && shown.isNamed() ? shown.name().on(example.destination()).ranges().get(0)
                    : shown != null ? shown.port() : stated.isEmpty() ? PortRange.single(Protocol.TCP, 80) : stated.ranges().get(0);
            Verdict why = evaluated.evaluation().verdict(example.source(), example.destination(), port.protocol(), port.first());
            String connection = port.isAllPorts() ? "any " + port.protocol() + " port" : port.protocol() + " " + port.first();
            Explainer explainer = new Explainer(evaluated.evaluation());
            blocks.add(new Explanation.Heading("Why, for " + example.source().id() + " \u2192 " + example.destination().id()
                    + " on " + connection));
            blocks.addAll(VerdictBlocks.sides(why, connection, explainer, evaluated.workspace().engine()));
            blocks.addAll(VerdictBlocks.fix(why, connection, explainer));
            VerdictBlocks.Policies policies = new VerdictBlocks.Policies();
            policies.add(why.egress(), evaluated.workspace().engine());
            policies.add(why.ingress(), evaluated.workspace().engine());
            blocks.addAll(policies.yaml(evaluated.workspace().engine(), evaluated.workspace()));
        }
        return new Details(title, blocks, sources, targets, edge.key(), Set.copyOf(entries));
    }

    /** {@code TCP 8080 and the port named metrics}: ports by number as the explanations say them, ports by name by their name. */
    private static String portsInWords(List<PortVerdict> ports) {
        List<String> words = new ArrayList<>();
        ports.stream().filter(PortVerdict::isNamed).forEach(port -> words.add("the port named " + port.name().display()));
        String numbers = VerdictBlocks.ports(ports.stream().filter(port -> !port.isNamed()).map(PortVerdict::port).toList());
        if (!numbers.isEmpty()) {
            words.add(numbers);
        }
        return String.join(" and ", words);
    }

    /** {@code a → b}, the ends as links to the pair's own edge when it is drawn, else to the nodes. */
    private static Explanation.Words pairWords(PairVerdicts.Pair pair, Picture picture) {
        Explanation.Words words = Explanation.words();
        if (picture.edge(pair.key()).isPresent()) {
            return words.link(pair.source().id() + " \u2192 " + pair.destination().id(), new Selection.Edge(pair.key()));
        }
        return words.link(pair.source().id(), new Selection.Node(pair.source().id())).text(" \u2192 ")
                .link(pair.destination().id(), new Selection.Node(pair.destination().id()));
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

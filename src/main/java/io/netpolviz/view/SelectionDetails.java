package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.LabelPort;
import io.netpolviz.graph.PairEdges;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.Verdict;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user selected, explained in blocks ({@link Explanation}) read from the evaluation's
 * verdicts (through the {@link Explainer}), never re-derived: for an edge (or one port of it) the
 * verdict, the source's egress and the destination's ingress with the policies that decide them,
 * the fix and the YAML of those policies; for a node its facts, isolation and policies; for a
 * policy what it selects and admits. Policies, nodes and edges named are links that select them.
 * Runs on the worker.
 */
public final class SelectionDetails {

    private SelectionDetails() {
    }

    public static Details describe(Selection selection, Evaluated evaluated) {
        var aggregate = evaluated.picture().aggregate();
        if (aggregate == null) {
            return describePlainly(selection, evaluated);
        }
        // Collapsed nodes and the edges that sum up pairs have words of their own; the rest
        // lights up workloads, which show on the nodes of their namespaces.
        return AggregateDetails.describe(selection, evaluated)
                .orElseGet(() -> AggregateDetails.shownOn(describePlainly(selection, evaluated), aggregate));
    }

    private static Details describePlainly(Selection selection, Evaluated evaluated) {
        var aggregate = evaluated.picture().aggregate();
        Optional<Details> controller = IngressControllerPicture.describe(selection, evaluated.evaluation(),
                aggregate == null ? Optional::of : aggregate::nodeShowing);
        if (controller.isPresent()) {
            return controller.get();
        }
        if (selection instanceof Selection.Edge edge) {
            return describeEdge(edge, evaluated);
        }
        if (selection instanceof Selection.Node node) {
            return NodeDetails.describe(node.id(), evaluated);
        }
        if (selection instanceof Selection.Policy policy) {
            return PolicyDetails.describe(policy.id(), evaluated);
        }
        return nothingSelected(evaluated.workspace());
    }

    private static Details nothingSelected(Workspace workspace) {
        List<Block> blocks = new ArrayList<>();
        if (workspace.hasSteps() && !workspace.currentStep().notes().isBlank()) {
            blocks.addAll(Explanation.paragraphs(workspace.currentStep().notes()));
        }
        blocks.add(new Explanation.Hint("Click an edge to see why it is allowed or blocked (a port in its label for that port alone), "
                + "a node to see its policies, or a policy in the list to see what it selects. Untick a policy to see what changes "
                + "without it. On the diagram, Tab and the arrow keys move between nodes and edges, Enter explains, Esc clears."));
        if (workspace.isAggregated() && !workspace.grouping().collapsed().isEmpty()) {
            blocks.add(new Explanation.Hint(String.format(Locale.ROOT, "With %,d workloads, namespaces are drawn collapsed (a folder each, ",
                    workspace.endpoints().size() - workspace.engine().externalPeers().size())
                    + "or one per group of namespaces sharing a label), and each edge sums up the workload pairs between them: "
                    + "\u2713 allowed for all of them, \u25D0 for some, \u2717 for none. Double-click a folder to open it; "
                    + "right-click a workload or a namespace box to collapse it again."));
        }
        return new Details(workspace.hasSteps() ? workspace.currentStep().title() : "Nothing selected", blocks, Set.of(), Set.of(), null);
    }

    // ---------------------------------------------------------------- edges

    private static Details describeEdge(Selection.Edge selected, Evaluated evaluated) {
        String key = selected.key();
        Optional<GraphEdge> found = evaluated.picture().edge(key);
        Workspace workspace = evaluated.workspace();
        boolean ownEdge = found.isPresent();
        if (found.isEmpty()) {
            // A pair with no edge of its own (an edge of its namespace stands for it, or the filter leaves it
            // out) is still a pair of the evaluation: a selection that a toggle folded into a wider edge follows it.
            found = pairEdge(key, evaluated);
        }
        if (found.isEmpty()) {
            return new Details("Edge " + key.replace("->", " \u2192 "), "This edge is not in the diagram any more.", Set.of(), Set.of(), null);
        }
        GraphEdge edge = found.get();
        List<Integer> entries = labelEntries(edge, selected);
        if (edge.touchesBox()) {
            return GroupEdgeDetails.describe(edge, portsOf(edge, entries), entries, evaluated);
        }
        Endpoint source = workspace.endpoints().get(edge.sourceId());
        Endpoint destination = workspace.endpoints().get(edge.targetId());
        String title = edge.sourceId() + " \u2192 " + edge.targetId();
        if (source == null || destination == null) {
            String why = evaluated.comparison() != null
                    ? "One end of this edge exists only in " + evaluated.comparison().name() + ", the side this picture is compared with:"
                            + " what it allowed there is gone with it."
                    : "One end of this edge does not exist at this step of the lesson.";
            return new Details(title, why, Set.of(edge.sourceId()), Set.of(edge.targetId()), key);
        }
        Evaluation evaluation = evaluated.evaluation();
        Explainer explainer = new Explainer(evaluation);
        PolicyEngine engine = workspace.engine();

        // Ports whose verdicts have the same reasons on both sides are explained once, together.
        Map<List<Object>, List<PortVerdict>> groups = new LinkedHashMap<>();
        Map<List<Object>, Verdict> groupVerdicts = new LinkedHashMap<>();
        Map<List<Object>, Integer> groupProbes = new LinkedHashMap<>();
        List<PortVerdict> explained = portsOf(edge, entries);
        for (PortVerdict port : explained) {
            int probe = representativePort(port.port(), port, evaluation, source, destination);
            Verdict verdict = evaluation.verdict(source, destination, port.port().protocol(), probe);
            List<Object> reasons = List.of(port.allowed(), port.partial(), verdict.egress(), verdict.ingress());
            groups.computeIfAbsent(reasons, k -> new ArrayList<>()).add(port);
            groupVerdicts.putIfAbsent(reasons, verdict);
            groupProbes.putIfAbsent(reasons, probe);
        }

        List<Block> blocks = new ArrayList<>();
        Mark overall = markOf(explained);
        blocks.add(new Explanation.Verdict(overall, Explanation.text(groups.size() == 1
                ? "on " + VerdictBlocks.ports(explained.stream().map(PortVerdict::port).toList()) : entriesShown(edge, entries))));
        if (!ownEdge) {
            blocks.add(new Explanation.Hint("This pair has no edge of its own in the picture: an edge of its namespace stands for it,"
                    + " or the filter leaves it out."));
        }
        if (!entries.isEmpty()) {
            blocks.add(otherPorts(edge, entries));
        }
        String separation = evaluation.networkSeparation(source, destination).orElse(null);
        if (separation != null) {
            blocks.add(new Explanation.Paragraph(Explanation.text("Networks: " + separation + "; no policy can open this connection."
                    + " The sides below say what the policies alone would decide.")));
        }
        blocks.add(new Explanation.Hint("A new connection needs both sides: the source's egress and the destination's ingress must allow it."));
        VerdictBlocks.Policies policies = new VerdictBlocks.Policies();
        for (Map.Entry<List<Object>, List<PortVerdict>> group : groups.entrySet()) {
            List<PortVerdict> ports = group.getValue();
            Verdict verdict = groupVerdicts.get(group.getKey());
            String connection = VerdictBlocks.ports(ports.stream().map(PortVerdict::port).toList());
            if (groups.size() > 1) {
                blocks.add(new Explanation.Heading(markOf(ports).display() + " on " + connection));
            }
            PortVerdict first = ports.get(0);
            if (first.partial() && first.port().first() != first.port().last()) {
                blocks.add(new Explanation.Hint("The range is allowed only in part; this explains " + first.port().protocol() + " "
                        + groupProbes.get(group.getKey()) + ", a port of it that is blocked."));
                connection = first.port().protocol() + " " + groupProbes.get(group.getKey());
            }
            blocks.addAll(VerdictBlocks.sides(verdict, connection, explainer, engine));
            for (String note : io.netpolviz.policy.CiliumNotes.of(evaluation, verdict)) {
                blocks.add(new Explanation.Hint("Decided at run time: " + note + "."));
            }
            blocks.addAll(VerdictBlocks.fix(verdict, connection, explainer));
            policies.add(verdict.egress(), engine);
            policies.add(verdict.ingress(), engine);
        }
        if (source instanceof Endpoint.External || destination instanceof Endpoint.External) {
            blocks.add(new Explanation.Hint("ipBlock rules are meant for addresses outside the cluster. Whether they also match pod "
                    + "addresses depends on the network plugin, so NetPolViz treats them as outside only."));
        }
        if (overall != Mark.BLOCKED) {
            blocks.add(new Explanation.Hint("Replies on an allowed connection are part of it: they need no rule of their own."));
        }
        blocks.addAll(policies.yaml(engine, workspace));
        return new Details(title, blocks, Set.of(edge.sourceId()), Set.of(edge.targetId()), key, Set.copyOf(entries));
    }

    /** The label entries a selection of an edge asks about: those holding its ports; none for the whole edge. */
    static List<Integer> labelEntries(GraphEdge edge, Selection.Edge selected) {
        List<Integer> entries = new ArrayList<>();
        if (!selected.onePort()) {
            return entries;
        }
        List<LabelPort> labels = edge.labelPorts();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).ranges().stream().anyMatch(selected.ports()::contains)) {
                entries.add(i);
            }
        }
        // The ports asked about are gone (a toggle regrouped the label, or they left the edge): explain it all.
        return entries.size() == labels.size() ? List.of() : entries;
    }

    /** The port verdicts of some label entries, or all of the edge's. */
    static List<PortVerdict> portsOf(GraphEdge edge, List<Integer> entries) {
        if (entries.isEmpty()) {
            return edge.ports();
        }
        Set<PortRange> wanted = new java.util.HashSet<>();
        entries.forEach(i -> wanted.addAll(edge.labelPorts().get(i).ranges()));
        return edge.ports().stream().filter(port -> wanted.contains(port.port())).toList();
    }

    /** The label entries asked about as the label shows them: {@code ✓ 5432  ·  ✗ 8080}. */
    static String entriesShown(GraphEdge edge, List<Integer> entries) {
        List<String> shown = new ArrayList<>();
        List<LabelPort> labels = edge.labelPorts();
        for (int i = 0; i < labels.size(); i++) {
            if (entries.isEmpty() || entries.contains(i)) {
                shown.add(labels.get(i).display());
            }
        }
        return String.join("  \u00B7  ", shown);
    }

    /** The rest of an edge's label, as links to each entry and to the whole edge. */
    static Block otherPorts(GraphEdge edge, List<Integer> entries) {
        Explanation.Words words = Explanation.words().text("Also on this edge: ");
        List<LabelPort> labels = edge.labelPorts();
        boolean first = true;
        for (int i = 0; i < labels.size(); i++) {
            if (!entries.contains(i)) {
                words.text(first ? "" : "  \u00B7  ").link(labels.get(i).display(), Selection.Edge.ofLabel(edge, i));
                first = false;
            }
        }
        return new Explanation.Paragraph(words.text("  \u00B7  ").link("all its ports", new Selection.Edge(edge.key())).build());
    }

    static Mark markOf(List<PortVerdict> ports) {
        if (!ports.isEmpty() && ports.stream().allMatch(PortVerdict::allowed)) {
            return Mark.ALLOWED;
        }
        return ports.stream().anyMatch(port -> port.allowed() || port.partial()) ? Mark.PARTLY : Mark.BLOCKED;
    }

    /**
     * The pair {@code key} of the picture's verdicts as an edge of its own, with the ports its own
     * edge would carry. Empty for a summed-up picture or a key that is no pair.
     */
    static Optional<GraphEdge> pairEdge(String key, Evaluated evaluated) {
        PairVerdicts pairs = evaluated.picture().pairs();
        PairVerdicts.Pair pair = pairs == null ? null : pairs.pair(key);
        if (pair == null) {
            return Optional.empty();
        }
        return Optional.of(new PairEdges(null, false).single(pair));
    }

    /** A range is asked about at a port that shows its verdict: a blocked one when it is only partly allowed. */
    private static int representativePort(PortRange range, PortVerdict port, Evaluation evaluation, Endpoint source, Endpoint destination) {
        if (!port.partial()) {
            return range.first();
        }
        var allowed = evaluation.allowedPorts(source, destination);
        for (int candidate = range.first(); candidate <= range.last(); candidate++) {
            if (!allowed.contains(range.protocol(), candidate)) {
                return candidate;
            }
        }
        return range.first();
    }
}

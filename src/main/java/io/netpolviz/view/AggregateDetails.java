package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.EdgeSummary;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.model.Labels;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PortRange;
import io.netpolviz.view.Explanation.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words for what the user selected in a picture with collapsed namespaces: a collapsed node (its
 * workloads, pods, policies and isolation), and an edge that sums up workload pairs (how many of
 * them may connect, per port, with some of each kind spelled out by the {@link Explainer}). It
 * also moves what the plain explanations light up (workloads) onto the nodes that show them.
 * Runs on the worker.
 */
public final class AggregateDetails {

    private static final int EXAMPLES = 5;
    private static final int MEMBERS_LISTED = 12;

    private AggregateDetails() {
    }

    /** The details of a collapsed node or a summary edge; empty for anything a plain explanation covers. */
    public static Optional<Details> describe(Selection selection, Evaluated evaluated) {
        AggregatedGraph aggregate = evaluated.picture().aggregate();
        if (aggregate == null) {
            return Optional.empty();
        }
        if (selection instanceof Selection.Node node) {
            return aggregate.graph().node(node.id()).filter(GraphNode::isCollapsed).map(found -> describeNode(found, evaluated, aggregate));
        }
        if (selection instanceof Selection.Edge edge) {
            return aggregate.graph().edges().stream().filter(e -> e.key().equals(edge.key())).findFirst()
                    .filter(e -> isSummary(aggregate, e))
                    .map(found -> describeEdge(found, evaluated, aggregate));
        }
        return Optional.empty();
    }

    private static boolean isSummary(AggregatedGraph aggregate, GraphEdge edge) {
        return aggregate.graph().node(edge.sourceId()).map(GraphNode::isCollapsed).orElse(false)
                || aggregate.graph().node(edge.targetId()).map(GraphNode::isCollapsed).orElse(false);
    }

    /** The same details with every workload it lights up replaced by the node that shows it. */
    public static Details shownOn(Details details, AggregatedGraph aggregate) {
        return new Details(details.title(), details.blocks(), shown(details.subjects(), aggregate), shown(details.peers(), aggregate),
                details.edgeKey(), details.labelEntries());
    }

    private static Set<String> shown(Set<String> ids, AggregatedGraph aggregate) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            out.add(aggregate.nodeShowing(id).orElse(id));
        }
        return out;
    }

    private static Details describeNode(GraphNode node, Evaluated evaluated, AggregatedGraph aggregate) {
        List<GraphNode> members = aggregate.members(node.id());
        Set<String> namespaces = new TreeSet<>();
        members.forEach(member -> namespaces.add(member.namespace()));
        List<Block> blocks = new ArrayList<>();
        if (node.isGroup()) {
            blocks.add(new Explanation.Paragraph(Explanation.text(String.format(Locale.ROOT,
                    "Group %s, collapsed: its %d namespaces share the label %s, which is why they are drawn together.",
                    node.name(), namespaces.size(), node.name()))));
            blocks.add(new Explanation.Fact("Namespaces", Explanation.text(String.join(", ", namespaces))));
        } else if (node.isPart()) {
            blocks.add(new Explanation.Paragraph(Explanation.text("The workloads of namespace " + node.namespace() + " labelled "
                    + node.name() + ", collapsed.")));
        } else {
            blocks.add(new Explanation.Paragraph(Explanation.text("Namespace " + node.name() + ", collapsed.")));
        }
        blocks.add(new Explanation.Fact("Workloads", Explanation.text(String.format(Locale.ROOT, "%,d (%,d pods)", node.workloads(),
                node.replicas()))));
        blocks.add(new Explanation.Fact("Labels", Explanation.text(Labels.display(node.labels()))));

        Evaluation evaluation = evaluated.evaluation();
        int policies = 0;
        int on = 0;
        for (CompiledPolicy policy : evaluation.engine().policies()) {
            if (namespaces.contains(policy.id().namespace())) {
                policies++;
                on += evaluation.isSwitchedOn(policy.id()) ? 1 : 0;
            }
        }
        blocks.add(new Explanation.Fact("Policies", Explanation.text(String.format(Locale.ROOT, "%,d in %s, %,d switched on", policies,
                node.isGroup() ? "its namespaces" : "namespace " + node.namespace(), on))));
        int[] isolated = new int[PolicyType.values().length];
        Set<String> memberIds = new TreeSet<>();
        members.forEach(member -> memberIds.add(member.id()));
        for (PodClass podClass : evaluation.engine().classes()) {
            if (namespaces.contains(podClass.namespace()) && memberIds.contains(podClass.workloads().get(0).id())) {
                for (PolicyType direction : PolicyType.values()) {
                    if (evaluation.isIsolated(podClass, direction)) {
                        isolated[direction.ordinal()] += podClass.workloads().size();
                    }
                }
            }
        }
        blocks.add(new Explanation.Fact("Isolated", Explanation.text(String.format(Locale.ROOT,
                "ingress of %,d and egress of %,d of its %,d workloads", isolated[PolicyType.INGRESS.ordinal()],
                isolated[PolicyType.EGRESS.ordinal()], node.workloads()))));

        Set<String> neighbours = new TreeSet<>();
        Explanation.Words out = Explanation.words();
        Explanation.Words in = Explanation.words();
        for (GraphEdge edge : aggregate.graph().edges()) {
            if (!edge.anyAllowed() || edge.sourceId().equals(edge.targetId())) {
                continue;
            }
            if (edge.sourceId().equals(node.id())) {
                out.text(out.isEmpty() ? "" : ", ").link(name(aggregate, edge.targetId()), new Selection.Edge(edge.key()));
                neighbours.add(edge.targetId());
            } else if (edge.targetId().equals(node.id())) {
                in.text(in.isEmpty() ? "" : ", ").link(name(aggregate, edge.sourceId()), new Selection.Edge(edge.key()));
                neighbours.add(edge.sourceId());
            }
        }
        blocks.add(new Explanation.Heading("Edges with something allowed"));
        blocks.add(new Explanation.Fact("Out to", out.isEmpty() ? Explanation.text("none") : out.build()));
        blocks.add(new Explanation.Fact("In from", in.isEmpty() ? Explanation.text("none") : in.build()));
        blocks.add(new Explanation.Heading("Workloads" + (members.size() > MEMBERS_LISTED ? " (the first " + MEMBERS_LISTED + ")" : "")));
        members.stream().limit(MEMBERS_LISTED).forEach(member -> blocks.add(new Explanation.Item(null, Explanation.text(member.id()
                + (member.replicas() > 1 ? " \u00d7" + member.replicas() : "")))));
        blocks.add(new Explanation.Hint(node.isGroup() ? "The nodes at the other ends are lit up. Double-click the node, or right-click it, "
                + "to open it into its namespaces." : "The nodes at the other ends are lit up. Double-click the node, or right-click it, to open it."));
        return new Details(name(aggregate, node.id()), blocks, Set.of(node.id()), neighbours, null);
    }

    private static Details describeEdge(GraphEdge edge, Evaluated evaluated, AggregatedGraph aggregate) {
        EdgeSummary summary = aggregate.summary(edge.key()).orElseThrow();
        String title = name(aggregate, edge.sourceId()) + " \u2192 " + name(aggregate, edge.targetId());
        List<Block> blocks = new ArrayList<>();
        Explanation.Mark mark = edge.allAllowed() ? Explanation.Mark.ALLOWED : edge.anyAllowed() ? Explanation.Mark.PARTLY
                : Explanation.Mark.BLOCKED;
        blocks.add(new Explanation.Verdict(mark, Explanation.text(String.format(Locale.ROOT, "for %,d workload pairs", summary.pairs()))));
        if (mark == Explanation.Mark.PARTLY) {
            // Uniform edges say it all in the verdict; a mixed one says how the pairs split.
            blocks.add(new Explanation.Paragraph(Explanation.text(String.format(Locale.ROOT, "This edge sums up %,d workload pairs: %s.",
                    summary.pairs(), summary.display()))));
        }
        blocks.add(new Explanation.Heading("Per port"));
        for (int i = 0; i < edge.ports().size(); i++) {
            var port = edge.ports().get(i);
            blocks.add(new Explanation.Item(port.allowed() ? Explanation.Mark.ALLOWED : port.partial() ? Explanation.Mark.PARTLY
                    : Explanation.Mark.BLOCKED, Explanation.text(port.port().display() + ": " + summary.ports().get(i).display())));
        }
        blocks.add(new Explanation.Hint("Counting the pairs a rule names a port for; the ports destinations merely declare show when you open a node."));
        Evaluation evaluation = evaluated.evaluation();
        Explainer explainer = new Explainer(evaluation);
        List<AggregatedGraph.MemberPair> examples = aggregate.memberPairs(edge.key(), EXAMPLES, EXAMPLES);
        appendExamples(blocks, "Some pairs that may connect", examples.stream().filter(AggregatedGraph.MemberPair::anyAllowed).toList(),
                evaluated, explainer);
        appendExamples(blocks, "Some pairs that may not", examples.stream().filter(pair -> !pair.anyAllowed()).toList(), evaluated, explainer);
        blocks.add(new Explanation.Hint("Open a collapsed namespace (double-click it) to see these pairs as edges of their own, each with its full reasoning."));
        return new Details(title, blocks, Set.of(edge.sourceId()), Set.of(edge.targetId()), edge.key());
    }

    private static void appendExamples(List<Block> blocks, String heading, List<AggregatedGraph.MemberPair> pairs, Evaluated evaluated,
            Explainer explainer) {
        if (pairs.isEmpty()) {
            return;
        }
        blocks.add(new Explanation.Heading(heading));
        for (AggregatedGraph.MemberPair pair : pairs) {
            Endpoint source = evaluated.workspace().endpoints().get(pair.sourceId());
            Endpoint destination = evaluated.workspace().endpoints().get(pair.destinationId());
            // The port that shows the pair's answer: an allowed one for an allowed pair, else the first.
            PortRange port = pair.ports().stream().filter(pair.allowed()::overlaps).findFirst().orElse(pair.ports().get(0));
            int probe = pair.allowed().overlaps(port) ? firstAllowed(pair, port) : port.first();
            StringBuilder words = new StringBuilder().append(pair.sourceId()).append(" \u2192 ").append(pair.destinationId())
                    .append(" on ").append(port.protocol()).append(' ').append(probe);
            Explanation.Mark mark = null;
            if (source != null && destination != null) {
                var verdict = evaluated.evaluation().verdict(source, destination, port.protocol(), probe);
                mark = Explanation.Mark.of(verdict.allowed());
                words.append(": ").append(explainer.because(verdict));
            }
            blocks.add(new Explanation.Item(mark, Explanation.text(words.toString())));
        }
    }

    private static int firstAllowed(AggregatedGraph.MemberPair pair, PortRange port) {
        for (int candidate = port.first(); candidate <= port.last(); candidate++) {
            if (pair.allowed().contains(port.protocol(), candidate)) {
                return candidate;
            }
        }
        return port.first();
    }

    private static String name(AggregatedGraph aggregate, String nodeId) {
        return aggregate.graph().node(nodeId).map(node -> node.isPart() ? node.name() + " in " + node.namespace()
                : node.type() == NodeType.NAMESPACE && !node.isGroup() ? "namespace " + node.name()
                : node.type() == NodeType.WORKLOAD ? node.id() : node.name()).orElse(nodeId);
    }
}

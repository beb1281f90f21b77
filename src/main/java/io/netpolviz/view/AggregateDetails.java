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
        StringBuilder text = new StringBuilder();
        if (node.isGroup()) {
            text.append(String.format(Locale.ROOT, "Group %s, collapsed: %d namespaces (%s), %,d workloads, %,d pods.%n",
                    node.name(), namespaces.size(), String.join(", ", namespaces), node.workloads(), node.replicas()));
            text.append("The namespaces share the label ").append(node.name()).append(", which is why they are drawn together.\n");
        } else if (node.isPart()) {
            text.append(String.format(Locale.ROOT, "The workloads of namespace %s labelled %s, collapsed: %,d workloads, %,d pods.%n",
                    node.namespace(), node.name(), node.workloads(), node.replicas()));
        } else {
            text.append(String.format(Locale.ROOT, "Namespace %s, collapsed: %,d workloads, %,d pods.%n",
                    node.name(), node.workloads(), node.replicas()));
        }
        text.append("Labels: ").append(Labels.display(node.labels())).append('\n');

        Evaluation evaluation = evaluated.evaluation();
        int policies = 0;
        int on = 0;
        for (CompiledPolicy policy : evaluation.engine().policies()) {
            if (namespaces.contains(policy.id().namespace())) {
                policies++;
                on += evaluation.isSwitchedOn(policy.id()) ? 1 : 0;
            }
        }
        text.append(String.format(Locale.ROOT, "Policies in %s: %,d (%,d switched on).%n",
                node.isGroup() ? "them" : node.isPart() ? "namespace " + node.namespace() : "it", policies, on));
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
        text.append(String.format(Locale.ROOT, "Isolated by the switched-on policies: ingress of %,d and egress of %,d of its %,d workloads.%n",
                isolated[PolicyType.INGRESS.ordinal()], isolated[PolicyType.EGRESS.ordinal()], node.workloads()));

        Set<String> neighbours = new TreeSet<>();
        int out = 0;
        int in = 0;
        for (GraphEdge edge : aggregate.graph().edges()) {
            if (!edge.anyAllowed()) {
                continue;
            }
            if (edge.sourceId().equals(node.id())) {
                out++;
                neighbours.add(edge.targetId());
            } else if (edge.targetId().equals(node.id())) {
                in++;
                neighbours.add(edge.sourceId());
            }
        }
        neighbours.remove(node.id());
        text.append(String.format(Locale.ROOT, "%nEdges with something allowed: %d out, %d in (the nodes at their other ends are lit up).%n",
                out, in));
        text.append("\nWorkloads").append(members.size() > MEMBERS_LISTED ? " (the first " + MEMBERS_LISTED + ")" : "").append(":\n");
        members.stream().limit(MEMBERS_LISTED).forEach(member -> text.append("  ").append(member.id())
                .append(member.replicas() > 1 ? " \u00d7" + member.replicas() : "").append('\n'));
        text.append(node.isGroup() ? "\nDouble-click the node, or right-click it, to open it into its namespaces.\n"
                : "\nDouble-click the node, or right-click it, to open it.\n");
        return new Details(name(aggregate, node.id()), text.toString(), Set.of(node.id()), neighbours, null);
    }

    private static Details describeEdge(GraphEdge edge, Evaluated evaluated, AggregatedGraph aggregate) {
        EdgeSummary summary = aggregate.summary(edge.key()).orElseThrow();
        String title = name(aggregate, edge.sourceId()) + " \u2192 " + name(aggregate, edge.targetId());
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n');
        text.append(String.format(Locale.ROOT, "This edge sums up %,d workload pairs: %s.%n%n", summary.pairs(), summary.display()));
        text.append("Per port (counting the pairs a rule names it for; the ports destinations merely declare show when you open a node):\n");
        for (int i = 0; i < edge.ports().size(); i++) {
            text.append("  ").append(edge.ports().get(i).display()).append(" \u2014 ").append(summary.ports().get(i).display()).append('\n');
        }
        Evaluation evaluation = evaluated.evaluation();
        Explainer explainer = new Explainer(evaluation);
        List<AggregatedGraph.MemberPair> examples = aggregate.memberPairs(edge.key(), EXAMPLES, EXAMPLES);
        appendExamples(text, "Some pairs that may connect", examples.stream().filter(AggregatedGraph.MemberPair::anyAllowed).toList(),
                evaluated, explainer);
        appendExamples(text, "Some pairs that may not", examples.stream().filter(pair -> !pair.anyAllowed()).toList(), evaluated, explainer);
        text.append("\nOpen a collapsed namespace (double-click it) to see these pairs as edges of their own, each with its full reasoning.\n");
        return new Details(title, text.toString(), Set.of(edge.sourceId()), Set.of(edge.targetId()), edge.key());
    }

    private static void appendExamples(StringBuilder text, String heading, List<AggregatedGraph.MemberPair> pairs, Evaluated evaluated,
            Explainer explainer) {
        if (pairs.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(":\n");
        for (AggregatedGraph.MemberPair pair : pairs) {
            Endpoint source = evaluated.workspace().endpoints().get(pair.sourceId());
            Endpoint destination = evaluated.workspace().endpoints().get(pair.destinationId());
            // The port that shows the pair's answer: an allowed one for an allowed pair, else the first.
            PortRange port = pair.ports().stream().filter(pair.allowed()::overlaps).findFirst().orElse(pair.ports().get(0));
            int probe = pair.allowed().overlaps(port) ? firstAllowed(pair, port) : port.first();
            text.append("  ").append(pair.sourceId()).append(" \u2192 ").append(pair.destinationId()).append(", ")
                    .append(port.protocol()).append(' ').append(probe);
            if (source != null && destination != null) {
                text.append(": ").append(explainer.oneLine(evaluated.evaluation().verdict(source, destination, port.protocol(), probe)));
            }
            text.append('\n');
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

package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.PairEdges;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.Labels;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.RuleRef;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Words for what the user selected, read from the evaluation's verdicts (through the
 * {@link Explainer}), never re-derived: an edge's verdict per port with both sides and the YAML of
 * the rules involved; a node's labels, ports, policies and isolation; a policy in plain words
 * with what it selects and names. Runs on the worker.
 */
public final class SelectionDetails {

    private static final String RULE = "\u2500".repeat(48) + "\n";

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
        if (selection instanceof Selection.Edge edge) {
            return describeEdge(edge.key(), evaluated);
        }
        if (selection instanceof Selection.Node node) {
            return describeNode(node.id(), evaluated);
        }
        if (selection instanceof Selection.Policy policy) {
            return describePolicy(policy.id(), evaluated);
        }
        return nothingSelected(evaluated.workspace());
    }

    private static Details nothingSelected(Workspace workspace) {
        StringBuilder text = new StringBuilder();
        if (workspace.hasSteps()) {
            StepSequence.Step step = workspace.currentStep();
            text.append(step.title()).append("\n\n");
            if (!step.notes().isEmpty()) {
                text.append(step.notes()).append("\n\n");
            }
        }
        text.append("Click an edge to see why it is allowed or blocked, a node to see its policies, ")
                .append("or a policy in the list to see what it selects. Untick a policy to see what changes without it.");
        if (workspace.isAggregated() && !workspace.grouping().collapsed().isEmpty()) {
            text.append(String.format(java.util.Locale.ROOT, "\n\nWith %,d workloads, namespaces are drawn collapsed (a folder each, ",
                    workspace.endpoints().size() - workspace.engine().externalPeers().size()))
                    .append("or one per group of namespaces sharing a label), and each edge sums up the workload pairs between them: ")
                    .append("\u2713 allowed for all of them, \u25D0 for some, \u2717 for none. Double-click a folder to open it; ")
                    .append("right-click a workload or a namespace box to collapse it again.");
        }
        return new Details(workspace.hasSteps() ? workspace.currentStep().title() : "Nothing selected", text.toString(),
                Set.of(), Set.of(), null);
    }

    private static Details describeEdge(String key, Evaluated evaluated) {
        Optional<GraphEdge> found = evaluated.picture().edge(key);
        Workspace workspace = evaluated.workspace();
        boolean ownEdge = found.isPresent();
        if (found.isEmpty()) {
            // A pair with no edge of its own (an edge of its namespace stands for it, or the filter leaves it
            // out) is still a pair of the evaluation: a selection that a toggle folded into a wider edge follows it.
            found = pairEdge(key, evaluated);
        }
        if (found.isEmpty()) {
            return new Details("Edge " + key, "This edge is not in the diagram any more.", Set.of(), Set.of(), null);
        }
        GraphEdge edge = found.get();
        if (edge.touchesBox()) {
            return GroupEdgeDetails.describe(edge, evaluated);
        }
        Endpoint source = workspace.endpoints().get(edge.sourceId());
        Endpoint destination = workspace.endpoints().get(edge.targetId());
        String title = edge.sourceId() + " \u2192 " + edge.targetId();
        if (source == null || destination == null) {
            return new Details(title, "One end of this edge does not exist at this step of the lesson.",
                    Set.of(edge.sourceId()), Set.of(edge.targetId()), key);
        }
        Evaluation evaluation = evaluated.evaluation();
        Explainer explainer = new Explainer(evaluation);
        List<Verdict> verdicts = new ArrayList<>();
        List<Integer> probes = new ArrayList<>();
        for (PortVerdict port : edge.ports()) {
            int probe = representativePort(port.port(), port, evaluation, source, destination);
            probes.add(probe);
            verdicts.add(evaluation.verdict(source, destination, port.port().protocol(), probe));
        }
        // The answer first, one line per port; the reasoning and the YAML follow.
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n');
        if (!ownEdge) {
            text.append("  (no edge of its own in the picture: an edge of its namespace stands for it, or the filter leaves it out)\n");
        }
        for (int i = 0; i < edge.ports().size(); i++) {
            PortVerdict port = edge.ports().get(i);
            text.append("  ").append(port.display()).append(port.partial() ? " (allowed only in part)" : "")
                    .append(" \u2014 ").append(explainer.oneLine(verdicts.get(i))).append('\n');
        }
        Map<PolicyId, Set<SourceRef>> admitting = new TreeMap<>();
        Map<PolicyId, String> isolatingOnly = new TreeMap<>();
        for (int i = 0; i < edge.ports().size(); i++) {
            PortVerdict port = edge.ports().get(i);
            PortRange range = port.port();
            Verdict verdict = verdicts.get(i);
            text.append('\n').append(RULE);
            text.append(port.display());
            if (range.first() != range.last()) {
                text.append("  (checked on ").append(range.protocol()).append(' ').append(probes.get(i))
                        .append(port.partial() ? ", a port the range does not fully allow" : "").append(')');
            }
            text.append('\n').append(RULE);
            text.append(explainer.explain(verdict));
            collectPolicies(verdict.egress(), workspace.engine(), admitting, isolatingOnly);
            collectPolicies(verdict.ingress(), workspace.engine(), admitting, isolatingOnly);
        }
        appendYaml(text, workspace.engine(), admitting, isolatingOnly);
        return new Details(title, text.toString(), Set.of(edge.sourceId()), Set.of(edge.targetId()), key);
    }

    /**
     * The pair {@code key} of the picture's verdicts as an edge of its own, with the ports its own
     * edge would carry: the allowed ones, then those worth naming that are not allowed (every port,
     * blocked, when there are none). Empty for a summed-up picture or a key that is no pair.
     */
    private static Optional<GraphEdge> pairEdge(String key, Evaluated evaluated) {
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

    private static void collectPolicies(SideVerdict side, PolicyEngine engine, Map<PolicyId, Set<SourceRef>> admitting,
            Map<PolicyId, String> isolatingOnly) {
        for (RuleRef ref : side.admittingRules()) {
            engine.policy(ref.policy()).ifPresent(policy -> admitting.computeIfAbsent(ref.policy(), id -> new java.util.LinkedHashSet<>())
                    .add(policy.rules(ref.direction()).get(ref.index()).source().where()));
        }
        if (side.isolated() && side.admittingRules().isEmpty()) {
            for (PolicyId id : side.isolatingPolicies()) {
                isolatingOnly.putIfAbsent(id, "isolates " + side.direction().apiName().toLowerCase(Locale.ROOT)
                        + " and admits nothing here");
            }
        }
    }

    private static void appendYaml(StringBuilder text, PolicyEngine engine, Map<PolicyId, Set<SourceRef>> admitting,
            Map<PolicyId, String> isolatingOnly) {
        for (Map.Entry<PolicyId, Set<SourceRef>> entry : admitting.entrySet()) {
            NetworkPolicy policy = engine.policy(entry.getKey()).orElseThrow().source();
            text.append('\n').append(RULE).append("YAML of ").append(policy.id()).append(" (the admitting rule is marked ")
                    .append(RuleMarker.MARK.strip()).append(")  ").append(policy.where().display()).append('\n').append(RULE);
            text.append(RuleMarker.marked(policy, entry.getValue()));
        }
        for (Map.Entry<PolicyId, String> entry : isolatingOnly.entrySet()) {
            if (admitting.containsKey(entry.getKey())) {
                continue;
            }
            NetworkPolicy policy = engine.policy(entry.getKey()).orElseThrow().source();
            text.append('\n').append(RULE).append("YAML of ").append(policy.id()).append(" (").append(entry.getValue()).append(")  ")
                    .append(policy.where().display()).append('\n').append(RULE);
            text.append(RuleMarker.marked(policy, List.of()));
        }
    }

    private static Details describeNode(String id, Evaluated evaluated) {
        Workspace workspace = evaluated.workspace();
        Optional<GraphNode> node = workspace.frame().node(id);
        Endpoint endpoint = workspace.endpoints().get(id);
        if (node.isEmpty() || endpoint == null) {
            return new Details(id, id + " does not exist at this step of the lesson.", Set.of(id), Set.of(), null);
        }
        Set<String> neighbours = new TreeSet<>();
        int allowedOut = 0;
        int allowedIn = 0;
        if (evaluated.picture().pairs() != null) {
            for (var pair : evaluated.picture().pairs().pairs()) {
                if (!pair.anyAllowed() || pair.source() == pair.destination()) {
                    continue;
                }
                if (pair.source().id().equals(id)) {
                    allowedOut++;
                    neighbours.add(pair.destination().id());
                } else if (pair.destination().id().equals(id)) {
                    allowedIn++;
                    neighbours.add(pair.source().id());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (endpoint instanceof Endpoint.External external) {
            describeExternal(text, external, workspace.engine());
        } else {
            describePods(text, (Endpoint.Pods) endpoint, evaluated.evaluation());
        }
        text.append("\nAllowed connections: ").append(allowedOut).append(" out, ").append(allowedIn).append(" in")
                .append(" (the nodes at their other ends are lit up).\n")
                .append("Double-click the node, or right-click it, to show only its edges. Drag it to move it.\n");
        return new Details(id, text.toString(), Set.of(id), neighbours, null);
    }

    private static void describePods(StringBuilder text, Endpoint.Pods pods, Evaluation evaluation) {
        Workload workload = pods.workload();
        PodClass podClass = pods.podClass();
        text.append(workload.kind().apiKind()).append(' ').append(workload.id());
        if (workload.replicas() != 1) {
            text.append(" \u00d7").append(workload.replicas()).append(" pods");
        }
        text.append('\n');
        text.append("Defined at ").append(workload.where().display()).append('\n');
        text.append("Labels: ").append(Labels.display(workload.podLabels())).append('\n');
        text.append("Namespace labels: ").append(Labels.display(podClass.namespaceLabels())).append('\n');
        if (workload.ports().isEmpty()) {
            text.append("Ports: none declared\n");
        } else {
            List<String> ports = new ArrayList<>();
            for (ContainerPort port : workload.ports()) {
                ports.add((port.isNamed() ? port.name() + " = " : "") + port.protocol() + " " + port.port());
            }
            text.append("Ports: ").append(String.join(", ", ports)).append('\n');
        }
        if (workload.hostNetwork()) {
            text.append("Runs on the host network: NetworkPolicy does not govern these pods.\n");
        }
        text.append('\n');
        for (PolicyType direction : PolicyType.values()) {
            String word = direction.apiName().toLowerCase(Locale.ROOT);
            if (evaluation.isIsolated(podClass, direction)) {
                text.append(capitalized(word)).append(" is isolated by ")
                        .append(String.join(", ", evaluation.isolatingPolicies(podClass, direction).stream()
                                .map(policy -> policy.id().toString()).toList()))
                        .append(": only what their ").append(word).append(" rules admit gets through.\n");
            } else {
                text.append(capitalized(word)).append(" is not isolated: every ").append(word).append(" connection is allowed on this side.\n");
            }
        }
        List<String> selecting = new ArrayList<>();
        for (CompiledPolicy policy : evaluation.engine().policies()) {
            if (policy.selects(podClass.index())) {
                String types = String.join("+", policy.types().stream().sorted().map(PolicyType::apiName).toList());
                selecting.add("  " + (evaluation.isSwitchedOn(policy.id()) ? "\u25CF " : "\u25CB ") + policy.id()
                        + " (" + (types.isEmpty() ? "no policyTypes" : types) + ")"
                        + (evaluation.isSwitchedOn(policy.id()) ? "" : " \u2014 switched off"));
            }
        }
        text.append('\n').append(selecting.isEmpty() ? "No policy selects these pods.\n"
                : "Policies that select these pods:\n" + String.join("\n", selecting) + "\n");
    }

    private static void describeExternal(StringBuilder text, Endpoint.External external, PolicyEngine engine) {
        IpBlock block = external.block();
        text.append(external.isAnyAddress() ? "Any address (0.0.0.0/0), outside the cluster" : "Addresses " + block.display() + ", outside the cluster")
                .append('\n');
        text.append("No policy of this cluster governs this side; only the pods' own policies decide.\n\nRules that name it:\n");
        int named = 0;
        for (CompiledPolicy policy : engine.policies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    if (rule.matchesExternal(block)) {
                        text.append("  ").append(rule.ref().display()).append(rule.allPeers() ? " (no peer list: anyone)" : "").append('\n');
                        named++;
                    }
                }
            }
        }
        if (named == 0) {
            text.append("  none\n");
        }
    }

    private static Details describePolicy(PolicyId id, Evaluated evaluated) {
        Workspace workspace = evaluated.workspace();
        PolicyEngine engine = workspace.engine();
        Optional<CompiledPolicy> found = engine.policy(id);
        if (found.isEmpty()) {
            return new Details(id.toString(), "There is no policy " + id + " at this step.", Set.of(), Set.of(), null);
        }
        CompiledPolicy policy = found.get();
        Set<String> subjects = workloadsOf(engine, policy.selectedClasses());
        Set<String> peers = new TreeSet<>();
        for (PolicyType direction : PolicyType.values()) {
            for (CompiledRule rule : policy.rules(direction)) {
                if (rule.allPeers()) {
                    peers.addAll(workspace.endpoints().keySet());
                    continue;
                }
                peers.addAll(workloadsOf(engine, rule.peerClasses()));
                for (Endpoint.External external : engine.externalPeers()) {
                    if (rule.matchesExternal(external.block())) {
                        peers.add(external.id());
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(new Explainer(evaluated.evaluation()).describePolicy(id));
        text.append("\nIn the diagram, the pods it selects have a solid outline, the peers its rules name a dashed one.\n");
        NetworkPolicy source = policy.source();
        text.append('\n').append(RULE).append("YAML  ").append(source.where().display()).append('\n').append(RULE);
        text.append(RuleMarker.marked(source, List.of()));
        return new Details(id.toString(), text.toString(), subjects, peers, null);
    }

    private static Set<String> workloadsOf(PolicyEngine engine, BitSet classes) {
        Set<String> ids = new TreeSet<>();
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            engine.classes().get(c).workloads().forEach(workload -> ids.add(workload.id()));
        }
        return ids;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

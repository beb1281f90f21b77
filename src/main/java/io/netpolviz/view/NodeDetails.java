package io.netpolviz.view;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.Labels;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PodVariant;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.view.Explanation.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words for a selected node: a workload's kind, where it is written, labels, ports and isolation
 * with the policies that isolate it, or an address block's rules; then its allowed connections as
 * links. Part of {@link SelectionDetails}.
 */
final class NodeDetails {

    private NodeDetails() {
    }

    static Details describe(String id, Evaluated evaluated) {
        Workspace workspace = evaluated.workspace();
        Optional<GraphNode> node = workspace.frame().node(id);
        Endpoint endpoint = workspace.endpoints().get(id);
        if (node.isEmpty() || endpoint == null) {
            return new Details(id, id + " does not exist at this step of the lesson.", Set.of(id), Set.of(), null);
        }
        Set<String> neighbours = new TreeSet<>();
        Explanation.Words out = Explanation.words();
        Explanation.Words in = Explanation.words();
        if (evaluated.picture().pairs() != null) {
            for (var pair : evaluated.picture().pairs().pairs()) {
                if (!pair.anyAllowed() || pair.source() == pair.destination()) {
                    continue;
                }
                if (pair.source().id().equals(id)) {
                    neighbour(out, pair.destination().id(), pair.key(), evaluated);
                    neighbours.add(pair.destination().id());
                } else if (pair.destination().id().equals(id)) {
                    neighbour(in, pair.source().id(), pair.key(), evaluated);
                    neighbours.add(pair.source().id());
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (endpoint instanceof Endpoint.External external) {
            describeExternal(blocks, external, workspace.engine());
        } else {
            describePods(blocks, (Endpoint.Pods) endpoint, evaluated.evaluation(), workspace);
        }
        blocks.add(new Explanation.Heading("Allowed connections"));
        blocks.add(new Explanation.Fact("Out to", out.isEmpty() ? Explanation.text("none") : out.build()));
        blocks.add(new Explanation.Fact("In from", in.isEmpty() ? Explanation.text("none") : in.build()));
        blocks.add(new Explanation.Hint("The nodes at their other ends are lit up. Double-click the node, or right-click it, "
                + "to show only its edges; drag it to move it."));
        return new Details(id, blocks, Set.of(id), neighbours, null);
    }

    /** A neighbour as a link: to the edge that shows the pair, else to the node. */
    private static void neighbour(Explanation.Words words, String other, String pairKey, Evaluated evaluated) {
        if (!words.isEmpty()) {
            words.text(", ");
        }
        boolean drawn = evaluated.picture().edge(pairKey).isPresent();
        words.link(other, drawn ? new Selection.Edge(pairKey) : new Selection.Node(other));
    }

    private static void describePods(List<Block> blocks, Endpoint.Pods pods, Evaluation evaluation, Workspace workspace) {
        Workload workload = pods.workload();
        PodClass podClass = pods.podClass();
        if (workload.variant() != null) {
            PodVariant variant = workload.variant();
            String ownerId = workload.namespace() + "/" + variant.ownerName();
            boolean ownerShown = evaluation.engine().workloadEndpoints().stream()
                    .anyMatch(other -> other.id().equals(ownerId) && other.workload().variant() == null);
            blocks.add(new Explanation.Fact("Pods of", ownerShown
                    ? Explanation.words().text(variant.ownerKind().apiKind() + " ").link(ownerId, new Selection.Node(ownerId)).build()
                    : Explanation.text(variant.owner() + " (none of its pods carries its template's labels)")));
            blocks.add(new Explanation.Paragraph(Explanation.text((workload.replicas() == 1 ? "This pod differs" : "These pods differ")
                    + " from the " + variant.ownerKind().apiKind() + "'s template: " + variant.difference()
                    + ". Policies select pods by the pods' own labels, so " + (workload.replicas() == 1 ? "it is" : "they are")
                    + " evaluated and drawn apart from the other pods.")));
        } else if (workload.kind() == WorkloadKind.STAND_IN) {
            blocks.add(new Explanation.Fact("Kind", Explanation.text("stand-in, no real pods")));
            blocks.add(new Explanation.Paragraph(Explanation.text("The input holds policies but no workload, so NetPolViz drew one "
                    + "stand-in for each pod selector the policies use. This one stands for the pods that match "
                    + (workload.podLabels().isEmpty() ? "every selector: any pod" : Labels.display(workload.podLabels()))
                    + " in " + workload.namespace() + ". Add the workloads' manifests to see the real pods.")));
        } else {
            blocks.add(new Explanation.Fact("Kind", Explanation.text(workload.kind().apiKind()
                    + (workload.replicas() != 1 ? ", " + workload.replicas() + " pods" : ""))));
        }
        if (!workload.podNames().isEmpty() && !(workload.kind() == WorkloadKind.POD && workload.variant() == null)) {
            List<String> names = workload.podNames();
            blocks.add(new Explanation.Fact(names.size() == 1 ? "Pod" : "Pods", Explanation.text(names.size() <= 8 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more")));
        }
        String where = SourcePlace.place(workload.where(), workspace);
        if (!where.isEmpty()) {
            blocks.add(new Explanation.Fact(workload.kind() == WorkloadKind.STAND_IN ? "Named in" : "Written in", Explanation.text(where)));
        }
        blocks.add(new Explanation.Fact("Labels", Explanation.text(Labels.display(workload.podLabels()))));
        blocks.add(new Explanation.Fact("Namespace labels", Explanation.text(Labels.display(podClass.namespaceLabels()))));
        io.netpolviz.model.PrimaryNetworks networks = evaluation.engine().primaryNetworks();
        if (!networks.isEmpty()) {
            blocks.add(new Explanation.Fact("Network", Explanation.text(networks.of(podClass.namespace())
                    .map(network -> network.subject() + " (" + network.topology() + "): these pods reach only pods of this network")
                    .orElse("the cluster's pod network: these pods cannot reach pods on a UserDefinedNetwork"))));
        }
        List<String> ports = new ArrayList<>();
        for (ContainerPort port : workload.ports()) {
            ports.add((port.isNamed() ? port.name() + " = " : "") + port.protocol() + " " + port.port());
        }
        blocks.add(new Explanation.Fact("Ports", Explanation.text(ports.isEmpty() ? "none declared" : String.join(", ", ports))));
        if (workload.hostNetwork()) {
            blocks.add(new Explanation.Paragraph(Explanation.text("Runs on the host network: NetworkPolicy does not govern these pods.")));
        }
        for (PolicyType direction : PolicyType.values()) {
            String word = VerdictBlocks.direction(direction);
            if (evaluation.isIsolated(podClass, direction)) {
                List<PolicyId> isolating = evaluation.isolatingPolicies(podClass, direction).stream().map(CompiledPolicy::id).toList();
                blocks.add(new Explanation.Side(null, direction.apiName(), Explanation.words().text("Isolated by ").policies(isolating)
                        .text(": only what their " + word + " rules admit gets " + (direction == PolicyType.INGRESS ? "in." : "out.")).build()));
            } else {
                blocks.add(new Explanation.Side(null, direction.apiName(), Explanation.text("Not isolated: no switched-on policy isolates it, "
                        + "so every " + word + " connection is allowed on this side.")));
            }
        }
        List<CompiledPolicy> selecting = VerdictBlocks.selecting(evaluation.engine(), podClass.index());
        blocks.add(new Explanation.Heading(selecting.isEmpty() ? "No policy selects these pods" : "Policies that select these pods"));
        for (CompiledPolicy policy : selecting) {
            String types = String.join(" and ", policy.types().stream().sorted().map(PolicyType::apiName).toList());
            boolean on = evaluation.isSwitchedOn(policy.id());
            blocks.add(new Explanation.Item(null, Explanation.words().policy(policy.id())
                    .text(" (" + (types.isEmpty() ? "no policyTypes" : types) + ")" + (on ? "" : ", switched off")).build()));
        }
    }

    private static void describeExternal(List<Block> blocks, Endpoint.External external, PolicyEngine engine) {
        IpBlock block = external.block();
        blocks.add(new Explanation.Fact("Addresses", Explanation.text((external.isAnyAddress() ? "any (0.0.0.0/0)" : block.display())
                + ", outside the cluster")));
        blocks.add(new Explanation.Paragraph(Explanation.text("No policy of this cluster governs this side; only the pods' own policies decide.")));
        List<Block> rules = RulesNamingAddresses.of(engine, block);
        blocks.add(new Explanation.Heading(rules.isEmpty() ? "No rule names it" : "Rules that name it"));
        blocks.addAll(rules);
    }
}

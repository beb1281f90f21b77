package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.PictureComposer;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ingress controller in the picture: a peer node outside the namespaces, like an address
 * block, with an edge to each drawn workload that an Ingress or Route routes to, its ports
 * allowed or blocked as {@link IngressControllerReach} finds them; and the words for that edge.
 * Recomputed with every picture, so a toggle updates and marks it like any other edge; in compare mode
 * {@link Comparison#changesTo} lists its changes with the other pairs' ({@code IngressControllerChanges}).
 */
final class IngressControllerPicture {

    /** The node's caption. */
    static final String NAME = "ingress controller";

    private IngressControllerPicture() {
    }

    /**
     * {@code composed} with the controller's node and edges, when something is routed to a drawn workload;
     * a port whose verdict differs from {@code previous} (the evaluation the picture before showed, null for none)
     * is marked changed, as a toggle marks every other edge.
     */
    static PictureComposer.Composed added(PictureComposer.Composed composed, Evaluation evaluation, Evaluation previous) {
        return added(composed, evaluation, previous, Optional::of);
    }

    /**
     * The same on a summed-up picture: one edge to each node that shows routed workloads (a collapsed namespace
     * shows its own), standing for the controller's connections to those workloads. A port is allowed when every
     * workload routed on it there allows it, allowed in part ({@code ◐}) when some do, blocked when none does —
     * the rule every summary edge follows.
     */
    static PictureComposer.Composed added(PictureComposer.Composed composed, Evaluation evaluation, Evaluation previous,
            Function<String, Optional<String>> shownBy) {
        Map<String, PortSet> allowedBefore = new HashMap<>();
        if (previous != null) {
            IngressControllerReach.of(previous).forEach(target -> allowedBefore.put(target.workloadId(), target.allowed()));
        }
        Map<String, List<IngressControllerReach.Target>> byNode = new TreeMap<>();
        for (IngressControllerReach.Target target : IngressControllerReach.of(evaluation)) {
            shownBy.apply(target.workloadId()).filter(id -> composed.graph().node(id).isPresent())
                    .ifPresent(id -> byNode.computeIfAbsent(id, key -> new ArrayList<>()).add(target));
        }
        if (byNode.isEmpty()) {
            return composed;
        }
        List<GraphEdge> edges = new ArrayList<>();
        byNode.forEach((id, targets) -> {
            PortSet routed = PortSet.NONE;
            for (IngressControllerReach.Target target : targets) {
                routed = routed.union(target.routed());
            }
            List<PortVerdict> ports = new ArrayList<>();
            for (PortRange range : routed.ranges()) {
                ports.add(verdict(range, targets.stream().filter(t -> t.routed().overlaps(range)).toList(), allowedBefore));
            }
            edges.add(new GraphEdge(IngressControllerReach.ID, id, ports, targets.size(), null));
        });
        return new PictureComposer.Composed(composed.graph().withMore(List.of(node()), edges), composed.omitted(), composed.selection());
    }

    private static PortVerdict verdict(PortRange range, List<IngressControllerReach.Target> routing, Map<String, PortSet> allowedBefore) {
        int full = 0;
        boolean some = false;
        boolean changed = false;
        for (IngressControllerReach.Target target : routing) {
            boolean allowed = target.allowed().containsAll(range);
            full += allowed ? 1 : 0;
            some |= target.allowed().overlaps(range);
            PortSet before = allowedBefore.get(target.workloadId());
            changed |= before != null && before.containsAll(range) != allowed;
        }
        boolean allowed = full == routing.size();
        return new PortVerdict(range, allowed, !allowed && some, changed);
    }

    /** The controller's node: a peer outside the namespaces. */
    static GraphNode node() {
        return new GraphNode(IngressControllerReach.ID, NodeType.EXTERNAL, "", NAME, null, 0, false, Map.of());
    }

    /**
     * The words for the controller's node or one of its edges; empty for any other selection. {@code shownBy} maps a
     * workload to the node that shows it (a summed-up picture's collapsed namespace), so an edge's words cover every
     * workload it stands for.
     */
    static Optional<Details> describe(Selection selection, Evaluation evaluation, Function<String, Optional<String>> shownBy) {
        List<IngressControllerReach.Target> targets = IngressControllerReach.of(evaluation);
        if (selection instanceof Selection.Edge edge && edge.key().startsWith(IngressControllerReach.ID)) {
            List<IngressControllerReach.Target> shown = targets.stream().filter(target -> shownBy.apply(target.workloadId())
                    .map(id -> edge.key().equals(GraphEdge.key(IngressControllerReach.ID, id))).orElse(false)).toList();
            if (shown.isEmpty()) {
                return Optional.empty();
            }
            String to = edge.key().substring(GraphEdge.key(IngressControllerReach.ID, "").length());
            return Optional.of(new Details(IngressControllerReach.ID + " \u2192 " + to,
                    String.join("\n\n", shown.stream().map(IngressControllerReach.Target::explanation).toList()),
                    Set.of(IngressControllerReach.ID), Set.copyOf(shown.stream().map(IngressControllerReach.Target::workloadId).toList()),
                    edge.key()));
        }
        if (selection instanceof Selection.Node node && node.id().equals(IngressControllerReach.ID)) {
            String text = "The pods of an ingress controller, which forward outside traffic as Ingresses and Routes say. Its connections are the"
                    + " ports those route to that the policies allow from a pod without labels in namespace " + IngressControllerReach.NAMESPACE
                    + ", as netpol-analyzer counts them.\n\n" + String.join("\n\n", targets.stream().map(IngressControllerReach.Target::explanation).toList());
            return Optional.of(new Details(IngressControllerReach.ID, text, Set.of(IngressControllerReach.ID),
                    Set.copyOf(targets.stream().map(IngressControllerReach.Target::workloadId).toList()), null));
        }
        return Optional.empty();
    }
}

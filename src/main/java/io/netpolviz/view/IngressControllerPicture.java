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
        Map<String, PortSet> allowedBefore = new HashMap<>();
        if (previous != null) {
            IngressControllerReach.of(previous).forEach(target -> allowedBefore.put(target.workloadId(), target.allowed()));
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (IngressControllerReach.Target target : IngressControllerReach.of(evaluation)) {
            if (composed.graph().node(target.workloadId()).isEmpty()) {
                continue;
            }
            PortSet before = allowedBefore.get(target.workloadId());
            List<PortVerdict> ports = new ArrayList<>();
            for (PortRange range : target.routed().ranges()) {
                boolean allowed = target.allowed().containsAll(range);
                boolean changed = before != null && before.containsAll(range) != allowed;
                ports.add(new PortVerdict(range, allowed, false, changed));
            }
            edges.add(new GraphEdge(IngressControllerReach.ID, target.workloadId(), ports));
        }
        if (edges.isEmpty()) {
            return composed;
        }
        return new PictureComposer.Composed(composed.graph().withMore(List.of(node()), edges), composed.omitted(), composed.selection());
    }

    /** The controller's node: a peer outside the namespaces. */
    static GraphNode node() {
        return new GraphNode(IngressControllerReach.ID, NodeType.EXTERNAL, "", NAME, null, 0, false, Map.of());
    }

    /** The words for the controller's node or one of its edges; empty for any other selection. */
    static Optional<Details> describe(Selection selection, Evaluation evaluation) {
        List<IngressControllerReach.Target> targets = IngressControllerReach.of(evaluation);
        if (selection instanceof Selection.Edge edge && edge.key().startsWith(IngressControllerReach.ID)) {
            return targets.stream().filter(target -> edge.key().equals(GraphEdge.key(IngressControllerReach.ID, target.workloadId())))
                    .findFirst().map(target -> new Details(IngressControllerReach.ID + " \u2192 " + target.workloadId(), target.explanation(),
                            Set.of(IngressControllerReach.ID), Set.of(target.workloadId()), edge.key()));
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

package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts one evaluation's verdicts on a fixed frame of nodes, edges and ports. The frame is built
 * once per load (for a lesson in steps, from the last step, which holds every node of the earlier
 * ones), so toggles and step changes only ask the evaluation about ports it already knows, and
 * the diagram can be restyled instead of laid out again.
 */
public final class VerdictProjection {

    /**
     * The frame with verdicts, and which of its nodes exist in the evaluated cluster. For a
     * picture with collapsed namespaces, {@code aggregate} is the aggregated graph the verdicts
     * come from (with the pair counts behind each edge); null for the workload picture.
     */
    public record Projected(ReachabilityGraph graph, Set<String> presentNodeIds, AggregatedGraph aggregate) {

        public Projected(ReachabilityGraph graph, Set<String> presentNodeIds) {
            this(graph, presentNodeIds, null);
        }

        /** An aggregated graph's verdicts: every node of it is present. */
        public static Projected of(AggregatedGraph aggregate) {
            Set<String> ids = new java.util.HashSet<>();
            aggregate.graph().nodes().forEach(node -> ids.add(node.id()));
            return new Projected(aggregate.graph(), Set.copyOf(ids), aggregate);
        }
    }

    private VerdictProjection() {
    }

    /**
     * Verdicts of {@code evaluation} for every frame edge whose two ends exist in the evaluated
     * cluster; the others are left blocked (they are hidden). A port is marked changed when its
     * verdict differs from {@code previous}, where both show the edge.
     *
     * @param endpoints the evaluated cluster's endpoints by id
     */
    public static Projected project(ReachabilityGraph frame, Map<String, Endpoint> endpoints, Evaluation evaluation, Projected previous) {
        Map<String, GraphEdge> before = new HashMap<>();
        if (previous != null) {
            previous.graph().edges().forEach(edge -> before.put(edge.key(), edge));
        }
        List<GraphEdge> edges = new ArrayList<>(frame.edges().size());
        for (GraphEdge edge : frame.edges()) {
            Endpoint source = endpoints.get(edge.sourceId());
            Endpoint destination = endpoints.get(edge.targetId());
            if (source == null || destination == null) {
                edges.add(new GraphEdge(edge.sourceId(), edge.targetId(),
                        edge.ports().stream().map(p -> new PortVerdict(p.port(), false, false, false)).toList()));
                continue;
            }
            // A lookup in the evaluation's connectivity, where it covers the pair; rules otherwise.
            PortSet allowed = evaluation.connectivity().allowed(source, destination)
                    .orElseGet(() -> evaluation.allowedPorts(source, destination));
            GraphEdge old = before.get(edge.key());
            boolean comparable = old != null && previous.presentNodeIds().contains(edge.sourceId())
                    && previous.presentNodeIds().contains(edge.targetId());
            List<PortVerdict> verdicts = new ArrayList<>(edge.ports().size());
            for (int i = 0; i < edge.ports().size(); i++) {
                PortRange port = edge.ports().get(i).port();
                boolean isAllowed = allowed.containsAll(port);
                boolean partial = !isAllowed && allowed.overlaps(port);
                boolean changed = comparable && wasAllowed(old, port).map(earlier -> earlier != isAllowed).orElse(false);
                verdicts.add(new PortVerdict(port, isAllowed, partial, changed));
            }
            edges.add(new GraphEdge(edge.sourceId(), edge.targetId(), verdicts));
        }
        ReachabilityGraph graph = new ReachabilityGraph(frame.namespaces(), frame.nodes(), edges);
        Set<String> present = new java.util.TreeSet<>(endpoints.keySet());
        present.retainAll(frame.nodes().stream().map(n -> n.id()).toList());
        return new Projected(graph, Set.copyOf(present));
    }

    /**
     * The earlier verdict of the same port: found by the port, not its position, because a live
     * cluster's update can add or remove ports of an edge.
     */
    private static Optional<Boolean> wasAllowed(GraphEdge old, PortRange port) {
        return old.ports().stream().filter(verdict -> verdict.port().equals(port)).findFirst().map(PortVerdict::allowed);
    }
}

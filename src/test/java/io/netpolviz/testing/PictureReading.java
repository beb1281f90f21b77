package io.netpolviz.testing;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a drawn picture the way its legend tells a person to, independently of the code that
 * drew it: an edge stands for every pair from its source end to its target end (a node, the
 * namespace box it sits in, the zone of boxes no policy isolates, or everywhere), and a pair
 * reads by the most specific edges that stand for it; a port stated by name is the port the
 * destination's workload declares with that name. Tests compare what it reads with the engine.
 */
public final class PictureReading {

    private PictureReading() {
    }

    /**
     * What the picture says of a pair: the allowed ports the most specific edges standing for it
     * state, or empty when no edge stands for it (the picture leaves it out). Fails when the most
     * specific edges disagree.
     *
     * @param nodes every endpoint's node, shown or not, by id
     */
    public static Optional<PortSet> read(ReachabilityGraph graph, Map<String, GraphNode> nodes, String source, Endpoint destinationEnd) {
        String destination = destinationEnd.id();
        List<GraphEdge> covering = new ArrayList<>();
        for (GraphEdge edge : graph.edges()) {
            boolean selfPair = source.equals(destination);
            boolean oneEndIsTheNode = edge.sourceId().equals(source) != edge.targetId().equals(destination);
            if (selfPair && oneEndIsTheNode) {
                continue; // "web -> its own box" speaks of the other workloads, not web's replicas among themselves.
            }
            if (standsFor(graph, nodes, edge.sourceId(), source) && standsFor(graph, nodes, edge.targetId(), destination)) {
                covering.add(edge);
            }
        }
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        PortSet said = null;
        for (GraphEdge edge : mostSpecific(covering)) {
            PortSet stated = stated(edge, destinationEnd);
            if (said != null && !said.equals(stated)) {
                throw new AssertionError(source + "->" + destination + " reads two ways: " + said.display() + " and " + stated.display());
            }
            said = stated;
        }
        return Optional.of(said);
    }

    private static boolean standsFor(ReachabilityGraph graph, Map<String, GraphNode> nodes, String end, String endpointId) {
        if (end.equals(endpointId) || end.equals(GraphEdge.ANYWHERE)) {
            return true;
        }
        if (!GraphEdge.isBox(end)) {
            return false;
        }
        GraphNode node = nodes.get(endpointId);
        String box = node.isExternal() ? GraphNode.OUTSIDE : node.namespace();
        String named = GraphEdge.boxNamespace(end);
        return named.equals(box) || named.equals(GraphNode.OPEN_ZONE) && graph.zone().contains(box);
    }

    private static int level(String end) {
        return end.equals(GraphEdge.ANYWHERE) ? 3 : end.equals(GraphEdge.boxId(GraphNode.OPEN_ZONE)) ? 2 : GraphEdge.isBox(end) ? 1 : 0;
    }

    /** The edges no other covering edge is narrower than, on both ends. */
    private static List<GraphEdge> mostSpecific(List<GraphEdge> covering) {
        List<GraphEdge> result = new ArrayList<>();
        for (GraphEdge edge : covering) {
            boolean beaten = false;
            for (GraphEdge other : covering) {
                if (other != edge && level(other.sourceId()) <= level(edge.sourceId()) && level(other.targetId()) <= level(edge.targetId())
                        && (level(other.sourceId()) < level(edge.sourceId()) || level(other.targetId()) < level(edge.targetId()))) {
                    beaten = true;
                }
            }
            if (!beaten) {
                result.add(edge);
            }
        }
        return result;
    }

    /**
     * The allowed ports an edge states for a pair: its ports by number, and for a port stated by name
     * ("✓ metrics") the ports the destination's workload declares with that name and protocol.
     */
    private static PortSet stated(GraphEdge edge, Endpoint destination) {
        List<PortRange> ports = new ArrayList<>();
        for (PortVerdict port : edge.ports()) {
            if (!port.allowed()) {
                continue;
            }
            if (!port.isNamed()) {
                ports.add(port.port());
            } else if (destination instanceof Endpoint.Pods pods) {
                for (ContainerPort declared : pods.workload().ports()) {
                    if (port.name().name().equals(declared.name()) && port.name().protocol() == declared.protocol()) {
                        ports.add(PortRange.single(declared.protocol(), declared.port()));
                    }
                }
            }
        }
        return PortSet.of(ports);
    }
}

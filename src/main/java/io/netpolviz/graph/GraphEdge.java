package io.netpolviz.graph;

import java.util.List;

/**
 * A directed edge from a source to a destination node, with one verdict per port. The edge
 * set depends only on the manifests (declared ports and the ports rules name), never on
 * which policies are switched on, so a toggle restyles edges and never moves them.
 */
public record GraphEdge(String sourceId, String targetId, List<PortVerdict> ports) {

    public GraphEdge {
        ports = List.copyOf(ports);
    }

    public String key() {
        return sourceId + "->" + targetId;
    }

    public boolean anyAllowed() {
        return ports.stream().anyMatch(PortVerdict::allowed);
    }

    public boolean allAllowed() {
        return ports.stream().allMatch(PortVerdict::allowed);
    }

    public boolean anyChanged() {
        return ports.stream().anyMatch(PortVerdict::changed);
    }
}

package io.netpolviz.graph;

import java.util.List;

/**
 * A directed edge from a source to a destination node, with one verdict per port. The edge
 * set depends only on the manifests (declared ports and the ports rules name), never on
 * which policies are switched on, so a toggle restyles edges and never moves them. An edge
 * that touches a collapsed namespace sums up many workload pairs: each port's verdict is
 * allowed when every pair with that port is, partial when only some are.
 */
public record GraphEdge(String sourceId, String targetId, List<PortVerdict> ports) {

    public GraphEdge {
        ports = List.copyOf(ports);
    }

    public String key() {
        return key(sourceId, targetId);
    }

    /** {@code source->target}, the key of the edge between two node ids. */
    public static String key(String sourceId, String targetId) {
        return sourceId + "->" + targetId;
    }

    /** Whether some connection the edge stands for is allowed: a port allowed, or allowed in part. */
    public boolean anyAllowed() {
        return ports.stream().anyMatch(port -> port.allowed() || port.partial());
    }

    public boolean allAllowed() {
        return ports.stream().allMatch(PortVerdict::allowed);
    }

    public boolean anyChanged() {
        return ports.stream().anyMatch(PortVerdict::changed);
    }
}

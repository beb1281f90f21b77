package io.netpolviz.graph;

import io.netpolviz.policy.PortSet;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An edge of the {@link AttackGraph}: new connections from one node to another are allowed on
 * {@code ports} (never empty). Its weight is 1, so a minimum cut counts connections.
 */
public final class Hop extends DefaultWeightedEdge {

    private static final long serialVersionUID = 1L;

    private final PortSet ports;

    Hop(PortSet ports) {
        this.ports = ports;
    }

    public PortSet ports() {
        return ports;
    }
}

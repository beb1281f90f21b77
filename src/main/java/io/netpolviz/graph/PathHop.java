package io.netpolviz.graph;

import io.netpolviz.policy.PortSet;

/** One hop of an attack path or of a cut: from a node to a node, allowed on these ports. */
public record PathHop(String source, String destination, PortSet ports) {

    /** {@code storefront/web → orders/api (TCP 8080)}. */
    public String display() {
        return source + " \u2192 " + destination + " (" + ports.display() + ")";
    }
}

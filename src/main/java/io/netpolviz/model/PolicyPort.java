package io.netpolviz.model;

/**
 * One entry of a rule's {@code ports}: a protocol (TCP when omitted), and a port, a named port
 * or nothing (every port of that protocol); {@code endPort} makes a numeric port a range.
 */
public record PolicyPort(Protocol protocol, PortRef port, Integer endPort) {

    public String display() {
        if (port == null) {
            return protocol + " (all ports)";
        }
        if (endPort != null) {
            return protocol + " " + port.display() + "-" + endPort;
        }
        return protocol + " " + port.display();
    }
}

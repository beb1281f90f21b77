package io.netpolviz.model;

/**
 * One port match of a cluster-wide policy rule: a protocol with a port range ({@code first} =
 * {@code last} for one port), or a named port, looked up among the destination pod's container
 * ports: whatever their protocol when {@code protocol} is null (the network-policy-api kinds,
 * Cilium's {@code ANY}), else only a container port of that protocol (Cilium's
 * {@code {port: http, protocol: TCP}}).
 */
public record ClusterPolicyPort(Protocol protocol, int first, int last, String namedPort) {

    public static ClusterPolicyPort range(Protocol protocol, int first, int last) {
        return new ClusterPolicyPort(protocol, first, last, null);
    }

    public static ClusterPolicyPort named(String name) {
        return new ClusterPolicyPort(null, 0, 0, name);
    }

    /** A named port that only a container port of {@code protocol} resolves. */
    public static ClusterPolicyPort named(String name, Protocol protocol) {
        return new ClusterPolicyPort(protocol, 0, 0, name);
    }

    /** Whether a container port named {@code name} with {@code protocol} is what this named port names. */
    public boolean resolvesTo(String name, Protocol containerProtocol) {
        return namedPort != null && namedPort.equals(name) && (protocol == null || protocol == containerProtocol);
    }

    public boolean isNamed() {
        return namedPort != null;
    }

    public String display() {
        if (isNamed()) {
            return (protocol == null ? "" : protocol + " ") + "port " + namedPort;
        }
        if (first == 1 && last == 65535) {
            return protocol + " (all ports)";
        }
        return first == last ? protocol + " " + first : protocol + " " + first + "-" + last;
    }
}

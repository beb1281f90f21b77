package io.netpolviz.model;

/**
 * One port match of a cluster-wide policy rule: a protocol with a port range ({@code first} =
 * {@code last} for one port), or a named port ({@code protocol} null: the name is looked up among
 * the destination pod's container ports, whatever their protocol).
 */
public record ClusterPolicyPort(Protocol protocol, int first, int last, String namedPort) {

    public static ClusterPolicyPort range(Protocol protocol, int first, int last) {
        return new ClusterPolicyPort(protocol, first, last, null);
    }

    public static ClusterPolicyPort named(String name) {
        return new ClusterPolicyPort(null, 0, 0, name);
    }

    public boolean isNamed() {
        return namedPort != null;
    }

    public String display() {
        if (isNamed()) {
            return "port " + namedPort;
        }
        if (first == 1 && last == 65535) {
            return protocol + " (all ports)";
        }
        return first == last ? protocol + " " + first : protocol + " " + first + "-" + last;
    }
}

package io.netpolviz.model;

/**
 * One entry of a Calico rule's {@code ports} or {@code notPorts}: a number, a range written
 * {@code a:b}, or the name of a port the endpoint declares. The protocol is the rule's.
 */
public record CalicoPort(int first, int last, String name) {

    public static CalicoPort range(int first, int last) {
        return new CalicoPort(first, last, null);
    }

    public static CalicoPort named(String name) {
        return new CalicoPort(0, 0, name);
    }

    public boolean isNamed() {
        return name != null;
    }

    public String display() {
        return isNamed() ? name : first == last ? Integer.toString(first) : first + ":" + last;
    }
}

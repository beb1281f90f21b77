package io.netpolviz.policy;

/**
 * How what is allowed between two endpoints changed: the ports that opened and the ports that
 * closed. Endpoints are named by id, since they may come from two different snapshots.
 */
public record ConnectivityChange(String sourceId, String destinationId, PortSet before, PortSet after) {

    public PortSet opened() {
        return after.minus(before);
    }

    public PortSet closed() {
        return before.minus(after);
    }
}

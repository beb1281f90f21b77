package io.netpolviz.policy;

/**
 * How what is allowed between two endpoints changed: the ports that opened and the ports that
 * closed. Endpoints are named by id, since they may come from two different snapshots.
 */
public record ConnectivityChange(String sourceId, String destinationId, PortSet before, PortSet after) {

    /** The kind of a change, in netpol-analyzer's words: nothing was allowed before, nothing is allowed after, or both allow something. */
    public enum Kind {
        ADDED, REMOVED, CHANGED;

        /** {@code added}, {@code removed}, {@code changed}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Kind kind() {
        if (before.isEmpty()) {
            return Kind.ADDED;
        }
        return after.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
    }

    public PortSet opened() {
        return after.minus(before);
    }

    public PortSet closed() {
        return before.minus(after);
    }
}

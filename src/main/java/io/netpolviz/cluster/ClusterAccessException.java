package io.netpolviz.cluster;

/**
 * The cluster could not be read at all: the message is meant for the user (it names the
 * context and what to do) and never contains credentials.
 */
public final class ClusterAccessException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterAccessException(String message) {
        super(message);
    }
}

package io.netpolviz.cluster;

import java.time.Instant;

/**
 * A live source's state with a plain message naming the context and, when something is
 * wrong, what to do. {@code since} is when this state began; {@code lastChange} is when the
 * published snapshot last changed (null before the first one). {@code retrying} says whether
 * the source tries again by itself or waits for {@code reconnect()}. Never holds credentials.
 */
public record ConnectionStatus(
        ConnectionState state,
        String context,
        String message,
        Instant since,
        Instant lastChange,
        boolean retrying) {

    public ConnectionStatus {
        context = context == null ? "" : context;
        message = message == null ? "" : message;
    }

    /** {@code CONNECTED: message}, for a status bar or a log line. */
    public String display() {
        return state + ": " + message;
    }
}

package io.netpolviz.model;

import java.util.Optional;

/** The transport protocols a NetworkPolicy port may name. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses the API spelling exactly ({@code TCP}, {@code UDP}, {@code SCTP}); the API is case-sensitive. */
    public static Optional<Protocol> parse(String text) {
        for (Protocol protocol : values()) {
            if (protocol.name().equals(text)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}

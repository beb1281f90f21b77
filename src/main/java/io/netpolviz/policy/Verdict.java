package io.netpolviz.policy;

import io.netpolviz.model.Protocol;

/**
 * The answer for one connection, with both sides spelled out: a new connection from
 * {@code source} to {@code destination} on {@code protocol}/{@code port} is allowed only if the
 * source's egress and the destination's ingress both allow it. Replies to an allowed
 * connection are not new connections and need no rule.
 */
public record Verdict(Endpoint source, Endpoint destination, Protocol protocol, int port, SideVerdict egress, SideVerdict ingress) {

    public boolean allowed() {
        return egress.allows() && ingress.allows();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.Protocol;

/**
 * The answer for one connection, with both sides spelled out: a new connection from
 * {@code source} to {@code destination} on {@code protocol}/{@code port} is allowed only if the
 * source's egress and the destination's ingress both allow it. Replies to an allowed
 * connection are not new connections and need no rule. {@code networkSeparation}, when not null,
 * says why the two pods cannot reach each other at all (different primary networks), whatever both sides say.
 */
public record Verdict(Endpoint source, Endpoint destination, Protocol protocol, int port, SideVerdict egress, SideVerdict ingress,
        String networkSeparation) {

    /** A verdict the policies alone decide. */
    public Verdict(Endpoint source, Endpoint destination, Protocol protocol, int port, SideVerdict egress, SideVerdict ingress) {
        this(source, destination, protocol, port, egress, ingress, null);
    }

    /** OVN-Kubernetes isolates primary networks below every policy, so no rule of any kind can open such a pair. */
    public String separationWords() {
        return networkSeparation + "; no policy can open this connection";
    }

    public boolean allowed() {
        return networkSeparation == null && egress.allows() && ingress.allows();
    }
}

package io.netpolviz.policy.fix;

import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;

/**
 * The one connection a proposal is about: a new connection from {@code source} to
 * {@code destination} on {@code protocol}/{@code port}. The endpoints come from the engine the
 * question was asked of; a proposal re-resolves them by id in the engine of the changed cluster.
 */
public record Target(Endpoint source, Endpoint destination, Protocol protocol, int port) {

    /** {@code shop/frontend → shop/api on TCP 8080}. */
    public String display() {
        return source.id() + " \u2192 " + destination.id() + " on " + protocol + " " + port;
    }
}

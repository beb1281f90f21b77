package io.netpolviz.policy;

/** What is allowed from one endpoint to another: every port, some ports, or nothing. */
public record Connection(Endpoint source, Endpoint destination, PortSet allowed) {
}

package io.netpolviz.model;

/** A service port and the target port it forwards to (a number, or a container port name). */
public record ServicePort(String name, int port, String targetPort, Protocol protocol) {
}

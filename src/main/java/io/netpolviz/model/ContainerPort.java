package io.netpolviz.model;

/** A port a container declares; {@code name} is null when the port is unnamed. */
public record ContainerPort(String name, int port, Protocol protocol) {

    public boolean isNamed() {
        return name != null && !name.isEmpty();
    }
}

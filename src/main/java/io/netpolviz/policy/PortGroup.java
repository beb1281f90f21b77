package io.netpolviz.policy;

/**
 * Pod classes that share one answer: in a {@link Connectivity} column, the source classes that
 * may open new connections to the column's destination on exactly {@code ports}; in an external
 * peer's row, the destination classes that peer may reach on exactly {@code ports}.
 */
public record PortGroup(PortSet ports, ClassSet classes) {
}

package io.netpolviz.layout;

/** The sample a legend entry draws next to its text. */
public enum LegendSymbol {
    ALLOWED_EDGE,
    MIXED_EDGE,
    BLOCKED_EDGE,
    PARTIAL_PORT,
    CHANGED_EDGE,
    POD,
    WORKLOAD,
    DNS,
    EXTERNAL,
    NAMESPACE,
    HOST_NETWORK
}

package io.netpolviz.layout;

/** What a small pill on a node box says. */
public enum BadgeKind {
    /** {@code ×N}: the node stands for N pods. */
    REPLICAS,
    /** The pods use the node's network, which NetworkPolicies do not govern. */
    HOST_NETWORK
}

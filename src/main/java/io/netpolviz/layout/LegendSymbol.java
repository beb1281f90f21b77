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
    HOST_NETWORK,
    /** An edge from or to a whole box: every workload in it, unless one has an edge of its own. */
    GROUP_EDGE,
    /** The "all" disc: every workload and address shown. */
    EVERYWHERE,
    /** A dashed workload box: a stand-in for the pods a policy names, in an input of policies only. */
    STAND_IN,
    /** A port label's {@code L7} suffix: a Cilium L7 or DNS-name rule filters requests there at run time. */
    RUN_TIME_FILTER
}

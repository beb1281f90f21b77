package io.netpolviz.layout;

/** How a node box is drawn: which fill, border and place in the legend it gets. */
public enum NodeStyle {
    /** A workload or bare pod inside its namespace box. */
    WORKLOAD,
    /** A stand-in for the pods a policy selects in a policy-only input: a workload's box, dashed. */
    STAND_IN,
    /** An address block outside the cluster. */
    EXTERNAL,
    /** A whole namespace collapsed into one node. */
    NAMESPACE
}

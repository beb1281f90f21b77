package io.netpolviz.graph;

/** What a diagram node stands for. */
public enum NodeType {
    /** A workload (its replicas as one node) or a bare pod, inside its namespace's box. */
    WORKLOAD,
    /** An address block outside the cluster that a rule names, or "any address". */
    EXTERNAL,
    /** A whole namespace collapsed into one node (aggregated views of large clusters). */
    NAMESPACE
}

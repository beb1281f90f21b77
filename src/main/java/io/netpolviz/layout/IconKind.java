package io.netpolviz.layout;

/** The small pictogram drawn at the left of a node box. */
public enum IconKind {
    /** A bare pod: one cube. */
    POD,
    /** A controller with replicas (Deployment, StatefulSet, ...): stacked cubes. */
    WORKLOAD,
    /** A cluster DNS server, which nearly every egress policy must let through. */
    DNS,
    /** An address block outside the cluster: a globe. */
    EXTERNAL,
    /** A collapsed namespace: a named box holding pods. */
    NAMESPACE
}

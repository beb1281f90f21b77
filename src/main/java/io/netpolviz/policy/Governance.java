package io.netpolviz.policy;

/** Whether policies govern one side of a connection at all. */
public enum Governance {
    /** A pod on the pod network: policies that select it decide. */
    POD,
    /** A pod on the host network: NetworkPolicy does not govern it; the network plugin decides. */
    HOST_NETWORK,
    /** An address outside the cluster: no policy of this cluster governs its side. */
    EXTERNAL,
    /** A pod reaching itself: loopback follows no policy of any kind (upstream Kubernetes e2e). */
    SELF
}

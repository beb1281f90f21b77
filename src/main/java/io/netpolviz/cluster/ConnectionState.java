package io.netpolviz.cluster;

/** Where a live cluster source stands. */
public enum ConnectionState {
    /** The first read is in progress. */
    CONNECTING,
    /** Every readable resource is listed and watched; the snapshot follows the cluster. */
    CONNECTED,
    /** The connection was lost; the last snapshot stays on show while the source retries. */
    RECONNECTING,
    /** The source cannot read the cluster; the message says why and what to do. */
    ERROR
}

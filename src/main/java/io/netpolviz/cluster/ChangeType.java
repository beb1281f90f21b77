package io.netpolviz.cluster;

/** What happened to one object, as the API server's watch reports it. */
public enum ChangeType {
    ADDED, MODIFIED, DELETED
}

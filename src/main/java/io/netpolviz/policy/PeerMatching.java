package io.netpolviz.policy;

import io.netpolviz.model.IpBlock;

/** What a compiled rule's peers match: pod classes, and blocks of addresses outside the cluster. */
public interface PeerMatching {

    boolean matchesClass(int classIndex);

    boolean matchesExternal(IpBlock block);

    /** Whether the rule's peers match {@code peer}: its class, or every address of its block. */
    default boolean matches(Endpoint peer) {
        if (peer instanceof Endpoint.Pods pods) {
            return matchesClass(pods.podClass().index());
        }
        return matchesExternal(((Endpoint.External) peer).block());
    }
}

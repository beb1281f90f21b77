package io.netpolviz.policy;

import io.netpolviz.model.PolicyPeer;

/**
 * A peer's identity for matching: the peer, and the policy's namespace when the peer has no
 * namespace selector (a bare pod selector means the policy's own namespace). Identical peers
 * recur across many policies, so the engine matches each once.
 */
record PeerKey(String policyNamespace, PolicyPeer peer) {
    static PeerKey of(String policyNamespace, PolicyPeer peer) {
        return new PeerKey(peer.namespaceSelector() == null ? policyNamespace : null, peer);
    }
}

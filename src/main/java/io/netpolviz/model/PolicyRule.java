package io.netpolviz.model;

import java.util.List;

/**
 * One ingress or egress rule. An empty {@code peers} list (the field absent or {@code []})
 * means every peer, an empty {@code ports} list every port: the rule {@code {}} admits
 * everything.
 */
public record PolicyRule(List<PolicyPeer> peers, List<PolicyPort> ports, SourceRef where) {

    public PolicyRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    public boolean allowsAllPeers() {
        return peers.isEmpty();
    }

    public boolean allowsAllPorts() {
        return ports.isEmpty();
    }
}

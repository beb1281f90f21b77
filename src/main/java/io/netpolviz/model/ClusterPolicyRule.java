package io.netpolviz.model;

import java.util.List;

/**
 * One ingress or egress rule of a cluster-wide policy: its optional name, its action, the peers
 * it matches (at least one) and the ports (empty: every port of every protocol).
 */
public record ClusterPolicyRule(String name, RuleAction action, List<ClusterPolicyPeer> peers, List<ClusterPolicyPort> ports,
        SourceRef where) {

    public ClusterPolicyRule {
        name = name == null ? "" : name;
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /** Whether some peer names nodes or domain names, which the manifests cannot resolve. */
    public boolean undecidable() {
        return peers.stream().anyMatch(ClusterPolicyPeer::undecidable);
    }
}

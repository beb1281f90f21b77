package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyType;
import java.util.List;
import java.util.Map;

/** The addresses outside the cluster that Calico rules name, as external peers of the picture. */
final class CalicoExternals {

    private CalicoExternals() {
    }

    /** Adds each net a rule's peer names, and each net of the network sets it selects; returns whether some rule's peer is any address at all. */
    static boolean collect(List<CompiledCalicoPolicy> policies, Map<String, Endpoint.External> byId) {
        boolean anyAddress = false;
        for (CompiledCalicoPolicy policy : policies) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledCalicoRule rule : policy.rules(direction)) {
                    var peer = rule.source().peer(direction);
                    List<Cidr> nets = new java.util.ArrayList<>(peer.nets());
                    rule.peerNetworkSets().forEach(set -> nets.addAll(set.nets()));
                    for (Cidr net : nets) {
                        Endpoint.External external = new Endpoint.External(new IpBlock(net, List.of()));
                        byId.putIfAbsent(external.id(), external);
                    }
                    anyAddress |= !peer.endpointsOnly() && peer.nets().isEmpty();
                }
            }
        }
        return anyAddress;
    }
}

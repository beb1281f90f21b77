package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/**
 * A Calico {@code GlobalNetworkSet} (namespace null) or namespaced {@code NetworkSet}: addresses
 * outside the cluster under labels, so that rules select them by selector as they select pods
 * (docs.tigera.io, Network set reference: "When Calico is calculating the set of IPs that should
 * match a source/destination selector within a network policy rule, it includes the CIDRs from any
 * network sets that match the selector").
 *
 * @param namespace null for a GlobalNetworkSet
 */
public record CalicoNetworkSet(String namespace, String name, Map<String, String> labels, List<Cidr> nets, SourceRef where) {

    public static final String GLOBAL = "GlobalNetworkSet";
    public static final String NAMESPACED = "NetworkSet";

    public CalicoNetworkSet {
        labels = Map.copyOf(labels);
        nets = List.copyOf(nets);
    }

    public boolean isGlobal() {
        return namespace == null;
    }

    /** {@code GlobalNetworkSet bad-actors} or {@code NetworkSet shop/partners}. */
    public String display() {
        return isGlobal() ? GLOBAL + " " + name : NAMESPACED + " " + namespace + "/" + name;
    }

    /** {@code ~/name} sorts global sets first, then namespaced ones by namespace and name. */
    String sortKey() {
        return isGlobal() ? "~/" + name : namespace + "/" + name;
    }
}

package io.netpolviz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rule of a Cilium policy ({@code ingress}, {@code egress}, {@code ingressDeny} or
 * {@code egressDeny} entry) with its peers already resolved the way Cilium resolves them: the
 * endpoint selectors as namespace and pod selectors, the CIDRs (with their {@code except}), and the
 * entities {@code world} (every address outside the cluster) and {@code cluster} (every pod).
 * A rule with {@code toPorts} and no peer field matches every peer ({@code anyPeer}); a rule with
 * neither ({@code {}}) matches nothing. Peers and filters the manifests cannot resolve (DNS names,
 * services, other entities, L7 rules, ICMP) are kept as words: the engine never guesses them.
 *
 * @param index the rule's 0-based position in its list
 * @param ports empty: every port of every protocol
 * @param runtimePeers peers decided at run time, such as {@code toFQDNs *.example.com} or {@code entity host}
 * @param runtimeFilters what filters matching traffic further at run time, such as {@code L7 http rules on TCP 80}
 * @param filteredPorts the ports of {@code ports} on which an L7 rule ({@code rules: http/dns/kafka}) or a DNS name
 *     ({@code toFQDNs}) filters further at run time: the edge label marks them
 */
public record CiliumRule(int index, boolean anyPeer, List<ClusterPolicySubject> endpoints, List<IpBlock> cidrs, boolean world,
        boolean cluster, List<String> runtimePeers, List<ClusterPolicyPort> ports, List<String> runtimeFilters,
        List<ClusterPolicyPort> filteredPorts, SourceRef where) {

    public CiliumRule {
        endpoints = List.copyOf(endpoints);
        cidrs = List.copyOf(cidrs);
        runtimePeers = List.copyOf(runtimePeers);
        ports = List.copyOf(ports);
        runtimeFilters = List.copyOf(runtimeFilters);
        filteredPorts = List.copyOf(filteredPorts);
    }

    /** A rule without L7 or DNS-name filters. */
    public CiliumRule(int index, boolean anyPeer, List<ClusterPolicySubject> endpoints, List<IpBlock> cidrs, boolean world,
            boolean cluster, List<String> runtimePeers, List<ClusterPolicyPort> ports, List<String> runtimeFilters, SourceRef where) {
        this(index, anyPeer, endpoints, cidrs, world, cluster, runtimePeers, ports, runtimeFilters, List.of(), where);
    }

    /** Whether something about this rule is decided only at run time (a peer or an L7 filter). */
    public boolean hasRunTimeParts() {
        return !runtimePeers.isEmpty() || !runtimeFilters.isEmpty();
    }

    /** {@code from endpoints app=x in namespaces ... or entity world; ports TCP 80}. */
    public String display(PolicyType direction) {
        List<String> peers = new ArrayList<>();
        if (anyPeer) {
            peers.add("every peer");
        }
        endpoints.forEach(subject -> peers.add("endpoints " + subject.display()));
        cidrs.forEach(block -> peers.add("CIDR " + block.display()));
        if (world) {
            peers.add("entity world");
        }
        if (cluster) {
            peers.add("entity cluster");
        }
        peers.addAll(runtimePeers);
        String text = (direction == PolicyType.INGRESS ? "from " : "to ") + (peers.isEmpty() ? "nothing (an empty rule)" : String.join(" or ", peers));
        String portText = ports.isEmpty() ? "all ports" : "ports " + String.join(", ", ports.stream().map(ClusterPolicyPort::display).toList());
        return text + "; " + portText;
    }

    /** {@code ingressDeny rule 1} (1-based, as people count). */
    public static String name(PolicyType direction, boolean deny, int index) {
        return direction.apiName().toLowerCase(Locale.ROOT) + (deny ? "Deny" : "") + " rule " + (index + 1);
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A terse way to write small clusters in engine tests, without YAML. */
final class ClusterFixture {

    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<NetworkPolicy> policies = new ArrayList<>();
    private final List<io.netpolviz.model.ClusterPolicy> clusterPolicies = new ArrayList<>();

    ClusterFixture namespace(String name, String labels) {
        namespaces.add(new Namespace(name, labels(labels), false, SourceRef.NONE));
        return this;
    }

    ClusterFixture pod(String id, String labels, ContainerPort... ports) {
        return workload(id, labels, false, ports);
    }

    ClusterFixture hostNetworkPod(String id, String labels, ContainerPort... ports) {
        return workload(id, labels, true, ports);
    }

    private ClusterFixture workload(String id, String labels, boolean hostNetwork, ContainerPort... ports) {
        String[] parts = id.split("/");
        if (namespaces.stream().noneMatch(ns -> ns.name().equals(parts[0]))) {
            namespaces.add(new Namespace(parts[0], Map.of(), true, SourceRef.NONE));
        }
        workloads.add(new Workload(parts[0], parts[1], WorkloadKind.DEPLOYMENT, 2, labels(labels), Arrays.asList(ports), hostNetwork, SourceRef.NONE));
        return this;
    }

    ClusterFixture policy(NetworkPolicy policy) {
        policies.add(policy);
        return this;
    }

    ClusterFixture clusterPolicy(io.netpolviz.model.ClusterPolicy policy) {
        clusterPolicies.add(policy);
        return this;
    }

    ClusterSnapshot snapshot() {
        return new ClusterSnapshot("fixture", namespaces, workloads, List.of(), policies, clusterPolicies, List.of());
    }

    PolicyEngine engine() {
        return PolicyEngine.compile(snapshot());
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.isBlank()) {
            return labels;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            labels.put(kv[0].trim(), kv[1].trim());
        }
        return labels;
    }

    static LabelSelector sel(String matchLabels) {
        return LabelSelector.ofLabels(labels(matchLabels));
    }

    static LabelSelector expr(String key, SelectorOperator operator, String... values) {
        return new LabelSelector(Map.of(), List.of(new LabelRequirement(key, operator, List.of(values))));
    }

    static ContainerPort port(String name, int number, Protocol protocol) {
        return new ContainerPort(name, number, protocol);
    }

    static ContainerPort tcpPort(int number) {
        return new ContainerPort(null, number, Protocol.TCP);
    }

    static PolicyPeer pods(String selector) {
        return new PolicyPeer(sel(selector), null, null);
    }

    static PolicyPeer namespaces(String selector) {
        return new PolicyPeer(null, sel(selector), null);
    }

    static PolicyPeer podsInNamespaces(String podSelector, String namespaceSelector) {
        return new PolicyPeer(sel(podSelector), sel(namespaceSelector), null);
    }

    static PolicyPeer ipBlock(String cidr, String... except) {
        return new PolicyPeer(null, null, new IpBlock(Cidr.parse(cidr).orElseThrow(),
                Arrays.stream(except).map(e -> Cidr.parse(e).orElseThrow()).toList()));
    }

    static PolicyPort tcp(int port) {
        return new PolicyPort(Protocol.TCP, PortRef.number(port), null);
    }

    static PolicyPort numbered(Protocol protocol, int port) {
        return new PolicyPort(protocol, PortRef.number(port), null);
    }

    static PolicyPort range(Protocol protocol, int first, int last) {
        return new PolicyPort(protocol, PortRef.number(first), last);
    }

    static PolicyPort named(String name, Protocol protocol) {
        return new PolicyPort(protocol, PortRef.named(name), null);
    }

    static PolicyPort allOf(Protocol protocol) {
        return new PolicyPort(protocol, null, null);
    }

    static PolicyRule rule(List<PolicyPeer> peers, List<PolicyPort> ports) {
        return new PolicyRule(peers, ports, SourceRef.NONE);
    }

    static PolicyRule rule(PolicyPeer peer, PolicyPort... ports) {
        return rule(List.of(peer), List.of(ports));
    }

    static PolicyRule anything() {
        return rule(List.of(), List.of());
    }

    static NetworkPolicy policy(String id, LabelSelector podSelector, List<PolicyType> types, List<PolicyRule> ingress, List<PolicyRule> egress) {
        String[] parts = id.split("/");
        return new NetworkPolicy(parts[0], parts[1], podSelector, types, ingress, egress, SourceRef.NONE, "");
    }

    static NetworkPolicy ingressPolicy(String id, String podSelector, PolicyRule... rules) {
        return policy(id, sel(podSelector), List.of(PolicyType.INGRESS), List.of(rules), List.of());
    }

    static NetworkPolicy egressPolicy(String id, String podSelector, PolicyRule... rules) {
        return policy(id, sel(podSelector), List.of(PolicyType.EGRESS), List.of(), List.of(rules));
    }

    static NetworkPolicy denyAll(String id) {
        return policy(id, LabelSelector.EVERYTHING, List.of(PolicyType.INGRESS, PolicyType.EGRESS), List.of(), List.of());
    }
}

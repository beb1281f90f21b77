package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reachability graphs built by hand for layout and render tests. */
public final class SampleGraphs {

    private SampleGraphs() {
    }

    /** Three namespaces, nine workloads, two external peers, allowed, blocked and partial ports. */
    public static ReachabilityGraph shop() {
        return shop(UnaryOperator.identity());
    }

    /**
     * The shop graph with every port verdict passed through {@code toggle}: same nodes, edges and
     * ports, other verdicts, as after switching a policy.
     */
    public static ReachabilityGraph shop(UnaryOperator<PortVerdict> toggle) {
        List<GraphNode> nodes = List.of(
                workload("prod", "web", WorkloadKind.DEPLOYMENT, 3, false, Map.of("app", "web")),
                workload("prod", "api", WorkloadKind.DEPLOYMENT, 2, false, Map.of("app", "api")),
                workload("prod", "db", WorkloadKind.STATEFUL_SET, 1, false, Map.of("app", "db")),
                workload("prod", "cache", WorkloadKind.DEPLOYMENT, 1, false, Map.of("app", "cache")),
                workload("prod", "debug", WorkloadKind.POD, 1, false, Map.of("run", "debug")),
                workload("payments", "gateway", WorkloadKind.DEPLOYMENT, 2, false, Map.of("app", "gateway")),
                workload("payments", "ledger", WorkloadKind.STATEFUL_SET, 3, false, Map.of("app", "ledger")),
                workload("kube-system", "coredns", WorkloadKind.DEPLOYMENT, 2, false, Map.of("k8s-app", "kube-dns")),
                workload("kube-system", "node-exporter", WorkloadKind.DAEMON_SET, 1, true, Map.of("app", "node-exporter")),
                external("0.0.0.0/0"),
                external("203.0.113.0/24"));
        List<GraphEdge> edges = new ArrayList<>(List.of(
                edge("ext:0.0.0.0/0", "prod/web", allowed(tcp(443)), blocked(tcp(80))),
                edge("ext:0.0.0.0/0", "payments/ledger", blocked(tcp(5432))),
                edge("prod/web", "prod/api", allowed(tcp(8080))),
                edge("prod/web", "prod/db", blocked(tcp(5432))),
                edge("prod/api", "prod/db", allowed(tcp(5432))),
                edge("prod/api", "prod/cache", allowed(tcp(6379))),
                edge("prod/debug", "prod/db", blocked(tcp(5432))),
                edge("prod/api", "payments/gateway", changed(allowed(tcp(8443)))),
                edge("payments/gateway", "payments/ledger", allowed(tcp(5432)),
                        new PortVerdict(new PortRange(Protocol.TCP, 9000, 9100), false, true, false)),
                edge("payments/gateway", "ext:203.0.113.0/24", allowed(tcp(443))),
                edge("prod/web", "kube-system/coredns", allowed(udp(53)), allowed(tcp(53))),
                edge("prod/api", "kube-system/coredns", allowed(udp(53))),
                edge("payments/ledger", "kube-system/coredns", changed(blocked(udp(53)))),
                edge("prod/api", "kube-system/node-exporter", blocked(tcp(9100)))));
        List<GraphEdge> toggled = edges.stream()
                .map(edge -> new GraphEdge(edge.sourceId(), edge.targetId(),
                        edge.ports().stream().map(toggle).toList()))
                .toList();
        return new ReachabilityGraph(List.of("kube-system", "payments", "prod"), nodes, toggled);
    }

    /**
     * A random but seeded graph: {@code workloads} workloads spread over a few namespaces, two
     * external peers, about {@code 1.3 × workloads} edges of one to three ports each.
     */
    public static ReachabilityGraph generated(int workloads, long seed) {
        Random random = new Random(seed);
        int namespaceCount = Math.max(2, workloads / 7);
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < namespaceCount; i++) {
            namespaces.add("team-" + (char) ('a' + i));
        }
        List<GraphNode> nodes = new ArrayList<>();
        WorkloadKind[] kinds = {WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.POD,
            WorkloadKind.DAEMON_SET, WorkloadKind.JOB};
        for (int i = 0; i < workloads; i++) {
            String namespace = namespaces.get(random.nextInt(namespaceCount));
            WorkloadKind kind = kinds[random.nextInt(kinds.length)];
            nodes.add(workload(namespace, "svc-" + i, kind, 1 + random.nextInt(4), random.nextInt(10) == 0,
                    Map.of("app", "svc-" + i)));
        }
        nodes.add(external("0.0.0.0/0"));
        nodes.add(external("10.20.0.0/16"));
        List<GraphEdge> edges = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int wanted = workloads * 13 / 10;
        while (edges.size() < wanted) {
            GraphNode source = nodes.get(random.nextInt(nodes.size()));
            GraphNode target = nodes.get(random.nextInt(nodes.size()));
            if (source.isExternal() && target.isExternal() || !keys.add(source.id() + "->" + target.id())) {
                continue;
            }
            int portCount = 1 + random.nextInt(3);
            List<PortVerdict> ports = new ArrayList<>();
            for (int p = 0; p < portCount; p++) {
                PortRange range = tcp(1000 + 1000 * p + random.nextInt(900));
                ports.add(new PortVerdict(range, random.nextBoolean(), false, random.nextInt(8) == 0));
            }
            edges.add(new GraphEdge(source.id(), target.id(), ports));
        }
        return new ReachabilityGraph(namespaces, nodes, edges);
    }

    /**
     * A seeded graph shaped like a real cluster: namespaces of a few workloads each, traffic
     * from the internet to one frontend per namespace, frontends to backends to databases
     * inside a namespace, some backends calling other namespaces, and everyone asking DNS.
     */
    public static ReachabilityGraph tiered(int workloads, long seed) {
        Random random = new Random(seed);
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        List<String> namespaces = new ArrayList<>(List.of("kube-system"));
        GraphNode dns = workload("kube-system", "coredns", WorkloadKind.DEPLOYMENT, 2, false, Map.of("k8s-app", "kube-dns"));
        GraphNode internet = external("0.0.0.0/0");
        GraphNode partner = external("198.51.100.0/24");
        nodes.addAll(List.of(dns, internet, partner));
        List<GraphNode> backends = new ArrayList<>();
        int made = 1;
        for (int team = 0; made < workloads; team++) {
            String namespace = "team-" + (char) ('a' + team);
            namespaces.add(namespace);
            int size = Math.min(workloads - made, 4 + random.nextInt(4));
            List<GraphNode> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String tier = i == 0 ? "frontend" : i == size - 1 && size > 2 ? "db" : "backend-" + i;
                WorkloadKind kind = tier.equals("db") ? WorkloadKind.STATEFUL_SET : WorkloadKind.DEPLOYMENT;
                GraphNode node = workload(namespace, tier, kind, 1 + random.nextInt(3), false, Map.of("tier", tier));
                members.add(node);
                nodes.add(node);
                made++;
            }
            edges.add(edge(internet.id(), members.get(0).id(), allowed(tcp(443)), verdict(random, tcp(80))));
            for (int i = 1; i < members.size(); i++) {
                GraphNode caller = members.get(i == members.size() - 1 ? random.nextInt(i) : i - 1);
                edges.add(edge(caller.id(), members.get(i).id(), verdict(random, tcp(8000 + i))));
                if (!members.get(i).name().equals("db")) {
                    backends.add(members.get(i));
                }
            }
            for (GraphNode member : members) {
                if (random.nextInt(3) == 0) {
                    edges.add(edge(member.id(), dns.id(), verdict(random, udp(53))));
                }
            }
        }
        for (int i = 0; i < backends.size() / 3; i++) {
            GraphNode from = backends.get(random.nextInt(backends.size()));
            GraphNode to = backends.get(random.nextInt(backends.size()));
            if (!from.namespace().equals(to.namespace())
                    && edges.stream().noneMatch(e -> e.sourceId().equals(from.id()) && e.targetId().equals(to.id()))) {
                edges.add(edge(from.id(), to.id(), verdict(random, tcp(9090)), verdict(random, tcp(9443))));
            }
        }
        edges.add(edge(backends.get(0).id(), partner.id(), allowed(tcp(443))));
        return new ReachabilityGraph(namespaces, nodes, edges);
    }

    private static PortVerdict verdict(Random random, PortRange port) {
        return new PortVerdict(port, random.nextInt(3) > 0, false, random.nextInt(10) == 0);
    }

    static GraphNode workload(String namespace, String name, WorkloadKind kind, int replicas, boolean hostNetwork,
            Map<String, String> labels) {
        return new GraphNode(namespace + "/" + name, NodeType.WORKLOAD, namespace, name, kind, replicas, hostNetwork,
                labels);
    }

    static GraphNode external(String cidr) {
        return new GraphNode("ext:" + cidr, NodeType.EXTERNAL, "", cidr, null, 1, false, Map.of());
    }

    static GraphEdge edge(String source, String target, PortVerdict... ports) {
        return new GraphEdge(source, target, List.of(ports));
    }

    static PortRange tcp(int port) {
        return PortRange.single(Protocol.TCP, port);
    }

    static PortRange udp(int port) {
        return PortRange.single(Protocol.UDP, port);
    }

    static PortVerdict allowed(PortRange port) {
        return new PortVerdict(port, true, false, false);
    }

    static PortVerdict blocked(PortRange port) {
        return new PortVerdict(port, false, false, false);
    }

    /** The same verdict, marked changed. */
    public static PortVerdict changed(PortVerdict verdict) {
        return new PortVerdict(verdict.port(), verdict.allowed(), verdict.partial(), true);
    }

    /** Flips every verdict and marks it changed: the most a toggle could do. */
    public static PortVerdict flipped(PortVerdict verdict) {
        return new PortVerdict(verdict.port(), !verdict.allowed(), false, true);
    }
}

package io.netpolviz.graph;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random clusters for comparing the aggregated graph with the workload graph: few labels,
 * so several workloads share a pod class; replicas; named ports; ip blocks; rules with and
 * without peers and ports; namespaces told apart by a {@code team} label.
 */
final class SmallClusters {

    private static final String[] NAMESPACES = {"alpha", "beta", "gamma", "delta"};
    private static final String[] APPS = {"web", "api", "db"};
    private static final int[] PORTS = {53, 80, 443, 5432, 8080};

    private SmallClusters() {
    }

    static ClusterSnapshot generate(Random random, int workloadCount, int policyCount) {
        List<Namespace> namespaces = new ArrayList<>();
        for (int i = 0; i < NAMESPACES.length; i++) {
            namespaces.add(new Namespace(NAMESPACES[i], Map.of("team", i < 2 ? "red" : "blue", "kubernetes.io/metadata.name", NAMESPACES[i]),
                    false, SourceRef.NONE));
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < workloadCount; i++) {
            String app = APPS[random.nextInt(APPS.length)];
            List<ContainerPort> ports = new ArrayList<>();
            // Same app, same ports: workloads of one app in one namespace share a class.
            switch (app) {
                case "web" -> ports.add(new ContainerPort("http", 8080, Protocol.TCP));
                case "db" -> ports.add(new ContainerPort("db", 5432, Protocol.TCP));
                default -> {
                    ports.add(new ContainerPort("http", 80, Protocol.TCP));
                    ports.add(new ContainerPort("dns", 53, Protocol.UDP));
                }
            }
            workloads.add(new Workload(NAMESPACES[random.nextInt(NAMESPACES.length)], app + i, WorkloadKind.DEPLOYMENT,
                    1 + random.nextInt(3), Map.of("app", app), ports, random.nextInt(15) == 0 && app.equals("api"), SourceRef.NONE));
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < policyCount; i++) {
            List<PolicyType> types = switch (random.nextInt(3)) {
                case 0 -> List.of(PolicyType.INGRESS);
                case 1 -> List.of(PolicyType.EGRESS);
                default -> List.of(PolicyType.INGRESS, PolicyType.EGRESS);
            };
            policies.add(new NetworkPolicy(NAMESPACES[random.nextInt(NAMESPACES.length)], "p" + i, selector(random), types,
                    rules(random), rules(random), SourceRef.NONE, ""));
        }
        return new ClusterSnapshot("small", namespaces, workloads, List.of(), policies, List.of());
    }

    private static List<PolicyRule> rules(Random random) {
        List<PolicyRule> rules = new ArrayList<>();
        int ruleCount = count(random);
        for (int r = 0; r < ruleCount; r++) {
            List<PolicyPeer> peers = new ArrayList<>();
            int peerCount = count(random);
            for (int p = 0; p < peerCount; p++) {
                peers.add(switch (random.nextInt(4)) {
                    case 0 -> new PolicyPeer(selector(random), null, null);
                    case 1 -> new PolicyPeer(null, random.nextBoolean() ? LabelSelector.EVERYTHING
                            : new LabelSelector(Map.of("team", random.nextBoolean() ? "red" : "blue"), List.of()), null);
                    case 2 -> new PolicyPeer(selector(random), new LabelSelector(Map.of("team", "blue"), List.of()), null);
                    default -> new PolicyPeer(null, null, new IpBlock(Cidr.parse(random.nextBoolean() ? "0.0.0.0/0" : "10.0.0.0/8").orElseThrow(),
                            random.nextBoolean() ? List.of(Cidr.parse("10.1.0.0/16").orElseThrow()) : List.of()));
                });
            }
            List<PolicyPort> ports = new ArrayList<>();
            int portCount = count(random);
            for (int p = 0; p < portCount; p++) {
                Protocol protocol = random.nextInt(4) == 0 ? Protocol.UDP : Protocol.TCP;
                ports.add(switch (random.nextInt(4)) {
                    case 0 -> new PolicyPort(protocol, null, null);
                    case 1 -> new PolicyPort(protocol, PortRef.named(random.nextBoolean() ? "http" : "db"), null);
                    case 2 -> new PolicyPort(protocol, PortRef.number(80), 8080);
                    default -> new PolicyPort(protocol, PortRef.number(PORTS[random.nextInt(PORTS.length)]), null);
                });
            }
            rules.add(new PolicyRule(peers, ports, SourceRef.NONE));
        }
        return rules;
    }

    /**
     * How many rules, peers or ports: 0, 1, 2 or 3, mostly several. Several rules, several peers
     * (OR'ed) and several ports are where an engine goes wrong; none (deny, or every peer, or
     * every port) must stay common too.
     */
    private static int count(Random random) {
        int draw = random.nextInt(20);
        return draw < 3 ? 0 : draw < 8 ? 1 : draw < 15 ? 2 : 3;
    }

    private static LabelSelector selector(Random random) {
        return random.nextInt(4) == 0 ? LabelSelector.EVERYTHING : new LabelSelector(Map.of("app", APPS[random.nextInt(APPS.length)]), List.of());
    }
}

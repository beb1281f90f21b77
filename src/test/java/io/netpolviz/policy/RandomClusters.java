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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random clusters for property tests: small label and port vocabularies, so selectors often match. */
final class RandomClusters {

    static final String[] KEYS = {"app", "tier", "team"};
    static final String[] VALUES = {"a", "b", "c"};
    static final int[] PORTS = {53, 80, 443, 5432, 8080};
    static final String[] PORT_NAMES = {"http", "dns", "db"};

    private RandomClusters() {
    }

    /** Three namespaces, twelve workloads, eight policies: every pair can be checked against the reference. */
    static ClusterSnapshot small(Random random) {
        return generate(random, new String[] {"alpha", "beta", "gamma"}, 12, 8, false);
    }

    /**
     * Many namespaces and hundreds of workloads with a distinguishing label each, so that pod
     * classes span several bitset blocks and namespaces straddle block boundaries.
     */
    static ClusterSnapshot large(Random random, int workloads, int policies) {
        String[] names = new String[7];
        for (int i = 0; i < names.length; i++) {
            names[i] = "ns" + i;
        }
        return generate(random, names, workloads, policies, true);
    }

    private static ClusterSnapshot generate(Random random, String[] names, int workloadCount, int policyCount, boolean unique) {
        List<Namespace> namespaces = new ArrayList<>();
        for (String name : names) {
            namespaces.add(new Namespace(name, Map.of("env", pick(random, VALUES)), false, SourceRef.NONE));
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < workloadCount; i++) {
            List<ContainerPort> ports = new ArrayList<>();
            for (int p = 0; p < random.nextInt(3); p++) {
                ports.add(new ContainerPort(random.nextBoolean() ? PORT_NAMES[p] : null, PORTS[random.nextInt(PORTS.length)],
                        random.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP));
            }
            Map<String, String> labels = randomLabels(random);
            if (unique) {
                labels.put("id", "w" + i);
            }
            workloads.add(new Workload(pick(random, names), "w" + i, WorkloadKind.DEPLOYMENT, 1, labels, ports,
                    random.nextInt(12) == 0, SourceRef.NONE));
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < policyCount; i++) {
            List<PolicyType> types = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> List.of(PolicyType.INGRESS);
                case 2 -> List.of(PolicyType.EGRESS);
                default -> List.of(PolicyType.INGRESS, PolicyType.EGRESS);
            };
            policies.add(new NetworkPolicy(pick(random, names), "p" + i, randomSelector(random), types,
                    randomRules(random), randomRules(random), SourceRef.NONE, ""));
        }
        return new ClusterSnapshot("random", namespaces, workloads, List.of(), policies, List.of());
    }

    private static List<PolicyRule> randomRules(Random random) {
        List<PolicyRule> rules = new ArrayList<>();
        int ruleCount = count(random);
        for (int r = 0; r < ruleCount; r++) {
            List<PolicyPeer> peers = new ArrayList<>();
            int peerCount = count(random);
            for (int p = 0; p < peerCount; p++) {
                peers.add(switch (random.nextInt(4)) {
                    case 0 -> new PolicyPeer(randomSelector(random), null, null);
                    case 1 -> new PolicyPeer(null, randomSelector(random), null);
                    case 2 -> new PolicyPeer(randomSelector(random), randomSelector(random), null);
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
                    case 1 -> new PolicyPort(protocol, PortRef.named(PORT_NAMES[random.nextInt(PORT_NAMES.length)]), null);
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

    static LabelSelector randomSelector(Random random) {
        if (random.nextInt(4) == 0) {
            return LabelSelector.EVERYTHING;
        }
        List<LabelRequirement> expressions = new ArrayList<>();
        if (random.nextBoolean()) {
            SelectorOperator operator = SelectorOperator.values()[random.nextInt(4)];
            List<String> values = operator == SelectorOperator.IN || operator == SelectorOperator.NOT_IN ? List.of(pick(random, VALUES)) : List.of();
            expressions.add(new LabelRequirement(random.nextBoolean() ? pick(random, KEYS) : "env", operator, values));
        }
        return new LabelSelector(random.nextBoolean() ? Map.of(pick(random, KEYS), pick(random, VALUES)) : Map.of(), expressions);
    }

    private static Map<String, String> randomLabels(Random random) {
        Map<String, String> labels = new HashMap<>();
        for (String key : KEYS) {
            if (random.nextInt(3) > 0) {
                labels.put(key, pick(random, VALUES));
            }
        }
        return labels;
    }

    static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property test: on random clusters and probes, the fast engine and the literal reference agree on every verdict. */
class EngineMatchesReferenceTest {

    private static final String[] KEYS = {"app", "tier", "team"};
    private static final String[] VALUES = {"a", "b", "c"};
    private static final int[] PORTS = {53, 80, 443, 5432, 8080};
    private static final String[] PORT_NAMES = {"http", "dns", "db"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void fastEngineAgreesWithReferenceOnRandomClusters(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = randomCluster(random);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new HashSet<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            if (random.nextInt(4) == 0) {
                off.add(policy.id());
            }
        }
        Evaluation evaluation = engine.evaluate(off);
        ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, off);
        List<IpAddress> externals = List.of(ip("10.1.2.3"), ip("192.168.1.1"), ip("203.0.113.9"), ip("8.8.8.8"));
        int compared = 0;
        for (Workload source : snapshot.workloads()) {
            for (Workload destination : snapshot.workloads()) {
                for (Protocol protocol : Protocol.values()) {
                    for (int port : PORTS) {
                        compare(engine, evaluation, reference, source, destination, null, protocol, port);
                        compared++;
                    }
                }
            }
            for (IpAddress address : externals) {
                for (int port : PORTS) {
                    compare(engine, evaluation, reference, source, null, address, Protocol.TCP, port);
                    compareInbound(engine, evaluation, reference, address, source, Protocol.TCP, port);
                }
            }
        }
        assertEquals(snapshot.workloads().size() * snapshot.workloads().size() * Protocol.values().length * PORTS.length, compared);
    }

    private static void compare(PolicyEngine engine, Evaluation evaluation, ReferenceEvaluator reference,
                                Workload source, Workload destination, IpAddress address, Protocol protocol, int port) {
        Endpoint from = engine.resolve(source.id()).orElseThrow();
        Endpoint to = destination != null ? engine.resolve(destination.id()).orElseThrow() : Endpoint.External.address(address);
        boolean expected = reference.allowed(ReferenceEvaluator.Peer.pod(source),
                destination != null ? ReferenceEvaluator.Peer.pod(destination) : ReferenceEvaluator.Peer.external(address), protocol, port);
        String what = from.id() + " -> " + to.id() + " " + protocol + " " + port;
        assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + what);
        assertEquals(expected, evaluation.allowedPorts(from, to).contains(protocol, port), "allowedPorts " + what);
    }

    private static void compareInbound(PolicyEngine engine, Evaluation evaluation, ReferenceEvaluator reference,
                                       IpAddress address, Workload destination, Protocol protocol, int port) {
        Endpoint from = Endpoint.External.address(address);
        Endpoint to = engine.resolve(destination.id()).orElseThrow();
        boolean expected = reference.allowed(ReferenceEvaluator.Peer.external(address), ReferenceEvaluator.Peer.pod(destination), protocol, port);
        assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + from.id() + " -> " + to.id());
    }

    private static ClusterSnapshot randomCluster(Random random) {
        List<Namespace> namespaces = new ArrayList<>();
        String[] names = {"alpha", "beta", "gamma"};
        for (String name : names) {
            namespaces.add(new Namespace(name, Map.of("env", pick(random, VALUES)), false, SourceRef.NONE));
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<ContainerPort> ports = new ArrayList<>();
            for (int p = 0; p < random.nextInt(3); p++) {
                ports.add(new ContainerPort(random.nextBoolean() ? PORT_NAMES[p] : null, PORTS[random.nextInt(PORTS.length)],
                        random.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP));
            }
            workloads.add(new Workload(pick(random, names), "w" + i, WorkloadKind.DEPLOYMENT, 1, randomLabels(random), ports,
                    random.nextInt(12) == 0, SourceRef.NONE));
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
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
        for (int r = 0; r < random.nextInt(3); r++) {
            List<PolicyPeer> peers = new ArrayList<>();
            for (int p = 0; p < random.nextInt(3); p++) {
                peers.add(switch (random.nextInt(4)) {
                    case 0 -> new PolicyPeer(randomSelector(random), null, null);
                    case 1 -> new PolicyPeer(null, randomSelector(random), null);
                    case 2 -> new PolicyPeer(randomSelector(random), randomSelector(random), null);
                    default -> new PolicyPeer(null, null, new IpBlock(Cidr.parse(random.nextBoolean() ? "0.0.0.0/0" : "10.0.0.0/8").orElseThrow(),
                            random.nextBoolean() ? List.of(Cidr.parse("10.1.0.0/16").orElseThrow()) : List.of()));
                });
            }
            List<PolicyPort> ports = new ArrayList<>();
            for (int p = 0; p < random.nextInt(3); p++) {
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

    private static LabelSelector randomSelector(Random random) {
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
        Map<String, String> labels = new java.util.HashMap<>();
        for (String key : KEYS) {
            if (random.nextInt(3) > 0) {
                labels.put(key, pick(random, VALUES));
            }
        }
        return labels;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

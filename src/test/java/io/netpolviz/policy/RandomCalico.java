package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random Calico tiers and policies added to a random cluster (which may already hold
 * NetworkPolicies and cluster-wide policies): tiers before and after the default one, with Deny
 * or Pass as default action; namespaced and global policies in them with few orders (so ties
 * are broken by name) or none; every action including Log; selectors, notSelectors and
 * namespaceSelectors in Calico's syntax; nets and notNets; ports, ranges, named ports and
 * notPorts; protocol and notProtocol; now and then a rule only the data plane can decide; and
 * network sets, global and namespaced, that those selectors pick.
 */
final class RandomCalico {

    private static final String[] SELECTORS = {"app == 'a'", "app != 'b'", "has(tier)", "!has(team)", "app in {'a', 'c'}",
        "tier not in {'a'}", "app == 'a' || tier == 'b'", "(team == 'c' && has(app)) || !has(tier)", "all()",
        "projectcalico.org/namespace == 'alpha'", "global()"};
    private static final String[] NAMESPACE_SELECTORS = {"env == 'a'", "projectcalico.org/name != 'beta'", "all()", "has(env)"};

    private RandomCalico() {
    }

    static ClusterSnapshot addTo(ClusterSnapshot base, Random random, int count) {
        List<CalicoTier> tiers = List.of(
                new CalicoTier("security", 100.0, random.nextBoolean() ? RuleAction.DENY : RuleAction.PASS, SourceRef.NONE),
                new CalicoTier("platform", random.nextBoolean() ? 100.0 : 5_000_000.0, RuleAction.DENY, SourceRef.NONE),
                new CalicoTier("late", null, RuleAction.DENY, SourceRef.NONE));
        String[] tierNames = {"security", "platform", "late", CalicoTier.DEFAULT, CalicoTier.DEFAULT};
        List<String> namespaces = base.namespaces().stream().map(ns -> ns.name()).toList();
        List<CalicoPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean global = random.nextBoolean();
            List<CalicoRule> ingress = rules(random);
            List<CalicoRule> egress = rules(random);
            Set<PolicyType> types = switch (random.nextInt(3)) {
                case 0 -> EnumSet.of(PolicyType.INGRESS);
                case 1 -> EnumSet.of(PolicyType.EGRESS);
                default -> EnumSet.allOf(PolicyType.class);
            };
            Double order = random.nextInt(4) == 0 ? null : (double) (random.nextInt(3) * 500 + 500);
            policies.add(new CalicoPolicy(global ? CalicoPolicy.GLOBAL_NETWORK_POLICY : CalicoPolicy.NETWORK_POLICY,
                    global ? null : namespaces.get(random.nextInt(namespaces.size())), "k" + i, tierNames[random.nextInt(tierNames.length)],
                    order, selector(random), global && random.nextBoolean() ? CalicoSelector.parse(pick(random, NAMESPACE_SELECTORS)) : null,
                    types, ingress, egress, SourceRef.NONE, ""));
        }
        return new ClusterSnapshot(base.sourceName(), base.namespaces(), base.workloads(), base.services(), base.policies(),
                base.clusterPolicies(), base.diagnostics(), List.of(), base.ciliumPolicies(),
                new CalicoResources(tiers, policies, networkSets(namespaces), List.of()));
    }

    /**
     * Network sets the selectors above can pick, holding the outside addresses the agreement test
     * asks about: global ones, and a namespaced one in the first namespace.
     */
    private static List<CalicoNetworkSet> networkSets(List<String> namespaces) {
        return List.of(new CalicoNetworkSet(null, "internal", java.util.Map.of("app", "a"), List.of(cidr("10.1.0.0/16")), SourceRef.NONE),
                new CalicoNetworkSet(null, "dns", java.util.Map.of("tier", "b", "team", "c"), List.of(cidr("8.8.8.0/24")), SourceRef.NONE),
                new CalicoNetworkSet(namespaces.get(0), "home", java.util.Map.of("app", "c"), List.of(cidr("192.168.0.0/16")),
                        SourceRef.NONE));
    }

    private static List<CalicoRule> rules(Random random) {
        List<CalicoRule> rules = new ArrayList<>();
        int count = random.nextInt(4);
        for (int r = 0; r < count; r++) {
            CalicoRule.Action action = CalicoRule.Action.values()[random.nextInt(4)];
            String protocol = switch (random.nextInt(5)) {
                case 0, 1 -> null;
                case 2 -> "UDP";
                case 3 -> "ICMP";
                default -> "TCP";
            };
            boolean ports = "TCP".equals(protocol) || "UDP".equals(protocol);
            String notProtocol = protocol == null && random.nextInt(4) == 0 ? "UDP" : null;
            List<String> runTime = random.nextInt(10) == 0 ? List.of("HTTP match") : List.of();
            rules.add(new CalicoRule(action, protocol, notProtocol, entity(random, false), entity(random, ports), runTime, SourceRef.NONE));
        }
        return rules;
    }

    private static CalicoEntity entity(Random random, boolean ports) {
        if (random.nextInt(3) == 0 && !ports) {
            return CalicoEntity.ANY;
        }
        CalicoSelector selector = random.nextInt(3) == 0 ? null : selector(random);
        CalicoSelector notSelector = random.nextInt(6) == 0 ? selector(random) : null;
        CalicoSelector namespaces = random.nextInt(4) == 0 ? CalicoSelector.parse(pick(random, NAMESPACE_SELECTORS)) : null;
        List<Cidr> nets = random.nextInt(5) == 0 ? List.of(cidr(random.nextBoolean() ? "10.1.0.0/16" : "0.0.0.0/0")) : List.of();
        List<Cidr> notNets = random.nextInt(8) == 0 ? List.of(cidr("10.2.0.0/16")) : List.of();
        List<CalicoPort> portList = new ArrayList<>();
        List<CalicoPort> notPorts = new ArrayList<>();
        if (ports) {
            int n = random.nextInt(3);
            for (int p = 0; p < n; p++) {
                portList.add(switch (random.nextInt(3)) {
                    case 0 -> CalicoPort.range(80, 8080);
                    case 1 -> CalicoPort.named(RandomClusters.PORT_NAMES[random.nextInt(RandomClusters.PORT_NAMES.length)]);
                    default -> {
                        int port = RandomClusters.PORTS[random.nextInt(RandomClusters.PORTS.length)];
                        yield CalicoPort.range(port, port);
                    }
                });
            }
            if (random.nextInt(4) == 0) {
                notPorts.add(random.nextBoolean() ? CalicoPort.range(443, 443) : CalicoPort.named("http"));
            }
        }
        return new CalicoEntity(selector, notSelector, namespaces, nets, notNets, portList, notPorts, null);
    }

    private static CalicoSelector selector(Random random) {
        return CalicoSelector.parse(pick(random, SELECTORS));
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

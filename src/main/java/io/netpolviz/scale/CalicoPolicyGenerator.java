package io.netpolviz.scale;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The Calico policies of a generated cluster, as a security team and the app teams write them:
 * a {@code security} tier (order 100) of GlobalNetworkPolicies that pass a team's own traffic and
 * deny other teams' access to databases or a partner range; a {@code platform} tier (order 200,
 * default action Pass) that allows DNS and monitoring; and namespaced Calico NetworkPolicies in the
 * {@code default} tier, before (order 500) or after (order 2000, or none) the NetworkPolicies.
 */
final class CalicoPolicyGenerator {

    private static final String[] ROLES = {"web", "api", "worker", "db", "cache"};

    private CalicoPolicyGenerator() {
    }

    static CalicoResources generate(int count, List<String> teams, List<String> namespaces, Random random) {
        if (count == 0) {
            return CalicoResources.NONE;
        }
        List<CalicoTier> tiers = List.of(new CalicoTier("security", 100.0, RuleAction.DENY, SourceRef.NONE),
                new CalicoTier("platform", 200.0, RuleAction.PASS, SourceRef.NONE));
        List<CalicoPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String team = teams.get(random.nextInt(teams.size()));
            String other = teams.get(random.nextInt(teams.size()));
            String role = ROLES[random.nextInt(ROLES.length)];
            switch (random.nextInt(4)) {
                case 0 -> policies.add(global("security.team-" + i, "security", 10.0 * random.nextInt(20),
                        "team == '" + team + "' && tier == '" + role + "'", List.of(
                        rule(RuleAction.PASS, null, entity("team == '" + team + "'", null, List.of())),
                        rule(RuleAction.DENY, "TCP", entity("team == '" + other + "'", null, List.of(CalicoPort.range(5432, 5432)))),
                        rule(RuleAction.PASS, null, CalicoEntity.ANY)), List.of()));
                case 1 -> policies.add(global("platform.dns-monitoring-" + i, "platform", 100.0, "team == '" + team + "'",
                        List.of(rule(RuleAction.ALLOW, "TCP", entity(null, "purpose == 'monitoring'", List.of(CalicoPort.named("metrics"),
                                CalicoPort.range(9090, 9100))))),
                        List.of(new CalicoRule(CalicoRule.Action.ALLOW, "UDP", null, CalicoEntity.ANY,
                                        entity("k8s-app == 'kube-dns'", "all()", List.of(CalicoPort.range(53, 53))), List.of(), SourceRef.NONE),
                                new CalicoRule(CalicoRule.Action.DENY, null, null, CalicoEntity.ANY, new CalicoEntity(null, null, null,
                                        List.of(Cidr.parse("203.0.113.0/24").orElseThrow()), List.of(), List.of(), List.of(), null),
                                        List.of(), SourceRef.NONE))));
                default -> {
                    String namespace = namespaces.get(random.nextInt(namespaces.size()));
                    Double order = switch (random.nextInt(3)) {
                        case 0 -> 500.0;
                        case 1 -> 2000.0;
                        default -> null;
                    };
                    RuleAction action = random.nextInt(3) == 0 ? RuleAction.DENY : RuleAction.ALLOW;
                    policies.add(new CalicoPolicy(CalicoPolicy.NETWORK_POLICY, namespace, "app-" + i, CalicoTier.DEFAULT, order,
                            CalicoSelector.parse("tier == '" + role + "'"), null, EnumSet.of(PolicyType.INGRESS),
                            List.of(rule(action, "TCP", entity("tier in {'web', 'api'}", null, List.of(CalicoPort.range(8000, 8999))))),
                            List.of(), SourceRef.NONE, ""));
                }
            }
        }
        return new CalicoResources(tiers, policies);
    }

    private static CalicoPolicy global(String name, String tier, double order, String selector, List<CalicoRule> ingress,
            List<CalicoRule> egress) {
        Set<PolicyType> types = egress.isEmpty() ? EnumSet.of(PolicyType.INGRESS) : ingress.isEmpty() ? EnumSet.of(PolicyType.EGRESS)
                : EnumSet.allOf(PolicyType.class);
        return new CalicoPolicy(CalicoPolicy.GLOBAL_NETWORK_POLICY, null, name, tier, order, CalicoSelector.parse(selector), null, types,
                ingress, egress, SourceRef.NONE, "");
    }

    private static CalicoEntity entity(String selector, String namespaces, List<CalicoPort> ports) {
        return new CalicoEntity(selector == null ? null : CalicoSelector.parse(selector), null,
                namespaces == null ? null : CalicoSelector.parse(namespaces), List.of(), List.of(), ports, List.of(), null);
    }

    /** An ingress rule: its peer as source, its ports on the destination (the policy's own endpoint). */
    private static CalicoRule rule(RuleAction action, String protocol, CalicoEntity entity) {
        CalicoRule.Action written = CalicoRule.Action.valueOf(action.name());
        boolean hasPorts = !entity.ports().isEmpty();
        CalicoEntity peer = hasPorts ? new CalicoEntity(entity.selector(), null, entity.namespaceSelector(), List.of(), List.of(), List.of(),
                List.of(), null) : entity;
        CalicoEntity destination = hasPorts ? new CalicoEntity(null, null, null, List.of(), List.of(), entity.ports(), List.of(), null)
                : CalicoEntity.ANY;
        return new CalicoRule(written, protocol, null, peer, destination, List.of(), SourceRef.NONE);
    }
}

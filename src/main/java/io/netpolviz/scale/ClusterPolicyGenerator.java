package io.netpolviz.scale;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cluster-wide policies of a generated cluster, as platform teams write them: per team or
 * environment, Admin-tier denies between teams, passes for monitoring (left to the teams'
 * NetworkPolicies), accepts for DNS, egress denies to a partner range, and Baseline-tier default
 * denies; one in five is a Baseline policy. Priorities come from a small range, so some collide.
 */
final class ClusterPolicyGenerator {

    private static final String[] TIERS_OF_APPS = {"web", "api", "worker", "db", "cache"};

    private ClusterPolicyGenerator() {
    }

    static List<ClusterPolicy> generate(int count, List<String> teams, Random random) {
        List<ClusterPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean baseline = random.nextInt(5) == 0;
            String team = teams.get(random.nextInt(teams.size()));
            ClusterPolicySubject subject = switch (random.nextInt(3)) {
                case 0 -> new ClusterPolicySubject(LabelSelector.ofLabels(Map.of("team", team)), null);
                case 1 -> new ClusterPolicySubject(LabelSelector.ofLabels(Map.of("env", random.nextBoolean() ? "prod" : "staging")), null);
                default -> new ClusterPolicySubject(LabelSelector.ofLabels(Map.of("team", team)),
                        LabelSelector.ofLabels(Map.of("tier", TIERS_OF_APPS[random.nextInt(TIERS_OF_APPS.length)])));
            };
            List<ClusterPolicyRule> ingress = new ArrayList<>();
            List<ClusterPolicyRule> egress = new ArrayList<>();
            int rules = 1 + random.nextInt(3);
            for (int r = 0; r < rules; r++) {
                boolean isIngress = random.nextBoolean();
                (isIngress ? ingress : egress).add(rule(random, teams, baseline, isIngress, r));
            }
            policies.add(new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, (baseline ? "baseline-" : "admin-") + i,
                    baseline ? PolicyTier.BASELINE : PolicyTier.ADMIN, random.nextInt(100), subject, ingress, egress, SourceRef.NONE, ""));
        }
        return policies;
    }

    private static ClusterPolicyRule rule(Random random, List<String> teams, boolean baseline, boolean ingress, int index) {
        int kind = random.nextInt(ingress ? 4 : 5);
        RuleAction action;
        ClusterPolicyPeer peer;
        List<ClusterPolicyPort> ports = List.of();
        String name;
        switch (kind) {
            case 0 -> {
                String other = teams.get(random.nextInt(teams.size()));
                action = RuleAction.DENY;
                peer = ClusterPolicyPeer.namespaces(LabelSelector.ofLabels(Map.of("team", other)));
                name = "deny-team-" + other;
            }
            case 1 -> {
                action = baseline ? RuleAction.ALLOW : RuleAction.PASS;
                peer = ClusterPolicyPeer.namespaces(LabelSelector.ofLabels(Map.of("purpose", "monitoring")));
                ports = List.of(ClusterPolicyPort.named("metrics"), ClusterPolicyPort.range(Protocol.TCP, 9090, 9100));
                name = "monitoring";
            }
            case 2 -> {
                action = RuleAction.ALLOW;
                peer = ClusterPolicyPeer.pods(LabelSelector.ofLabels(Map.of("kubernetes.io/metadata.name", ClusterGenerator.KUBE_SYSTEM)),
                        LabelSelector.ofLabels(Map.of("k8s-app", "kube-dns")));
                ports = List.of(ClusterPolicyPort.range(Protocol.UDP, 53, 53), ClusterPolicyPort.range(Protocol.TCP, 53, 53));
                name = "dns";
            }
            case 3 -> {
                action = baseline ? RuleAction.DENY : RuleAction.values()[random.nextInt(3)];
                peer = ClusterPolicyPeer.pods(LabelSelector.ofLabels(Map.of("env", random.nextBoolean() ? "prod" : "staging")),
                        LabelSelector.ofLabels(Map.of("tier", TIERS_OF_APPS[random.nextInt(TIERS_OF_APPS.length)])));
                ports = random.nextBoolean() ? List.of() : List.of(ClusterPolicyPort.range(Protocol.TCP, 5432, 5432));
                name = "tier-" + action.name().toLowerCase(java.util.Locale.ROOT);
            }
            default -> {
                action = RuleAction.DENY;
                peer = ClusterPolicyPeer.networks(List.of(Cidr.parse("203.0.113.0/24").orElseThrow()));
                name = "deny-partner";
            }
        }
        return new ClusterPolicyRule(name + "-" + index, action, List.of(peer), ports, SourceRef.NONE);
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random cluster-wide policies added to a random cluster: both tiers, every action, few
 * priorities (so ties happen), pod, namespace and CIDR peers, numeric, ranged and named ports;
 * some pods get addresses so that CIDR peers match pods too.
 */
final class RandomTiers {

    private RandomTiers() {
    }

    static ClusterSnapshot addTo(ClusterSnapshot base, Random random, int count) {
        List<Workload> workloads = new ArrayList<>();
        int next = 1;
        for (Workload w : base.workloads()) {
            List<IpAddress> addresses = random.nextInt(3) == 0
                    ? List.of(IpAddress.parse((random.nextBoolean() ? "10.1.0." : "10.2.0.") + next++).orElseThrow()) : List.of();
            workloads.add(new Workload(w.namespace(), w.name(), w.kind(), w.replicas(), w.podLabels(), w.ports(), w.hostNetwork(),
                    addresses, w.where()));
        }
        List<ClusterPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PolicyTier tier = random.nextInt(3) == 0 ? PolicyTier.BASELINE : PolicyTier.ADMIN;
            ClusterPolicySubject subject = random.nextBoolean()
                    ? new ClusterPolicySubject(RandomClusters.randomSelector(random), null)
                    : new ClusterPolicySubject(RandomClusters.randomSelector(random), RandomClusters.randomSelector(random));
            policies.add(new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, "c" + i, tier, random.nextInt(4) * 10, subject,
                    rules(random, false), rules(random, true), SourceRef.NONE, ""));
        }
        return new ClusterSnapshot(base.sourceName(), base.namespaces(), workloads, base.services(), base.policies(), policies,
                base.diagnostics());
    }

    private static List<ClusterPolicyRule> rules(Random random, boolean egress) {
        List<ClusterPolicyRule> rules = new ArrayList<>();
        int count = random.nextInt(4);
        for (int r = 0; r < count; r++) {
            RuleAction action = RuleAction.values()[random.nextInt(3)];
            List<ClusterPolicyPeer> peers = new ArrayList<>();
            int peerCount = 1 + random.nextInt(2);
            boolean networks = false;
            for (int p = 0; p < peerCount; p++) {
                int form = random.nextInt(egress ? 4 : 2);
                if (form == 0) {
                    peers.add(ClusterPolicyPeer.namespaces(RandomClusters.randomSelector(random)));
                } else if (form == 1) {
                    peers.add(ClusterPolicyPeer.pods(RandomClusters.randomSelector(random), RandomClusters.randomSelector(random)));
                } else if (form == 2) {
                    networks = true;
                    peers.add(ClusterPolicyPeer.networks(List.of(Cidr.parse(random.nextBoolean() ? "10.1.0.0/16" : "0.0.0.0/0").orElseThrow())));
                } else {
                    peers.add(ClusterPolicyPeer.nodes(LabelSelector.EVERYTHING));
                    networks = true;
                }
            }
            List<ClusterPolicyPort> ports = new ArrayList<>();
            int portCount = random.nextInt(3);
            for (int p = 0; p < portCount; p++) {
                Protocol protocol = random.nextInt(4) == 0 ? Protocol.UDP : Protocol.TCP;
                int draw = random.nextInt(networks ? 2 : 3);
                ports.add(switch (draw) {
                    case 0 -> ClusterPolicyPort.range(protocol, 80, 8080);
                    case 1 -> {
                        int port = RandomClusters.PORTS[random.nextInt(RandomClusters.PORTS.length)];
                        yield ClusterPolicyPort.range(protocol, port, port);
                    }
                    default -> ClusterPolicyPort.named(RandomClusters.PORT_NAMES[random.nextInt(RandomClusters.PORT_NAMES.length)]);
                });
            }
            rules.add(new ClusterPolicyRule(random.nextBoolean() ? "r" + r : "", action, peers, ports, SourceRef.NONE));
        }
        return rules;
    }
}

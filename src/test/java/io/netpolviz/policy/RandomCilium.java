package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random Cilium policies added to a random cluster: both kinds, allow and deny rules,
 * endpoint selectors in and across namespaces, CIDRs with and without holes, the entities
 * world/cluster, rules with ports and no peer (every peer) and empty rules (nothing),
 * enableDefaultDeny in both directions and a second spec now and then.
 */
final class RandomCilium {

    private RandomCilium() {
    }

    /**
     * A large random cluster ({@link RandomClusters#large}) with {@code tierPolicies} cluster-wide
     * and {@code ciliumPolicies} Cilium policies beside its NetworkPolicies, drawn from {@code random} in that order.
     */
    static ClusterSnapshot largeWithLayers(Random random, int pods, int namespaces, int tierPolicies, int ciliumPolicies) {
        return addTo(RandomTiers.addTo(RandomClusters.large(random, pods, namespaces), random, tierPolicies), random, ciliumPolicies);
    }

    /** Every policy a walk over such a snapshot can switch: NetworkPolicies, then cluster-wide, then Cilium policies. */
    static List<io.netpolviz.model.PolicyId> toggleable(ClusterSnapshot snapshot) {
        List<io.netpolviz.model.PolicyId> out = new ArrayList<>();
        snapshot.policies().forEach(p -> out.add(p.id()));
        snapshot.clusterPolicies().forEach(p -> out.add(p.id()));
        snapshot.ciliumPolicies().forEach(p -> out.add(p.id()));
        return out;
    }

    static ClusterSnapshot addTo(ClusterSnapshot base, Random random, int count) {
        List<CiliumPolicy> policies = new ArrayList<>();
        List<String> namespaces = base.namespaces().stream().map(Namespace::name).toList();
        for (int i = 0; i < count; i++) {
            boolean clusterwide = random.nextInt(3) == 0;
            String namespace = clusterwide || namespaces.isEmpty() ? "" : namespaces.get(random.nextInt(namespaces.size()));
            List<CiliumSpec> specs = new ArrayList<>();
            int specCount = random.nextInt(5) == 0 ? 2 : 1;
            for (int s = 0; s < specCount; s++) {
                specs.add(spec(random, namespace, namespaces));
            }
            policies.add(new CiliumPolicy(clusterwide ? CiliumPolicy.CLUSTERWIDE : CiliumPolicy.NAMESPACED, namespace, "cil" + i, specs,
                    SourceRef.NONE, ""));
        }
        return new ClusterSnapshot(base.sourceName(), base.namespaces(), base.workloads(), base.services(), base.policies(),
                base.clusterPolicies(), base.diagnostics(), base.unevaluatedPolicyKinds(), policies, base.calico());
    }

    private static CiliumSpec spec(Random random, String namespace, List<String> namespaces) {
        ClusterPolicySubject subject = selector(random, namespace, namespaces, true);
        Boolean ingressDefault = random.nextInt(4) == 0 ? random.nextBoolean() : null;
        Boolean egressDefault = random.nextInt(4) == 0 ? random.nextBoolean() : null;
        return new CiliumSpec(subject, false, rules(random, namespace, namespaces, 3), rules(random, namespace, namespaces, 3),
                rules(random, namespace, namespaces, 2), rules(random, namespace, namespaces, 2), ingressDefault, egressDefault, SourceRef.NONE);
    }

    /** As the loader resolves it: a namespaced policy's subject, and its peers without a namespace term, stay in its namespace. */
    private static ClusterPolicySubject selector(Random random, String namespace, List<String> namespaces, boolean subject) {
        LabelSelector pods = random.nextInt(3) == 0 ? LabelSelector.EVERYTHING : RandomClusters.randomSelector(random);
        List<LabelRequirement> namespaceTerms = new ArrayList<>();
        boolean namesNamespace = !namespaces.isEmpty() && random.nextInt(3) == 0;
        if (namesNamespace) {
            namespaceTerms.add(new LabelRequirement(Namespace.NAME_LABEL, SelectorOperator.IN,
                    List.of(namespaces.get(random.nextInt(namespaces.size())))));
        }
        if (!namespace.isEmpty() && (subject || !namesNamespace)) {
            namespaceTerms.add(new LabelRequirement(Namespace.NAME_LABEL, SelectorOperator.IN, List.of(namespace)));
        }
        return new ClusterPolicySubject(new LabelSelector(java.util.Map.of(), namespaceTerms), pods);
    }

    private static List<CiliumRule> rules(Random random, String namespace, List<String> namespaces, int most) {
        List<CiliumRule> rules = new ArrayList<>();
        int count = random.nextInt(most + 1);
        for (int r = 0; r < count; r++) {
            List<ClusterPolicySubject> endpoints = new ArrayList<>();
            List<IpBlock> cidrs = new ArrayList<>();
            boolean world = false;
            boolean cluster = false;
            int kind = random.nextInt(8);
            boolean anyPeer = kind == 0;
            switch (kind) {
                case 1, 2, 3 -> endpoints.add(selector(random, namespace, namespaces, false));
                case 4 -> cidrs.add(random.nextBoolean() ? block("10.0.0.0/8") : new IpBlock(cidr("10.0.0.0/8"), List.of(cidr("10.1.0.0/16"))));
                case 5 -> world = true;
                case 6 -> cluster = true;
                default -> {
                    // An empty rule: nothing, or every peer with ports.
                }
            }
            List<ClusterPolicyPort> ports = new ArrayList<>();
            if (anyPeer || random.nextBoolean()) {
                ports.add(switch (random.nextInt(3)) {
                    case 0 -> ClusterPolicyPort.range(Protocol.TCP, 80, 80);
                    case 1 -> ClusterPolicyPort.range(Protocol.TCP, 443, 8080);
                    default -> ClusterPolicyPort.range(Protocol.UDP, 53, 53);
                });
            }
            rules.add(new CiliumRule(r, anyPeer, endpoints, cidrs, world, cluster, List.of(), ports, List.of(), SourceRef.NONE));
        }
        return rules;
    }

    private static IpBlock block(String text) {
        return new IpBlock(cidr(text), List.of());
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }
}

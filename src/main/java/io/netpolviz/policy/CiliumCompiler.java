package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Maps Cilium policies onto the engine's existing layers. Cilium decides each direction as "a
 * deny wins over any allow; an endpoint selected with rules in a direction is default-deny there;
 * allowed is the union of every allow rule, Kubernetes NetworkPolicies included"
 * (https://docs.cilium.io/en/stable/security/policy/language/#deny-policies and
 * https://docs.cilium.io/en/stable/security/policy/intro/#policy-enforcement-modes). So each spec
 * becomes, under the policy's own id:
 * <ul>
 * <li>an allow part in the NetworkPolicy layer ({@link CompiledPolicy}): its subject, its allow
 * rules, isolating the directions where the spec puts endpoints into default deny; and</li>
 * <li>a deny part at the very front of the Admin tier ({@link CompiledTierPolicy}), every rule a
 * Deny, so no later layer can allow what it denies.</li>
 * </ul>
 * Endpoint selectors never match host-network pods (Cilium gives those the host's identity);
 * the {@code cluster} entity holds every pod; CIDRs and {@code world} match addresses outside the
 * cluster only ("CIDR rules do not apply to traffic where both sides of the connection are
 * either managed by Cilium or use an IP belonging to a node in the cluster").
 */
final class CiliumCompiler {

    /** Sorts before every network-policy-api priority (0..1000): Cilium denies decide first. */
    static final int DENY_PRIORITY = -1;
    private static final List<Cidr> WORLD = List.of(Cidr.parse("0.0.0.0/0").orElseThrow(), Cidr.parse("::/0").orElseThrow());

    /** What one policy became: its allow parts (NetworkPolicy layer) and deny parts (front of the Admin tier). */
    record Parts(List<CompiledPolicy> allows, List<CompiledTierPolicy> denies) {
    }

    private final List<PodClass> classes;

    CiliumCompiler(List<PodClass> classes) {
        this.classes = classes;
    }

    /** The allow parts of {@code policy}, numbered from {@code firstIndex} (one per spec, at least one). */
    List<CompiledPolicy> allowParts(CiliumPolicy policy, int firstIndex) {
        List<CompiledPolicy> parts = new ArrayList<>();
        for (CiliumSpec spec : policy.specs()) {
            BitSet selected = spec.nodeSelector() ? new BitSet() : endpoints(spec.subject());
            List<PolicyType> isolated = new ArrayList<>();
            for (PolicyType direction : PolicyType.values()) {
                if (spec.defaultDeny(direction)) {
                    isolated.add(direction);
                }
            }
            NetworkPolicy shape = new NetworkPolicy(policy.namespace(), policy.name(), spec.subject().pods(), isolated,
                    shapes(spec.ingress()), shapes(spec.egress()), spec.where(), policy.sourceText());
            parts.add(new CompiledPolicy(firstIndex + parts.size(), policy.id(), shape, selected,
                    allowRules(policy, spec, PolicyType.INGRESS), allowRules(policy, spec, PolicyType.EGRESS)));
        }
        return parts;
    }

    /** The deny parts of {@code policy}, numbered from {@code firstIndex}: one per spec with deny rules. */
    List<CompiledTierPolicy> denyParts(CiliumPolicy policy, int firstIndex) {
        List<CompiledTierPolicy> parts = new ArrayList<>();
        for (CiliumSpec spec : policy.specs()) {
            if (spec.ingressDeny().isEmpty() && spec.egressDeny().isEmpty()) {
                continue;
            }
            ClusterPolicy shape = new ClusterPolicy(policy.kind(), policy.id().name(), PolicyTier.ADMIN, DENY_PRIORITY, spec.subject(),
                    denyShapes(spec.ingressDeny(), PolicyType.INGRESS), denyShapes(spec.egressDeny(), PolicyType.EGRESS), spec.where(),
                    policy.sourceText());
            BitSet selected = spec.nodeSelector() ? new BitSet() : endpoints(spec.subject());
            parts.add(new CompiledTierPolicy(firstIndex + parts.size(), shape, selected, denyRules(policy, spec, PolicyType.INGRESS),
                    denyRules(policy, spec, PolicyType.EGRESS)));
        }
        return parts;
    }

    private List<CompiledRule> allowRules(CiliumPolicy policy, CiliumSpec spec, PolicyType direction) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<CiliumRule> rules = spec.allows(direction);
        List<PolicyRule> shapes = shapes(rules);
        for (int i = 0; i < rules.size(); i++) {
            CiliumRule rule = rules.get(i);
            PolicyRule filtered = rule.filteredPorts().isEmpty() ? null
                    : new PolicyRule(shapes.get(i).peers(), ports(rule.filteredPorts()), rule.where());
            compiled.add(new CompiledRule(new RuleRef(policy.id(), direction, i), shapes.get(i), peers(rule), blocks(rule), filtered));
        }
        return compiled;
    }

    private List<CompiledTierRule> denyRules(CiliumPolicy policy, CiliumSpec spec, PolicyType direction) {
        List<CompiledTierRule> compiled = new ArrayList<>();
        List<CiliumRule> rules = spec.denies(direction);
        List<ClusterPolicyRule> shapes = denyShapes(rules, direction);
        for (int i = 0; i < rules.size(); i++) {
            CiliumRule rule = rules.get(i);
            BitSet peers = rule.anyPeer() ? all() : peers(rule);
            List<Cidr> networks = rule.anyPeer() ? WORLD : networks(rule);
            TierRuleRef ref = new TierRuleRef(PolicyTier.ADMIN, policy.id(), DENY_PRIORITY, direction, i, shapes.get(i).name(), RuleAction.DENY);
            compiled.add(new CompiledTierRule(ref, shapes.get(i), peers, networks));
        }
        return compiled;
    }

    /** The pod classes a rule's endpoint selectors and {@code cluster} entity match ({@code anyPeer} is the caller's). */
    private BitSet peers(CiliumRule rule) {
        if (rule.cluster()) {
            return all();
        }
        BitSet matched = new BitSet(classes.size());
        for (ClusterPolicySubject peer : rule.endpoints()) {
            matched.or(endpoints(peer));
        }
        return matched;
    }

    /** Pods (not on the host network) in namespaces {@code subject.namespaces()} with labels {@code subject.pods()}. */
    BitSet endpoints(ClusterPolicySubject subject) {
        BitSet matched = new BitSet(classes.size());
        for (PodClass podClass : classes) {
            if (!podClass.hostNetwork() && subject.namespaces().matches(podClass.namespaceLabels())
                    && subject.pods().matches(podClass.labels())) {
                matched.set(podClass.index());
            }
        }
        return matched;
    }

    private BitSet all() {
        BitSet everything = new BitSet(classes.size());
        everything.set(0, classes.size());
        return everything;
    }

    /** The address blocks an allow rule admits: its CIDRs, and everything for {@code world}. */
    private static List<IpBlock> blocks(CiliumRule rule) {
        List<IpBlock> blocks = new ArrayList<>(rule.cidrs());
        if (rule.world()) {
            WORLD.forEach(cidr -> blocks.add(new IpBlock(cidr, List.of())));
        }
        return blocks;
    }

    /** A deny rule's blocks as plain CIDRs: a block with holes is cut into the largest CIDRs that avoid them. */
    private static List<Cidr> networks(CiliumRule rule) {
        List<Cidr> networks = new ArrayList<>();
        for (IpBlock block : blocks(rule)) {
            networks.addAll(CidrCuts.without(block.cidr(), block.except()));
        }
        return networks;
    }

    /** The rules as NetworkPolicy rules, for what reads a rule's shape (all peers, all ports, port display). */
    private static List<PolicyRule> shapes(List<CiliumRule> rules) {
        List<PolicyRule> shapes = new ArrayList<>();
        for (CiliumRule rule : rules) {
            List<PolicyPeer> peers = new ArrayList<>();
            if (!rule.anyPeer()) {
                rule.endpoints().forEach(peer -> peers.add(new PolicyPeer(peer.pods(), peer.namespaces(), null)));
                blocks(rule).forEach(block -> peers.add(new PolicyPeer(null, null, block)));
                if (rule.cluster()) {
                    peers.add(new PolicyPeer(LabelSelector.EVERYTHING, LabelSelector.EVERYTHING, null));
                }
                if (peers.isEmpty()) {
                    // Nothing the manifests show: a peer that selects no pod keeps "every peer" from being read.
                    peers.add(new PolicyPeer(NOTHING, NOTHING, null));
                }
            }
            shapes.add(new PolicyRule(peers, ports(rule.ports()), rule.where()));
        }
        return shapes;
    }

    /** A selector no labels satisfy: the key both present and absent. */
    private static final LabelSelector NOTHING = new LabelSelector(java.util.Map.of(), List.of(
            new io.netpolviz.model.LabelRequirement("cilium.io/peer", io.netpolviz.model.SelectorOperator.EXISTS, List.of()),
            new io.netpolviz.model.LabelRequirement("cilium.io/peer", io.netpolviz.model.SelectorOperator.DOES_NOT_EXIST, List.of())));

    private static List<PolicyPort> ports(List<ClusterPolicyPort> ports) {
        List<PolicyPort> out = new ArrayList<>();
        for (ClusterPolicyPort port : ports) {
            if (port.isNamed()) {
                for (Protocol protocol : port.protocol() == null ? List.of(Protocol.values()) : List.of(port.protocol())) {
                    out.add(new PolicyPort(protocol, PortRef.named(port.namedPort()), null));
                }
            } else if (port.first() == 1 && port.last() == 65535) {
                out.add(new PolicyPort(port.protocol(), null, null));
            } else {
                out.add(new PolicyPort(port.protocol(), PortRef.number(port.first()), port.first() == port.last() ? null : port.last()));
            }
        }
        return out;
    }

    private static List<ClusterPolicyRule> denyShapes(List<CiliumRule> rules, PolicyType direction) {
        List<ClusterPolicyRule> shapes = new ArrayList<>();
        for (CiliumRule rule : rules) {
            List<ClusterPolicyPeer> peers = new ArrayList<>();
            if (rule.anyPeer() || rule.cluster()) {
                peers.add(ClusterPolicyPeer.namespaces(LabelSelector.EVERYTHING));
            }
            rule.endpoints().forEach(peer -> peers.add(ClusterPolicyPeer.pods(peer.namespaces(), peer.pods())));
            List<Cidr> networks = rule.anyPeer() ? WORLD : networks(rule);
            if (!networks.isEmpty()) {
                peers.add(ClusterPolicyPeer.networks(networks));
            }
            shapes.add(new ClusterPolicyRule(CiliumRule.name(direction, true, rule.index()), RuleAction.DENY, peers, rule.ports(),
                    rule.where()));
        }
        return shapes;
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoLabels;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Calico's tiered evaluation read literally for {@link ReferenceEvaluator}, one side of one
 * connection on one port (docs.tigera.io, Tier reference, "How policy is evaluated"): tiers by
 * order; in a tier, its policies that apply to the endpoint by order then name, their rules in
 * order, the first match decides (Allow, Deny; Pass jumps to the next tier; Log goes on); if a
 * policy of the tier applies and nothing matched, the tier's default action. Cluster-wide
 * policies sit in kube-admin and kube-baseline, NetworkPolicies in the default tier at order 1000.
 * An endpoint no tier decides for is allowed.
 */
final class ReferenceChain {

    /** A NetworkPolicy verdict for one side: null when none isolates it. */
    interface NetworkPolicies {
        /** Only {@code policy} is asked: null when it does not isolate the side, else whether a rule of it admits. */
        Boolean allows(NetworkPolicy policy, ReferenceEvaluator.Peer subject, PolicyType direction, ReferenceEvaluator.Peer other,
                ReferenceEvaluator.Peer destination, Protocol protocol, int port);
    }

    private record Member(double order, String name, Object policy) {
    }

    private record Tier(double order, String name, RuleAction defaultAction, List<Member> members) {
    }

    private final List<Tier> tiers = new ArrayList<>();
    private final ReferenceTiers clusterTiers;
    private final Function<String, Map<String, String>> namespaceLabels;
    private final NetworkPolicies networkPolicies;
    private final Set<PolicyId> switchedOff;
    private final CalicoNetworkSets networkSets;

    ReferenceChain(ClusterSnapshot snapshot, Set<PolicyId> switchedOff, ReferenceTiers clusterTiers,
            Function<String, Map<String, String>> namespaceLabels, NetworkPolicies networkPolicies) {
        this.clusterTiers = clusterTiers;
        this.namespaceLabels = namespaceLabels;
        this.networkPolicies = networkPolicies;
        this.switchedOff = switchedOff;
        this.networkSets = new CalicoNetworkSets(snapshot.calico().networkSets(), snapshot.namespaces());
        Map<String, Tier> byName = new TreeMap<>();
        RuleAction defaultTierAction = snapshot.calico().tier(CalicoTier.DEFAULT).orElseThrow().defaultAction();
        byName.put(CalicoTier.DEFAULT, new Tier(CalicoTier.DEFAULT_ORDER, CalicoTier.DEFAULT, defaultTierAction, new ArrayList<>()));
        // Each NetworkPolicy as Calico converts it: order 1000, named namespace/knp.default.NAME, sorted by name among the rest.
        for (NetworkPolicy policy : snapshot.policies()) {
            byName.get(CalicoTier.DEFAULT).members().add(new Member(1000, policy.namespace() + "/knp.default." + policy.name(), policy));
        }
        for (ClusterPolicy policy : snapshot.clusterPolicies()) {
            boolean admin = policy.tier() == PolicyTier.ADMIN;
            String name = admin ? CalicoTier.KUBE_ADMIN : CalicoTier.KUBE_BASELINE;
            byName.computeIfAbsent(name, n -> new Tier(admin ? CalicoTier.KUBE_ADMIN_ORDER : CalicoTier.KUBE_BASELINE_ORDER, n,
                    RuleAction.PASS, new ArrayList<>())).members().add(new Member(policy.priority(), policy.id().toString(), policy));
        }
        for (CalicoPolicy policy : snapshot.calico().policies()) {
            CalicoTier declared = snapshot.calico().tier(policy.tier()).orElseThrow();
            boolean builtIn = policy.tier().equals(CalicoTier.KUBE_ADMIN) || policy.tier().equals(CalicoTier.KUBE_BASELINE);
            double tierOrder = policy.tier().equals(CalicoTier.KUBE_ADMIN) ? CalicoTier.KUBE_ADMIN_ORDER
                    : policy.tier().equals(CalicoTier.KUBE_BASELINE) ? CalicoTier.KUBE_BASELINE_ORDER
                    : declared.order() == null ? Double.POSITIVE_INFINITY : declared.order();
            byName.computeIfAbsent(policy.tier(), n -> new Tier(tierOrder, n, builtIn ? RuleAction.PASS : declared.defaultAction(),
                    new ArrayList<>())).members().add(new Member(policy.order() == null ? Double.POSITIVE_INFINITY : policy.order(),
                    policy.isGlobal() ? policy.name() : policy.namespace() + "/" + policy.name(), policy));
        }
        byName.values().stream().sorted(Comparator.comparingDouble(Tier::order).thenComparing(Tier::name)).forEach(tiers::add);
        tiers.forEach(tier -> tier.members().sort(Comparator.comparingDouble(Member::order).thenComparing(Member::name)));
    }

    boolean allows(Workload subject, PolicyType direction, ReferenceEvaluator.Peer other, ReferenceEvaluator.Peer destination,
            Protocol protocol, int port) {
        for (Tier tier : tiers) {
            RuleAction outcome = tier(tier, subject, direction, other, destination, protocol, port);
            if (outcome == RuleAction.ALLOW || outcome == RuleAction.DENY) {
                return outcome == RuleAction.ALLOW;
            }
        }
        return true;
    }

    /** ALLOW or DENY when the tier decides, PASS when it hands on (a Pass rule, or nothing applied). */
    private RuleAction tier(Tier tier, Workload subject, PolicyType direction, ReferenceEvaluator.Peer other,
            ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        boolean applies = false;
        for (Member member : tier.members()) {
            if (member.policy() instanceof ClusterPolicy policy) {
                RuleAction action = clusterTiers.firstMatchOf(policy, subject, direction, other, destination, protocol, port);
                if (action != null) {
                    return action;
                }
            } else if (member.policy() instanceof CalicoPolicy policy) {
                if (switchedOff.contains(policy.id()) || !applies(policy, subject, direction)) {
                    continue;
                }
                applies = true;
                for (CalicoRule rule : policy.rules(direction)) {
                    if (rule.decidedAtRunTime() || rule.action() == CalicoRule.Action.LOG) {
                        continue;
                    }
                    if (entity(policy, rule.local(direction), ReferenceEvaluator.Peer.pod(subject))
                            && entity(policy, rule.peer(direction), other) && port(rule, destination, protocol, port)) {
                        return rule.action().decision();
                    }
                }
            } else if (member.policy() instanceof NetworkPolicy policy) {
                Boolean verdict = networkPolicies.allows(policy, ReferenceEvaluator.Peer.pod(subject), direction, other, destination,
                        protocol, port);
                if (Boolean.TRUE.equals(verdict)) {
                    return RuleAction.ALLOW;
                }
                applies |= verdict != null;
            }
        }
        return applies ? tier.defaultAction() : RuleAction.PASS;
    }

    private boolean applies(CalicoPolicy policy, Workload pod, PolicyType direction) {
        if (pod.hostNetwork() || !policy.types().contains(direction)) {
            return false;
        }
        boolean scope = policy.isGlobal() ? policy.namespaceSelector() == null
                || policy.namespaceSelector().matches(CalicoLabels.ofNamespace(pod.namespace(), namespaceLabels.apply(pod.namespace())))
                : policy.namespace().equals(pod.namespace());
        return scope && policy.selector().matches(calicoLabels(pod));
    }

    private Map<String, String> calicoLabels(Workload pod) {
        return CalicoLabels.ofPod(pod.namespace(), pod.podLabels(), namespaceLabels.apply(pod.namespace()));
    }

    /** Whether an entity matches a pod or an address: every field that is set must hold. */
    private boolean entity(CalicoPolicy policy, CalicoEntity entity, ReferenceEvaluator.Peer peer) {
        Workload pod = peer.workload();
        if (pod == null) {
            IpAddress address = peer.address();
            // A selector matches an address through the network sets it picks; a notSelector's sets exclude theirs.
            boolean labelled = entity.selector() != null || entity.namespaceSelector() != null;
            return entity.serviceAccounts() == null
                    && (!labelled || networkSets.selected(policy, entity).stream().anyMatch(set -> inNets(set.nets(), address)))
                    && networkSets.excluded(policy, entity).stream().noneMatch(set -> inNets(set.nets(), address))
                    && (entity.nets().isEmpty() || inNets(entity.nets(), address)) && !inNets(entity.notNets(), address);
        }
        if (pod.hostNetwork() && entity.narrowsEndpoints()) {
            return false;
        }
        Map<String, String> labels = calicoLabels(pod);
        boolean inScope;
        if (entity.namespaceSelector() != null) {
            inScope = entity.namespaceSelector().matches(CalicoLabels.ofNamespace(pod.namespace(), namespaceLabels.apply(pod.namespace())));
        } else {
            inScope = policy.isGlobal() || (entity.selector() == null && entity.notSelector() == null) || pod.namespace().equals(policy.namespace());
        }
        boolean byLabels = inScope && (entity.selector() == null || entity.selector().matches(labels));
        // The data plane compares addresses: a pod whose address a picked network set holds is matched as its addresses are.
        boolean bySet = (entity.selector() != null || entity.namespaceSelector() != null)
                && networkSets.selected(policy, entity).stream().anyMatch(set -> holdsAnAddressOf(set.nets(), pod));
        if (!byLabels && !bySet) {
            return false;
        }
        if (entity.notSelector() != null && entity.notSelector().matches(labels)) {
            return false;
        }
        if (networkSets.excluded(policy, entity).stream().anyMatch(set -> holdsAnAddressOf(set.nets(), pod))) {
            return false;
        }
        if (!entity.nets().isEmpty() && !holdsAnAddressOf(entity.nets(), pod)) {
            return false;
        }
        return !holdsAnAddressOf(entity.notNets(), pod);
    }

    /** Whether a net holds one of the pod's known addresses; never for a pod on the host network, whose packets carry the node's. */
    private static boolean holdsAnAddressOf(List<io.netpolviz.model.Cidr> nets, Workload pod) {
        return !pod.hostNetwork() && pod.podAddresses().stream().anyMatch(address -> inNets(nets, address));
    }

    private static boolean inNets(List<io.netpolviz.model.Cidr> nets, IpAddress address) {
        return nets.stream().anyMatch(net -> net.contains(address));
    }

    private static boolean port(CalicoRule rule, ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        if (!CompiledCalicoRule.protocols(rule).contains(protocol)) {
            return false;
        }
        CalicoEntity entity = rule.destination();
        boolean listed = entity.ports().isEmpty() || entity.ports().stream().anyMatch(p -> matches(p, destination, protocol, port));
        return listed && entity.notPorts().stream().noneMatch(p -> matches(p, destination, protocol, port));
    }

    private static boolean matches(CalicoPort candidate, ReferenceEvaluator.Peer destination, Protocol protocol, int port) {
        if (!candidate.isNamed()) {
            return port >= candidate.first() && port <= candidate.last();
        }
        if (destination.workload() == null) {
            return false;
        }
        for (ContainerPort declared : destination.workload().ports()) {
            if (candidate.name().equals(declared.name()) && declared.protocol() == protocol && declared.port() == port) {
                return true;
            }
        }
        return false;
    }
}

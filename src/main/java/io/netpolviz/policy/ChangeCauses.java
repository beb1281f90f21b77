package io.netpolviz.policy;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why a pair's connectivity differs between two snapshots: the policies that decide the pair on
 * either side (the source's egress, the destination's ingress, in any tier) and that were added,
 * removed or edited between them; or the workload that exists on one side only; or, when no
 * deciding policy differs, that the pods' labels, ports or namespaces did. The deciding policies
 * come from each side's {@link Verdict} for the first port that opened or closed, so nothing is
 * derived a second time. Policies are compared by what they say, not by where they were read
 * (a folder and a cluster holding the same policy agree).
 */
public final class ChangeCauses {

    private final Evaluation before;
    private final Evaluation after;
    private final Map<PolicyId, Object> definitionsBefore;
    private final Map<PolicyId, Object> definitionsAfter;

    public ChangeCauses(Evaluation before, Evaluation after) {
        this.before = before;
        this.after = after;
        this.definitionsBefore = definitions(before.engine().snapshot());
        this.definitionsAfter = definitions(after.engine().snapshot());
    }

    /** The causes of one change, each a short phrase: {@code policy default/web-netpol edited}. */
    public List<String> of(ConnectivityChange change) {
        List<String> causes = new ArrayList<>();
        Optional<Endpoint[]> then = ends(before, change);
        Optional<Endpoint[]> now = ends(after, change);
        for (String id : List.of(change.sourceId(), change.destinationId())) {
            if (!id.startsWith("ext:")) {
                if (resolve(before, id).isEmpty()) {
                    causes.add("workload " + id + " added");
                } else if (resolve(after, id).isEmpty()) {
                    causes.add("workload " + id + " removed");
                }
            }
        }
        PortSet moved = change.opened().union(change.closed());
        PortRange probe = moved.ranges().get(0);
        Map<PolicyId, Set<PolicyType>> deciding = new TreeMap<>();
        then.ifPresent(ends -> deciders(before.verdict(ends[0], ends[1], probe.protocol(), probe.first()), deciding));
        now.ifPresent(ends -> deciders(after.verdict(ends[0], ends[1], probe.protocol(), probe.first()), deciding));
        deciding.forEach((id, directions) -> {
            Object was = definitionsBefore.get(id);
            Object is = definitionsAfter.get(id);
            if (was == null && is != null) {
                causes.add("policy " + id + " added");
            } else if (was != null && is == null) {
                causes.add("policy " + id + " removed");
            } else if (was != null && directions.stream().anyMatch(direction -> !sideOf(was, direction).equals(sideOf(is, direction)))) {
                // Edited where it bears on this pair: an edit of the policy's other direction did not cause this change.
                causes.add("policy " + id + " edited");
            }
        });
        if (causes.isEmpty()) {
            causes.add("no policy deciding it changed: the pods' labels, ports or namespaces did");
        }
        return causes;
    }

    /** The policies that decide a verdict, each with the directions (egress of the source, ingress of the destination) it decides. */
    private static void deciders(Verdict verdict, Map<PolicyId, Set<PolicyType>> into) {
        for (SideVerdict side : List.of(verdict.egress(), verdict.ingress())) {
            List<PolicyId> ids = new ArrayList<>(side.isolatingPolicies());
            side.admittingRules().forEach(rule -> ids.add(rule.policy()));
            if (side.adminRule() != null) {
                ids.add(side.adminRule().policy());
            }
            if (side.baselineRule() != null) {
                ids.add(side.baselineRule().policy());
            }
            if (side.calico() != null) {
                ids.addAll(side.calico().tierPolicies());
                side.calico().passes().forEach(pass -> ids.add(pass.policy()));
                if (side.calico().rule() != null) {
                    ids.add(side.calico().rule().policy());
                }
            }
            ids.forEach(id -> into.computeIfAbsent(id, k -> EnumSet.noneOf(PolicyType.class)).add(side.direction()));
        }
    }

    /** What a policy says for one direction: whom it selects, whether it isolates or in which order, and its rules there. */
    private static List<Object> sideOf(Object definition, PolicyType direction) {
        if (definition instanceof NetworkPolicy policy) {
            return List.of(policy.podSelector(), policy.effectivePolicyTypes().contains(direction),
                    direction == PolicyType.INGRESS ? policy.ingress() : policy.egress());
        }
        if (definition instanceof CiliumPolicy policy) {
            return policy.specs().stream().<Object>map(spec -> List.of(spec.subject(), spec.nodeSelector(), spec.defaultDeny(direction),
                    spec.allows(direction), spec.denies(direction))).toList();
        }
        if (definition instanceof CalicoPolicy calico) {
            return List.of(calico.selector(), String.valueOf(calico.namespaceSelector()), calico.types().contains(direction), calico.tier(),
                    String.valueOf(calico.order()), calico.rules(direction));
        }
        ClusterPolicy policy = (ClusterPolicy) definition;
        return List.of(policy.subject(), policy.tier(), policy.priority(), direction == PolicyType.INGRESS ? policy.ingress() : policy.egress());
    }

    /** The pair's two ends as {@code evaluation} knows them, when it has both. */
    private Optional<Endpoint[]> ends(Evaluation evaluation, ConnectivityChange change) {
        Optional<Endpoint> source = resolve(evaluation, change.sourceId());
        Optional<Endpoint> destination = resolve(evaluation, change.destinationId());
        return source.isPresent() && destination.isPresent() ? Optional.of(new Endpoint[] {source.get(), destination.get()}) : Optional.empty();
    }

    /**
     * A workload of this side, or an address block of either side: addresses exist on both, and
     * an evaluation answers for any block ({@link Evaluation#allowedPorts}).
     */
    private Optional<Endpoint> resolve(Evaluation evaluation, String id) {
        if (id.startsWith("ext:")) {
            for (Evaluation side : List.of(before, after)) {
                for (Endpoint.External external : side.engine().externalPeers()) {
                    if (external.id().equals(id)) {
                        return Optional.of(external);
                    }
                }
            }
            Optional<AddressRanges.Range> range = AddressRanges.parse(id);
            if (range.isPresent()) {
                // A range of the diff: one address block of it answers for all of it.
                return Optional.of(range.get().probe());
            }
            return evaluation.engine().resolve(id);
        }
        return evaluation.engine().resolve(id);
    }

    /** What each policy says, without where it was read: two equal definitions decide the same. */
    private static List<CalicoRule> plainCalico(List<CalicoRule> rules) {
        return rules.stream().map(rule -> new CalicoRule(rule.action(), rule.protocol(), rule.notProtocol(), rule.source(),
                rule.destination(), rule.runTime(), SourceRef.NONE)).toList();
    }

    private static Map<PolicyId, Object> definitions(ClusterSnapshot snapshot) {
        Map<PolicyId, Object> definitions = new HashMap<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            definitions.put(policy.id(), new NetworkPolicy(policy.namespace(), policy.name(), policy.podSelector(),
                    policy.declaredPolicyTypes(), plain(policy.ingress()), plain(policy.egress()), SourceRef.NONE, ""));
        }
        for (ClusterPolicy policy : snapshot.clusterPolicies()) {
            definitions.put(policy.id(), new ClusterPolicy(policy.kind(), policy.name(), policy.tier(), policy.priority(), policy.subject(),
                    plainTier(policy.ingress()), plainTier(policy.egress()), SourceRef.NONE, ""));
        }
        for (CiliumPolicy policy : snapshot.ciliumPolicies()) {
            List<CiliumSpec> specs = policy.specs().stream().map(spec -> new CiliumSpec(spec.subject(), spec.nodeSelector(),
                    plainCilium(spec.ingress()), plainCilium(spec.egress()), plainCilium(spec.ingressDeny()), plainCilium(spec.egressDeny()),
                    spec.enableDefaultDenyIngress(), spec.enableDefaultDenyEgress(), SourceRef.NONE)).toList();
            definitions.put(policy.id(), new CiliumPolicy(policy.kind(), policy.namespace(), policy.name(), specs, SourceRef.NONE, ""));
        }
        for (CalicoPolicy policy : snapshot.calico().policies()) {
            definitions.put(policy.id(), new CalicoPolicy(policy.kind(), policy.namespace(), policy.name(), policy.tier(), policy.order(),
                    policy.selector(), policy.namespaceSelector(), policy.types(), plainCalico(policy.ingress()), plainCalico(policy.egress()),
                    SourceRef.NONE, ""));
        }
        return definitions;
    }

    private static List<CiliumRule> plainCilium(List<CiliumRule> rules) {
        return rules.stream().map(rule -> new CiliumRule(rule.index(), rule.anyPeer(), rule.endpoints(), rule.cidrs(), rule.world(),
                rule.cluster(), rule.runtimePeers(), rule.ports(), rule.runtimeFilters(), rule.filteredPorts(), SourceRef.NONE)).toList();
    }

    private static List<PolicyRule> plain(List<PolicyRule> rules) {
        return rules.stream().map(rule -> new PolicyRule(rule.peers(), rule.ports(), SourceRef.NONE)).toList();
    }

    private static List<ClusterPolicyRule> plainTier(List<ClusterPolicyRule> rules) {
        return rules.stream().map(rule -> new ClusterPolicyRule(rule.name(), rule.action(), rule.peers(), rule.ports(), SourceRef.NONE))
                .toList();
    }
}

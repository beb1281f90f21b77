package io.netpolviz.policy;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** How a policy differs between the two snapshots. */
    public enum PolicyChange { ADDED, REMOVED, EDITED }

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

    /** Every policy that differs between the two snapshots, by id. */
    public Map<PolicyId, PolicyChange> changedPolicies() {
        Map<PolicyId, PolicyChange> changed = new TreeMap<>();
        definitionsBefore.forEach((id, definition) -> {
            Object now = definitionsAfter.get(id);
            if (now == null) {
                changed.put(id, PolicyChange.REMOVED);
            } else if (!now.equals(definition)) {
                changed.put(id, PolicyChange.EDITED);
            }
        });
        definitionsAfter.keySet().stream().filter(id -> !definitionsBefore.containsKey(id)).forEach(id -> changed.put(id, PolicyChange.ADDED));
        return changed;
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
        Map<PolicyId, Boolean> deciding = new TreeMap<>();
        then.ifPresent(ends -> deciders(before.verdict(ends[0], ends[1], probe.protocol(), probe.first()), deciding));
        now.ifPresent(ends -> deciders(after.verdict(ends[0], ends[1], probe.protocol(), probe.first()), deciding));
        Map<PolicyId, PolicyChange> changed = changedPolicies();
        for (PolicyId id : deciding.keySet()) {
            PolicyChange how = changed.get(id);
            if (how != null) {
                causes.add("policy " + id + " " + how.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (causes.isEmpty()) {
            causes.add("no policy deciding it changed: the pods' labels, ports or namespaces did");
        }
        return causes;
    }

    private static void deciders(Verdict verdict, Map<PolicyId, Boolean> into) {
        for (SideVerdict side : List.of(verdict.egress(), verdict.ingress())) {
            side.isolatingPolicies().forEach(id -> into.put(id, true));
            side.admittingRules().forEach(rule -> into.put(rule.policy(), true));
            if (side.adminRule() != null) {
                into.put(side.adminRule().policy(), true);
            }
            if (side.baselineRule() != null) {
                into.put(side.baselineRule().policy(), true);
            }
        }
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
            return evaluation.engine().resolve(id);
        }
        return evaluation.engine().resolve(id);
    }

    /** What each policy says, without where it was read: two equal definitions decide the same. */
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
        return definitions;
    }

    private static List<PolicyRule> plain(List<PolicyRule> rules) {
        return rules.stream().map(rule -> new PolicyRule(rule.peers(), rule.ports(), SourceRef.NONE)).toList();
    }

    private static List<ClusterPolicyRule> plainTier(List<ClusterPolicyRule> rules) {
        return rules.stream().map(rule -> new ClusterPolicyRule(rule.name(), rule.action(), rule.peers(), rule.ports(), SourceRef.NONE))
                .toList();
    }
}

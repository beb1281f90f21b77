package io.netpolviz.policy.fix;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.RuleRef;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The ways to open one blocking side of a connection, read from the verdict the explanation
 * shows: widen the rule that already names the peer, add a rule to a policy that isolates the
 * side, or add a policy that selects only the subject. An Admin-tier Deny cannot be opened by
 * any NetworkPolicy: that side is opened by an Accept ahead of the Deny ({@link AdminFixes}), and
 * comes back with the reason where none can be written (a Cilium deny).
 */
final class AllowFixes {

    private final Evaluation evaluation;
    private final ClusterSnapshot snapshot;
    private final Selectors selectors;
    private final List<LabelChange> labels;

    /**
     * @param snapshot the cluster the selectors are designed on: the evaluated one, or that one
     *     with {@code labels} added, for the narrower proposal
     */
    AllowFixes(Evaluation evaluation, ClusterSnapshot snapshot, List<LabelChange> labels) {
        this.evaluation = evaluation;
        this.snapshot = snapshot;
        this.selectors = new Selectors(snapshot);
        this.labels = List.copyOf(labels);
    }

    List<SideOptions> blockingSides(Verdict verdict) {
        List<SideOptions> sides = new ArrayList<>();
        if (!verdict.egress().allows()) {
            sides.add(options(verdict.egress(), verdict.source(), verdict.destination(), verdict));
        }
        if (!verdict.ingress().allows()) {
            sides.add(options(verdict.ingress(), verdict.destination(), verdict.source(), verdict));
        }
        return sides;
    }

    private SideOptions options(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        PolicyType direction = side.direction();
        if (side.decidedBy() == SideVerdict.Layer.ADMIN_TIER) {
            List<Draft> accepts = new AdminFixes(snapshot, labels).accept(side, subject, peer, verdict);
            if (!accepts.isEmpty()) {
                return new SideOptions(direction, accepts, null);
            }
            return SideOptions.blockedBy(direction, side.adminRule().display() + " denies it; "
                    + (CiliumPolicy.isCilium(side.adminRule().policy()) ? "a Cilium deny wins over every allow, so no NetworkPolicy can open"
                    + " it: change that Cilium policy" : "the Admin tier decides before any NetworkPolicy, so no NetworkPolicy can open it:"
                    + " the cluster administrator must change that rule"));
        }
        Workload subjectWorkload = workload(subject);
        String connection = verdict.protocol() + " " + verdict.port();
        PolicyPeer peerEntry = peerEntry(subjectWorkload.namespace(), peer);
        PolicyRule newRule = Rules.rule(List.of(peerEntry), List.of(Rules.port(verdict.protocol(), verdict.port())));
        String verb = direction == PolicyType.EGRESS ? "allowing " : "admitting ";
        List<Draft> drafts = new ArrayList<>();
        if (side.decidedBy() == SideVerdict.Layer.NETWORK_POLICY) {
            // Only NetworkPolicies are drafted; a new one joins Cilium's union of allows all the same.
            for (RuleRef ref : side.peerMatchedRules().stream().filter(ref -> !CiliumPolicy.isCilium(ref.policy())).toList()) {
                NetworkPolicy policy = policy(ref.policy());
                List<PolicyRule> rules = new ArrayList<>(policy.rules(direction));
                PolicyRule widened = rules.get(ref.index());
                List<io.netpolviz.model.PolicyPort> ports = new ArrayList<>(widened.ports());
                ports.add(Rules.port(verdict.protocol(), verdict.port()));
                rules.set(ref.index(), Rules.rule(widened.peers(), ports));
                drafts.add(changed(Rules.withRules(policy, direction, rules),
                        "Add " + connection + " to the ports of " + ref.display() + ", which already names " + peer.id() + "."));
            }
            // A policy with no rules in this direction only isolates (a deny-all): it is not turned into an allow.
            side.isolatingPolicies().stream()
                    .filter(id -> !CiliumPolicy.isCilium(id) && !policy(id).rules(direction).isEmpty())
                    .sorted(Comparator.comparingInt((PolicyId id) -> evaluation.engine().policy(id).orElseThrow().selectedClasses().cardinality())
                            .thenComparing(id -> id))
                    .forEach(id -> drafts.add(changed(Rules.withRuleAdded(policy(id), direction, newRule),
                            "Add an " + Rules.word(direction) + " rule to " + id + " " + verb + peer.id() + " on " + connection + ".")));
        }
        String name = uniqueName(subjectWorkload.namespace(), Rules.policyName(subjectWorkload.name(), "allow", Rules.word(direction),
                direction == PolicyType.EGRESS ? "to" : "from", peerName(peer), Integer.toString(verdict.port()), verdict.protocol().name()));
        NetworkPolicy created = Rules.newPolicy(subjectWorkload.namespace(), name, selectors.exact(subjectWorkload), direction,
                List.of(newRule));
        String why = side.decidedBy() == SideVerdict.Layer.BASELINE_TIER
                ? " It isolates the " + Rules.word(direction) + " of " + subject.id() + ", which until now the Baseline tier decided."
                : "";
        drafts.add(new Draft(List.of(created), Set.of(created.id()), labels, List.of("Add the policy " + created.id()
                + ", which selects only " + subject.id() + " and " + (direction == PolicyType.EGRESS ? "allows " : "admits ") + peer.id() + " on " + connection + "." + why)));
        return new SideOptions(direction, drafts, null);
    }

    private Draft changed(NetworkPolicy policy, String step) {
        return new Draft(List.of(policy), Set.of(), labels, List.of(step));
    }

    private PolicyPeer peerEntry(String policyNamespace, Endpoint peer) {
        if (peer instanceof Endpoint.External external) {
            return new PolicyPeer(null, null, external.block());
        }
        return selectors.peer(policyNamespace, workload(peer));
    }

    private NetworkPolicy policy(PolicyId id) {
        return snapshot.policy(id).orElseThrow();
    }

    private Workload workload(Endpoint endpoint) {
        return selectors.workload(endpoint.id());
    }

    static String peerName(Endpoint peer) {
        if (peer instanceof Endpoint.Pods pods) {
            return pods.workload().name();
        }
        return ((Endpoint.External) peer).isAnyAddress() ? "anywhere" : ((Endpoint.External) peer).block().cidr().network().display();
    }

    private String uniqueName(String namespace, String base) {
        String name = base;
        for (int n = 2; snapshot.policy(new PolicyId(namespace, name)).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}

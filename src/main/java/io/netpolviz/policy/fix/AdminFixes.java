package io.netpolviz.policy.fix;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.TierRuleRef;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes in the Admin tier, where the cluster administrator's ClusterNetworkPolicies (or
 * AdminNetworkPolicies) decide before any NetworkPolicy: a rule for exactly one pair and port —
 * the subject workload's pods, the peer's pods (or, for egress, its network), the one port —
 * either written into the policy whose rule decides now, just before that rule (within a policy
 * the rules decide in order), or as a policy of its own one priority ahead of it (lower numbers
 * decide first). An Accept opens a side an Admin-tier Deny closes; a Deny closes a side, offered
 * only where the input already has an Admin tier. Cilium's deny rules are not Admin-tier policies
 * and are left to their owners.
 */
final class AdminFixes {

    /** The CRDs' limits on rules per direction: v1alpha2 ClusterNetworkPolicy 25, v1alpha1 AdminNetworkPolicy 100. */
    private static final int CNP_RULES = 25;
    private static final int ANP_RULES = 100;
    private static final int LAST_PRIORITY = 1000;

    private final ClusterSnapshot snapshot;
    private final Selectors selectors;
    private final List<LabelChange> labels;

    AdminFixes(ClusterSnapshot snapshot, List<LabelChange> labels) {
        this.snapshot = snapshot;
        this.selectors = new Selectors(snapshot);
        this.labels = List.copyOf(labels);
    }

    /** Whether the input has Admin-tier policies of the network-policy-api project, so that one more is in keeping. */
    boolean hasAdminTier() {
        return snapshot.clusterPolicies().stream().anyMatch(p -> p.tier() == PolicyTier.ADMIN);
    }

    /** Ways to open a side that an Admin-tier Deny closes: an Accept for exactly the pair and port ahead of it. */
    List<Draft> accept(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        TierRuleRef deny = side.adminRule();
        if (deny == null || CiliumPolicy.isCilium(deny.policy())) {
            return List.of();
        }
        return ahead(deny, RuleAction.ALLOW, side.direction(), subject, peer, verdict);
    }

    /**
     * Ways to close a side with an Admin-tier Deny for exactly the pair and port: ahead of the
     * Admin rule that decides (or passes) the side now, or, where none does, as a policy of its
     * own at a priority nobody uses. Empty where the input has no Admin tier.
     */
    List<Draft> deny(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        if (!hasAdminTier() || side.decidedBy() == SideVerdict.Layer.NOT_GOVERNED) {
            return List.of();
        }
        TierRuleRef now = side.adminRule();
        if (now != null) {
            return CiliumPolicy.isCilium(now.policy()) ? List.of() : ahead(now, RuleAction.DENY, side.direction(), subject, peer, verdict);
        }
        Optional<ClusterPolicyRule> rule = rule(RuleAction.DENY, side.direction(), subject, peer, verdict);
        Optional<Integer> priority = freePriority(0, LAST_PRIORITY);
        if (rule.isEmpty() || priority.isEmpty()) {
            return List.of();
        }
        ClusterPolicy created = newPolicy(kindInUse(), RuleAction.DENY, priority.get(), side.direction(), subject, rule.get(), verdict);
        return List.of(new Draft(List.of(), List.of(created), Set.of(created.id()), labels, List.of("Add the " + created.kind() + " "
                + created.name() + " (Admin tier, priority " + created.priority() + "): it denies " + verdict.source().id() + " \u2192 "
                + verdict.destination().id() + " on " + connection(verdict) + " before any NetworkPolicy is consulted. " + ADMINISTRATOR)));
    }

    private static final String ADMINISTRATOR = "A cluster-wide policy: the cluster administrator applies it.";

    /** The rule for the pair, first inside the policy of {@code now} just before it, then as a policy one priority ahead. */
    private List<Draft> ahead(TierRuleRef now, RuleAction action, PolicyType direction, Endpoint subject, Endpoint peer, Verdict verdict) {
        Optional<ClusterPolicyRule> rule = rule(action, direction, subject, peer, verdict);
        Optional<ClusterPolicy> policy = snapshot.clusterPolicy(now.policy());
        if (rule.isEmpty() || policy.isEmpty()) {
            return List.of();
        }
        ClusterPolicy decides = policy.get();
        String what = (action == RuleAction.ALLOW ? "accepts " : "denies ") + verdict.source().id() + " \u2192 " + verdict.destination().id()
                + " on " + connection(verdict);
        List<Draft> drafts = new ArrayList<>();
        List<ClusterPolicyRule> rules = new ArrayList<>(decides.rules(direction));
        if (rules.size() < (decides.kind().equals(ClusterPolicy.CLUSTER_NETWORK_POLICY) ? CNP_RULES : ANP_RULES)) {
            rules.add(now.index(), rule.get());
            ClusterPolicy edited = withRules(decides, direction, rules);
            drafts.add(new Draft(List.of(), List.of(edited), Set.of(), labels, List.of("In " + decides.display() + ", add a rule `"
                    + rule.get().name() + "` just before " + now.ruleDisplay() + ": it " + what + ", and the rules of a policy decide in"
                    + " the order written. " + ADMINISTRATOR)));
        }
        Optional<Integer> priority = decides.tier() == PolicyTier.ADMIN && !decides.kind().equals(ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY)
                ? freePriority(0, decides.priority() - 1) : Optional.empty();
        if (priority.isPresent()) {
            ClusterPolicy created = newPolicy(decides.kind(), action, priority.get(), direction, subject, rule.get(), verdict);
            drafts.add(new Draft(List.of(), List.of(created), Set.of(created.id()), labels, List.of("Add the " + created.kind() + " "
                    + created.name() + " (Admin tier, priority " + created.priority() + ", ahead of " + decides.name() + "'s "
                    + decides.priority() + "): it " + what + ". " + ADMINISTRATOR)));
        }
        return drafts;
    }

    /**
     * The rule for exactly this pair and port on the subject's side; empty where the API has no
     * peer for it (an outside address on the ingress side, or a block with exceptions).
     */
    private Optional<ClusterPolicyRule> rule(RuleAction action, PolicyType direction, Endpoint subject, Endpoint peer, Verdict verdict) {
        ClusterPolicyPeer to;
        if (peer instanceof Endpoint.External external) {
            if (direction == PolicyType.INGRESS || !external.block().except().isEmpty()) {
                return Optional.empty();
            }
            to = ClusterPolicyPeer.networks(List.of(external.block().cidr()));
        } else {
            Workload workload = selectors.workload(peer.id());
            to = ClusterPolicyPeer.pods(Selectors.namespaceNamed(workload.namespace()), selectors.exact(workload));
        }
        String name = Rules.policyName((action == RuleAction.ALLOW ? "accept" : "deny"), direction == PolicyType.INGRESS ? "from" : "to",
                AllowFixes.peerName(peer), Integer.toString(verdict.port()), verdict.protocol().name());
        return Optional.of(new ClusterPolicyRule(name.length() > 100 ? name.substring(0, 100) : name, action, List.of(to),
                List.of(ClusterPolicyPort.range(verdict.protocol(), verdict.port(), verdict.port())), SourceRef.NONE));
    }

    private ClusterPolicy newPolicy(String kind, RuleAction action, int priority, PolicyType direction, Endpoint subject,
            ClusterPolicyRule rule, Verdict verdict) {
        Workload workload = selectors.workload(subject.id());
        ClusterPolicySubject pods = new ClusterPolicySubject(Selectors.namespaceNamed(workload.namespace()), selectors.exact(workload));
        String base = Rules.policyName(action == RuleAction.ALLOW ? "accept" : "deny", verdict.source().id(), "to", verdict.destination().id(),
                Integer.toString(verdict.port()), verdict.protocol().name());
        String name = base;
        for (int n = 2; snapshot.clusterPolicy(new PolicyId(kind, name)).isPresent(); n++) {
            name = base + "-" + n;
        }
        List<ClusterPolicyRule> rules = List.of(rule);
        return new ClusterPolicy(kind, name, PolicyTier.ADMIN, priority, pods, direction == PolicyType.INGRESS ? rules : List.of(),
                direction == PolicyType.EGRESS ? rules : List.of(), SourceRef.NONE, "");
    }

    /** The Admin tier's kind as the input writes it: ClusterNetworkPolicy (v1alpha2) where it has one, else AdminNetworkPolicy. */
    private String kindInUse() {
        return snapshot.clusterPolicies().stream().anyMatch(p -> p.kind().equals(ClusterPolicy.CLUSTER_NETWORK_POLICY))
                ? ClusterPolicy.CLUSTER_NETWORK_POLICY : ClusterPolicy.ADMIN_NETWORK_POLICY;
    }

    /** The highest priority number in {@code [from, to]} no Admin-tier policy uses (two at one priority are ambiguous). */
    private Optional<Integer> freePriority(int from, int to) {
        for (int priority = to; priority >= from; priority--) {
            int p = priority;
            if (snapshot.clusterPolicies().stream().noneMatch(c -> c.tier() == PolicyTier.ADMIN && c.priority() == p)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }

    private static ClusterPolicy withRules(ClusterPolicy policy, PolicyType direction, List<ClusterPolicyRule> rules) {
        return new ClusterPolicy(policy.kind(), policy.name(), policy.tier(), policy.priority(), policy.subject(),
                direction == PolicyType.INGRESS ? rules : policy.ingress(), direction == PolicyType.EGRESS ? rules : policy.egress(),
                policy.where(), policy.sourceText());
    }

    private static String connection(Verdict verdict) {
        return verdict.protocol() + " " + verdict.port();
    }
}

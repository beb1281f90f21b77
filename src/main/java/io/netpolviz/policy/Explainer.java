package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns verdicts and policies into words a learner understands. It only reads what the verdict
 * already says; it never re-derives a reason.
 */
public final class Explainer {

    private final Evaluation evaluation;

    public Explainer(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** One line, for {@code check --explain}. */
    public String oneLine(Verdict verdict) {
        return (verdict.allowed() ? "allowed: " : "denied: ") + because(verdict);
    }

    /**
     * Why, in one line without the verdict: both sides when it is allowed, the sides that block
     * (and the open one, in brackets) when it is not.
     */
    public String because(Verdict verdict) {
        String connection = verdict.protocol() + " " + verdict.port();
        if (verdict.networkSeparation() != null) {
            return verdict.separationWords();
        }
        if (verdict.allowed()) {
            return sideSummary(verdict.egress(), verdict, connection) + "; " + sideSummary(verdict.ingress(), verdict, connection);
        }
        List<String> blocked = new ArrayList<>();
        if (!verdict.egress().allows()) {
            blocked.add(sideSummary(verdict.egress(), verdict, connection));
        }
        if (!verdict.ingress().allows()) {
            blocked.add(sideSummary(verdict.ingress(), verdict, connection));
        }
        String reason = String.join("; and ", blocked);
        if (verdict.egress().allows() != verdict.ingress().allows()) {
            SideVerdict open = verdict.egress().allows() ? verdict.egress() : verdict.ingress();
            reason += " (" + sideSummary(open, verdict, connection) + ")";
        }
        return reason;
    }

    private String sideSummary(SideVerdict side, Verdict verdict, String connection) {
        String who = side.direction() == PolicyType.EGRESS ? verdict.source().id() : verdict.destination().id();
        String direction = directionWord(side.direction());
        return switch (side.governance()) {
            case EXTERNAL -> direction + " of " + who + " is outside the cluster, no policy governs it";
            case HOST_NETWORK -> who + " runs on the host network, NetworkPolicy does not govern its " + direction;
            case SELF -> "a pod reaching itself follows no policy (loopback), so " + direction + " of " + who + " is not governed";
            case POD -> {
                if (side.decidedBy() == SideVerdict.Layer.CALICO_TIER) {
                    yield CalicoWords.summary(side, who);
                }
                String passed = CalicoWords.passedOn(side) + passedBy(side);
                if (side.decidedBy() == SideVerdict.Layer.ADMIN_TIER) {
                    yield TierWords.decides(side.adminRule()) + TierWords.finalWords(side.adminRule());
                }
                if (side.decidedBy() == SideVerdict.Layer.BASELINE_TIER) {
                    yield passed + TierWords.decides(side.baselineRule()) + " (no NetworkPolicy isolates " + direction + " of " + who + ")";
                }
                if (!side.isolated()) {
                    if (!passed.isEmpty()) {
                        yield passed + direction + " of " + who + " is not isolated, and no Baseline rule decides";
                    }
                    yield direction + " of " + who + " is not isolated (no policy selects it for " + direction + ")";
                }
                String isolatedBy = join(side.isolatingPolicies().stream().map(PolicyId::toString).toList());
                if (side.admittingRules().isEmpty()) {
                    yield passed + direction + " of " + who + " is isolated by " + isolatedBy + " and no " + direction + " rule admits "
                            + (side.direction() == PolicyType.EGRESS ? verdict.destination().id() : verdict.source().id()) + " on " + connection;
                }
                yield passed + direction + " of " + who + " admitted by " + join(side.admittingRules().stream().map(RuleRef::display).toList());
            }
        };
    }

    /**
     * What the ordered tiers did on one side, in one sentence: the Admin rule that decided (no
     * NetworkPolicy is consulted) or passed, and the Baseline rule that decided; empty when no
     * cluster-wide rule matched.
     */
    public String tierDecision(SideVerdict side) {
        List<String> parts = new ArrayList<>();
        if (side.adminRule() != null) {
            parts.add(TierWords.decides(side.adminRule()) + (side.decidedBy() == SideVerdict.Layer.ADMIN_TIER
                    ? TierWords.finalWords(side.adminRule()) : " on to NetworkPolicies"));
        }
        if (side.decidedBy() == SideVerdict.Layer.BASELINE_TIER) {
            parts.add(TierWords.decides(side.baselineRule()) + ", as no NetworkPolicy isolates this side");
        }
        return String.join("; ", parts);
    }

    /**
     * What Calico's tiers did on one side, in one sentence: the rule or tier default that decided,
     * or the Calico rules that passed it on (ending in "; "); empty when Calico took no part.
     */
    public String calicoDecision(SideVerdict side, String who) {
        return side.decidedBy() == SideVerdict.Layer.CALICO_TIER ? CalicoWords.summary(side, who) : CalicoWords.passedOn(side);
    }

    /** {@code Admin tier: `x` (priority 5) rule `y` passes this on; } when the Admin tier passed, else empty. */
    private static String passedBy(SideVerdict side) {
        return side.adminRule() == null ? "" : TierWords.decides(side.adminRule()) + " on to NetworkPolicies; ";
    }

    /** The full reasoning for one connection, for {@code explain} and the GUI's edge panel. */
    public String explain(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        String connection = verdict.protocol() + " " + verdict.port();
        out.append("Connection: ").append(verdict.source().id()).append(" \u2192 ").append(verdict.destination().id())
                .append(" on ").append(connection).append('\n');
        out.append("Verdict: ").append(verdict.allowed() ? "ALLOWED \u2713" : "DENIED \u2717").append("\n\n");
        if (verdict.networkSeparation() != null) {
            out.append("Networks: ").append(verdict.separationWords()).append(". The policies below are shown for what they would say.\n\n");
        }
        out.append("A new connection needs two permissions: the source's egress must allow it, and the destination's ingress must allow it.\n\n");
        explainSide(out, 1, verdict.egress(), verdict, connection);
        out.append('\n');
        explainSide(out, 2, verdict.ingress(), verdict, connection);
        out.append('\n').append("Why: ").append(conclusion(verdict, connection)).append('\n');
        if (verdict.source() instanceof Endpoint.External || verdict.destination() instanceof Endpoint.External) {
            out.append("\nNote: ipBlock rules are meant for addresses outside the cluster. Whether they also match pod addresses depends on the network plugin, so NetPolViz treats them as external-only.\n");
        }
        for (String note : CiliumNotes.of(evaluation, verdict)) {
            out.append("\nDecided at run time: ").append(note).append(".\n");
        }
        out.append("\nReplies on an allowed connection are part of that connection: they need no rule of their own.\n");
        return out.toString();
    }

    private void explainSide(StringBuilder out, int step, SideVerdict side, Verdict verdict, String connection) {
        boolean egress = side.direction() == PolicyType.EGRESS;
        Endpoint subject = egress ? verdict.source() : verdict.destination();
        Endpoint peer = egress ? verdict.destination() : verdict.source();
        out.append(step).append(". ").append(egress ? "Egress from " : "Ingress to ").append(subject.id())
                .append(egress ? " (may the source send?)" : " (may the destination receive?)").append('\n');
        switch (side.governance()) {
            case EXTERNAL -> out.append("   ").append(subject.id()).append(" is outside the cluster; no NetworkPolicy governs this side.\n")
                    .append("   \u2192 allowed on this side.\n");
            case HOST_NETWORK -> out.append("   ").append(subject.id())
                    .append(" runs on the host network. NetworkPolicy does not govern host-network pods; what happens depends on the network plugin.\n")
                    .append("   \u2192 not governed on this side (shown as allowed).\n");
            case SELF -> out.append("   A pod reaching itself (loopback) follows no policy of any kind.\n")
                    .append("   \u2192 allowed on this side.\n");
            case POD -> explainTieredSide(out, side, subject, peer, connection, egress);
        }
        for (TierRuleRef ref : side.undecidableRules()) {
            out.append("   Note: ").append(ref.display()).append(" (").append(ref.action().verb())
                    .append(") names nodes or domain names; whether it matches cannot be known from the manifests, and it is not counted.\n");
        }
        if (!side.switchedOffPolicies().isEmpty()) {
            out.append("   Switched off for this what-if: ").append(join(side.switchedOffPolicies().stream().map(PolicyId::toString).toList()))
                    .append(" (").append(side.switchedOffPolicies().size() == 1 ? "it" : "they").append(" would also isolate this side).\n");
        }
    }

    private void explainTieredSide(StringBuilder out, SideVerdict side, Endpoint subject, Endpoint peer, String connection, boolean egress) {
        if (CalicoWords.explain(out, evaluation, side, subject, peer)) {
            return;
        }
        String direction = directionWord(side.direction());
        if (side.adminRule() != null) {
            out.append("   ").append(TierWords.decides(side.adminRule())).append(": ").append(TierWords.describe(evaluation, side.adminRule()))
                    .append('\n');
            if (side.decidedBy() == SideVerdict.Layer.ADMIN_TIER) {
                out.append(io.netpolviz.model.CiliumPolicy.isCilium(side.adminRule().policy())
                        ? "   Cilium's deny rules decide before any allow, of any kind (CiliumNetworkPolicy, clusterwide, NetworkPolicy).\n"
                        : "   The Admin tier decides first; no NetworkPolicy is consulted.\n")
                        .append(side.allows() ? "   \u2192 allowed on this side.\n" : "   \u2192 blocked on this side.\n");
                return;
            }
            out.append("   Pass: the decision goes on to NetworkPolicies.\n");
        }
        if (side.isolated() || side.baselineRule() == null) {
            explainPodSide(out, side, subject, peer, connection, egress);
            return;
        }
        out.append("   No NetworkPolicy isolates the ").append(direction).append(" of ").append(subject.id())
                .append(", so the Baseline tier decides.\n");
        out.append("   ").append(TierWords.decides(side.baselineRule())).append(": ")
                .append(TierWords.describe(evaluation, side.baselineRule())).append('\n');
        out.append(side.allows() ? "   \u2192 allowed on this side.\n" : "   \u2192 blocked on this side.\n");
    }

    private void explainPodSide(StringBuilder out, SideVerdict side, Endpoint subject, Endpoint peer, String connection, boolean egress) {
        String direction = directionWord(side.direction());
        if (!side.isolated()) {
            out.append("   No switched-on policy that selects ").append(subject.id()).append(" has ").append(side.direction().apiName())
                    .append(" in its policyTypes, so its ").append(direction).append(" is not isolated: everything is allowed on this side.\n")
                    .append("   \u2192 allowed on this side.\n");
            return;
        }
        out.append("   ").append(capitalize(direction)).append(" is isolated by ")
                .append(join(side.isolatingPolicies().stream().map(PolicyId::toString).toList()))
                .append(": only what an ").append(direction).append(" rule of ").append(side.isolatingPolicies().size() == 1 ? "that policy" : "these policies")
                .append(" admits gets through.\n");
        if (!side.admittingRules().isEmpty()) {
            for (RuleRef ref : side.admittingRules()) {
                out.append("   Admitted by ").append(ref.display()).append(": ").append(describeRule(ref)).append('\n');
            }
            out.append("   \u2192 allowed on this side.\n");
            return;
        }
        for (RuleRef ref : side.peerMatchedRules()) {
            out.append("   ").append(ref.display()).append(" matches ").append(peer.id()).append(" but not ").append(connection)
                    .append(": ").append(describeRule(ref)).append('\n');
        }
        for (PolicyId id : side.isolatingPolicies()) {
            CompiledPolicy policy = evaluation.engine().policy(id).orElseThrow();
            if (policy.rules(side.direction()).isEmpty()) {
                out.append("   ").append(id).append(" has no ").append(direction).append(" rules: it only isolates.\n");
            }
        }
        out.append("   No ").append(direction).append(" rule admits ").append(peer.id()).append(" on ").append(connection).append(".\n");
        out.append("   \u2192 blocked on this side.\n");
    }

    private String conclusion(Verdict verdict, String connection) {
        if (verdict.networkSeparation() != null) {
            return verdict.separationWords() + ".";
        }
        SideVerdict egress = verdict.egress();
        SideVerdict ingress = verdict.ingress();
        if (verdict.allowed()) {
            return "both sides allow " + connection + ", so the connection is allowed.";
        }
        for (SideVerdict side : List.of(egress, ingress)) {
            if (!side.allows() && side.decidedBy() != SideVerdict.Layer.NETWORK_POLICY) {
                return sideSummary(side, verdict, connection) + ".";
            }
        }
        if (!egress.allows() && ingress.allows()) {
            String text = verdict.source().id() + "'s egress is isolated and nothing there allows this connection.";
            if (ingress.isolated() && !ingress.admittingRules().isEmpty()) {
                text += " The ingress rule at " + verdict.destination().id() + " is not enough on its own: an ingress allow opens only the"
                        + " receiving side. To open the path, add an egress rule to a policy that selects " + verdict.source().id()
                        + ", allowing " + verdict.destination().id() + " on " + connection + ".";
            }
            return text;
        }
        if (egress.allows() && !ingress.allows()) {
            String text = verdict.destination().id() + "'s ingress is isolated and no ingress rule admits " + verdict.source().id() + " on " + connection + ".";
            if (egress.isolated() && !egress.admittingRules().isEmpty()) {
                text += " The egress rule at " + verdict.source().id() + " opens only the sending side; the destination must admit the traffic too.";
            }
            return text;
        }
        return "neither side allows it: " + verdict.source().id() + "'s egress and " + verdict.destination().id()
                + "'s ingress are both isolated without a rule for " + connection + ".";
    }

    /**
     * The one change that would let a blocked connection through, as a sentence naming the rule to
     * add and where, read from the sides that block it; empty when the connection is allowed.
     */
    public Optional<String> fix(Verdict verdict) {
        return fix(verdict, verdict.protocol() + " " + verdict.port());
    }

    /**
     * The fix for a verdict that several ports share, {@code connection} naming them ({@code TCP 53
     * and UDP 53}).
     */
    public Optional<String> fix(Verdict verdict, String connection) {
        if (verdict.allowed() || verdict.networkSeparation() != null) {
            return Optional.empty(); // no policy change can join two networks
        }
        List<String> changes = new ArrayList<>();
        if (!verdict.egress().allows()) {
            changes.add(sideFix(verdict.egress(), verdict.source(), verdict.destination(), connection));
        }
        if (!verdict.ingress().allows()) {
            changes.add(sideFix(verdict.ingress(), verdict.destination(), verdict.source(), connection));
        }
        return Optional.of(capitalize(String.join(", and ", changes)) + ".");
    }

    /** The change on one blocking side: widen the rule that already names the peer, else add one. */
    private static String sideFix(SideVerdict side, Endpoint subject, Endpoint peer, String connection) {
        String direction = directionWord(side.direction());
        if (side.decidedBy() == SideVerdict.Layer.CALICO_TIER) {
            return "change or switch off the Calico policy that decides it (" + CalicoWords.summary(side, subject.id()) + ")";
        }
        if (side.decidedBy() == SideVerdict.Layer.ADMIN_TIER || side.decidedBy() == SideVerdict.Layer.BASELINE_TIER) {
            TierRuleRef rule = side.decidedBy() == SideVerdict.Layer.ADMIN_TIER ? side.adminRule() : side.baselineRule();
            String after = side.decidedBy() == SideVerdict.Layer.ADMIN_TIER ? " (no NetworkPolicy can override it)"
                    : " (or add a NetworkPolicy " + direction + " rule for it, which the Baseline tier yields to)";
            return "ask the cluster administrator to change " + rule.display() + ", which denies it" + after;
        }
        if (!side.peerMatchedRules().isEmpty()) {
            return "add " + connection + " to the ports of " + side.peerMatchedRules().get(0).display() + ", which already names "
                    + peer.id();
        }
        String where = subject instanceof Endpoint.Pods pods ? " in namespace " + pods.podClass().namespace() : "";
        return "add an " + direction + " rule " + (side.direction() == PolicyType.EGRESS ? "allowing " : "admitting ") + peer.id()
                + " on " + connection + " to a policy" + where + " that selects " + subject.id();
    }

    /** {@code from pods app=frontend in the policy's namespace (matches production/frontend); ports TCP 8080}. */
    public String describeRule(RuleRef ref) {
        java.util.Optional<io.netpolviz.model.CiliumRule> cilium = CiliumNotes.rule(evaluation, ref);
        if (cilium.isPresent()) {
            return cilium.get().display(ref.direction());
        }
        CompiledPolicy policy = evaluation.engine().policy(ref.policy()).orElseThrow();
        CompiledRule rule = policy.rules(ref.direction()).get(ref.index());
        PolicyRule source = rule.source();
        String fromOrTo = ref.direction() == PolicyType.INGRESS ? "from " : "to ";
        String peers;
        if (source.allowsAllPeers()) {
            peers = fromOrTo + "anyone (every pod and every address)";
        } else {
            List<String> parts = new ArrayList<>();
            for (PolicyPeer peer : source.peers()) {
                parts.add(peer.display());
            }
            peers = fromOrTo + String.join(" or ", parts);
            List<String> matched = matchedWorkloads(rule.peerClasses());
            peers += matched.isEmpty() ? (rule.ipBlocks().size() == source.peers().size() ? "" : " (matches no pod)")
                    : " (matches " + join(matched) + ")";
        }
        String ports = source.allowsAllPorts() ? "all ports"
                : "ports " + String.join(", ", source.ports().stream().map(PolicyPort::display).toList());
        return peers + "; " + ports;
    }

    private List<String> matchedWorkloads(BitSet classes) {
        List<String> ids = new ArrayList<>();
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            evaluation.engine().classes().get(c).workloads().forEach(w -> ids.add(w.id()));
        }
        return ids.stream().sorted().toList();
    }

    /** The policy in plain words, resolved against the cluster: which pods, which peers, which ports. */
    public String describePolicy(PolicyId id) {
        CompiledPolicy policy = evaluation.engine().policy(id).orElseThrow(() -> new IllegalArgumentException("no policy " + id));
        StringBuilder out = new StringBuilder();
        out.append("Policy ").append(id).append(evaluation.isSwitchedOn(id) ? " (switched on)" : " (switched off)").append('\n');
        out.append("Selects pods ").append(policy.source().podSelector().display()).append(" in namespace ").append(id.namespace()).append(": ");
        List<String> selected = matchedWorkloads(policy.selectedClasses());
        out.append(selected.isEmpty() ? "no pod at all (check the labels)." : join(selected) + ".").append('\n');
        List<String> types = policy.types().stream().sorted().map(PolicyType::apiName).toList();
        out.append("Policy types: ").append(types.isEmpty() ? "none" : String.join(", ", types));
        if (policy.source().declaredPolicyTypes() == null) {
            out.append(policy.types().contains(PolicyType.EGRESS)
                    ? " (not written: Ingress by default, and Egress because the policy has egress rules)"
                    : " (not written: Ingress by default; Egress only when the policy has egress rules)");
        }
        out                .append('\n');
        for (PolicyType direction : PolicyType.values()) {
            String word = directionWord(direction);
            if (!policy.isolates(direction)) {
                if (!policy.rules(direction).isEmpty()) {
                    out.append(capitalize(word)).append(" rules are present but ").append(direction.apiName())
                            .append(" is not in policyTypes, so they have no effect.\n");
                }
                continue;
            }
            if (policy.rules(direction).isEmpty()) {
                out.append(capitalize(word)).append(": isolated, and no rule admits anything: all ").append(word).append(" is denied.\n");
                continue;
            }
            out.append(capitalize(word)).append(": isolated; allowed only:\n");
            for (CompiledRule rule : policy.rules(direction)) {
                out.append("  rule #").append(rule.ref().index()).append(": ").append(describeRule(rule.ref())).append('\n');
            }
        }
        return out.toString();
    }

    private static String directionWord(PolicyType direction) {
        return direction.apiName().toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String join(List<String> items) {
        return String.join(", ", items);
    }
}

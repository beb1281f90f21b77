package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about switched-on Calico policies that need no evaluation to be sure of: a rule after
 * one that matches every packet can never match (docs.tigera.io, Tier reference, "How policy is
 * evaluated": the first rule that Allows, Denies or Passes ends the policy's say), and a Pass in
 * the last tier hands the packet to no tier, so nothing after it decides and the packet is
 * allowed. Both are read off the rules as written; a rule with any match field is never called
 * unconditional. A rule naming addresses is flagged when some pods' addresses are unknown ({@link PodAddresses}).
 */
final class CalicoLint {

    private CalicoLint() {
    }

    static List<LintFinding> lint(Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        List<LintFinding> findings = new ArrayList<>();
        if (!engine.hasCalico()) {
            return findings;
        }
        List<OrderedTiers.Tier> tiers = engine.orderedTiers().tiers();
        String lastTier = tiers.get(tiers.size() - 1).name();
        List<String> unaddressed = PodAddresses.unaddressedWorkloads(engine.classes());
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            if (!evaluation.isCalicoEnabled(policy.index())) {
                continue;
            }
            for (PolicyType direction : PolicyType.values()) {
                unreachableRules(policy, direction, findings);
                if (!unaddressed.isEmpty()) {
                    podsWithoutAddress(policy, direction, unaddressed, findings);
                }
                if (policy.tier().name().equals(lastTier)) {
                    passesInTheLastTier(policy, direction, findings);
                }
            }
        }
        return findings;
    }

    /** Every rule after the first unconditional Allow, Deny or Pass. */
    private static void unreachableRules(CompiledCalicoPolicy policy, PolicyType direction, List<LintFinding> findings) {
        List<CompiledCalicoRule> rules = policy.rules(direction);
        for (int r = 0; r < rules.size(); r++) {
            if (!unconditional(rules.get(r).source())) {
                continue;
            }
            for (int later = r + 1; later < rules.size(); later++) {
                findings.add(new LintFinding(LintFinding.Kind.UNREACHABLE_CALICO_RULE, Severity.WARNING,
                        rules.get(later).ref().display() + " can never match: " + rules.get(r).ref().display() + " before it matches every"
                                + " packet and ends the policy's evaluation. Remove the later rule or move it up.",
                        policy.id(), List.of()));
            }
            return;
        }
    }

    private static void passesInTheLastTier(CompiledCalicoPolicy policy, PolicyType direction, List<LintFinding> findings) {
        for (CompiledCalicoRule rule : policy.rules(direction)) {
            if (rule.source().action() == CalicoRule.Action.PASS) {
                findings.add(new LintFinding(LintFinding.Kind.PASS_IN_LAST_TIER, Severity.WARNING,
                        rule.ref().display() + " passes to the next tier, but tier " + policy.tier().name() + " is the last one: no tier"
                                + " after it decides, so what it passes is allowed. Write Allow if that is meant, or Deny.",
                        policy.id(), List.of()));
            }
        }
    }

    /**
     * A rule that names addresses (nets, notNets, or a network set its selector picks) matches pods by their addresses too; a
     * pod whose address the source does not give is taken as outside them, which the running cluster may contradict.
     */
    private static void podsWithoutAddress(CompiledCalicoPolicy policy, PolicyType direction, List<String> unaddressed,
            List<LintFinding> findings) {
        for (CompiledCalicoRule rule : policy.rules(direction)) {
            CalicoEntity peer = rule.source().peer(direction);
            boolean namesAddresses = !peer.nets().isEmpty() || !peer.notNets().isEmpty()
                    || rule.peerNetworkSets().stream().anyMatch(set -> !set.nets().isEmpty());
            if (namesAddresses) {
                findings.add(new LintFinding(LintFinding.Kind.TIER_PEER_UNDECIDABLE, Severity.WARNING,
                        rule.ref().display() + " names addresses, which match pods by their addresses too; " + unaddressed.size()
                                + " workloads have no known address (such as " + unaddressed.get(0) + "), so the picture treats them as"
                                + " outside those addresses. Read a live cluster, or give the pods' status.podIP, to decide them.",
                        policy.id(), List.of()));
            }
        }
    }

    /** Decides every packet: Allow, Deny or Pass with no protocol, no match field and nothing only the data plane can tell. */
    static boolean unconditional(CalicoRule rule) {
        return rule.action() != CalicoRule.Action.LOG && rule.protocol() == null && rule.notProtocol() == null && rule.runTime().isEmpty()
                && CalicoEntity.ANY.equals(rule.source()) && CalicoEntity.ANY.equals(rule.destination());
    }
}

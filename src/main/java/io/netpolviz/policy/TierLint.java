package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Warnings about the ordered tiers of the switched-on cluster-wide policies: ties the spec
 * leaves undefined, Passes that hand traffic to nothing, rules an earlier one shadows,
 * NetworkPolicy rules an Admin Deny makes pointless, peers the manifests cannot resolve, and
 * named ports no destination pod declares.
 * Coverage is checked rule against rule (one earlier rule that holds all the later one
 * matches), which is exact for what it reports and may miss a rule shadowed only by several.
 */
final class TierLint {

    private final Evaluation evaluation;
    private final PolicyEngine engine;
    private final List<CompiledTierPolicy> enabled = new ArrayList<>();
    private final List<LintFinding> findings = new ArrayList<>();

    private TierLint(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.engine = evaluation.engine();
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            // Cilium's denies are not network-policy-api policies: priorities, Pass and shadowing mean nothing to them.
            if (evaluation.isTierEnabled(policy.index()) && !io.netpolviz.model.CiliumPolicy.isCilium(policy.id())) {
                enabled.add(policy);
            }
        }
    }

    static List<LintFinding> lint(Evaluation evaluation) {
        TierLint lint = new TierLint(evaluation);
        if (lint.enabled.isEmpty()) {
            return List.of();
        }
        lint.samePriorityOverlaps();
        lint.passesThatDecideNothing();
        lint.shadowedRules();
        lint.overriddenNetworkPolicyRules();
        lint.undecidablePeers();
        lint.undeclaredNamedPorts();
        return lint.findings;
    }

    private void samePriorityOverlaps() {
        for (int a = 0; a < enabled.size(); a++) {
            for (int b = a + 1; b < enabled.size(); b++) {
                CompiledTierPolicy first = enabled.get(a);
                CompiledTierPolicy second = enabled.get(b);
                if (first.tier() != second.tier() || first.priority() != second.priority()
                        || !first.subjectClassesView().intersects(second.subjectClassesView())) {
                    continue;
                }
                String conflict = conflictingRules(first, second);
                if (conflict != null) {
                    findings.add(new LintFinding(LintFinding.Kind.SAME_PRIORITY_OVERLAP, Severity.WARNING,
                            first.tier().apiName() + " tier: " + name(first) + " and " + name(second) + " both have priority "
                                    + first.priority() + " and apply to the same pods, and " + conflict + ". The API leaves the order of"
                                    + " such policies undefined, so the cluster may apply either; NetPolViz shows " + name(first)
                                    + " first (by name). Give them different priorities.",
                            first.id(), List.of()));
                }
            }
        }
    }

    /** A description of two rules of the policies that match the same traffic with different actions, or null. */
    private static String conflictingRules(CompiledTierPolicy first, CompiledTierPolicy second) {
        for (PolicyType direction : PolicyType.values()) {
            for (CompiledTierRule x : first.rules(direction)) {
                for (CompiledTierRule y : second.rules(direction)) {
                    if (x.ref().action() != y.ref().action() && overlaps(x, y)) {
                        return x.ref().ruleDisplay() + " (" + x.ref().action().verb() + ") and " + y.ref().ruleDisplay() + " ("
                                + y.ref().action().verb() + ") match the same " + direction.apiName().toLowerCase(Locale.ROOT) + " traffic";
                    }
                }
            }
        }
        return null;
    }

    private static boolean overlaps(CompiledTierRule x, CompiledTierRule y) {
        boolean peers = x.peerClassesView().intersects(y.peerClassesView())
                || x.networks().stream().anyMatch(n -> y.networks().stream().anyMatch(n::overlaps));
        return peers && !x.numericPorts().intersect(y.numericPorts()).isEmpty();
    }

    private void passesThatDecideNothing() {
        for (CompiledTierPolicy policy : enabled) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledTierRule rule : policy.rules(direction)) {
                    if (rule.ref().action() != RuleAction.PASS) {
                        continue;
                    }
                    if (policy.tier() == PolicyTier.BASELINE) {
                        findings.add(passFinding(policy, rule, "a Pass in the Baseline tier leaves the traffic to the default, which allows"
                                + " it: write Accept if that is the intent"));
                    } else if (!anythingBelowDecides(policy, direction)) {
                        findings.add(passFinding(policy, rule, "no NetworkPolicy isolates the " + direction.apiName().toLowerCase(Locale.ROOT)
                                + " of the pods it applies to and no Baseline rule applies to them, so the default allows what it passes:"
                                + " write Accept if that is the intent, or add the NetworkPolicy that should decide"));
                    }
                }
            }
        }
    }

    private LintFinding passFinding(CompiledTierPolicy policy, CompiledTierRule rule, String why) {
        return new LintFinding(LintFinding.Kind.PASS_DECIDES_NOTHING, Severity.WARNING, rule.ref().display() + " passes traffic on, but "
                + why + ".", policy.id(), List.of());
    }

    private boolean anythingBelowDecides(CompiledTierPolicy policy, PolicyType direction) {
        BitSet subject = policy.subjectClassesView();
        for (int c = subject.nextSetBit(0); c >= 0; c = subject.nextSetBit(c + 1)) {
            if (evaluation.isolatingIndices(direction, c).length > 0) {
                return true;
            }
        }
        for (CompiledTierPolicy baseline : enabled) {
            if (baseline.tier() == PolicyTier.BASELINE && !baseline.rules(direction).isEmpty()
                    && baseline.subjectClassesView().intersects(subject)) {
                return true;
            }
        }
        return false;
    }

    private void shadowedRules() {
        for (int p = 0; p < enabled.size(); p++) {
            CompiledTierPolicy policy = enabled.get(p);
            for (PolicyType direction : PolicyType.values()) {
                List<CompiledTierRule> rules = policy.rules(direction);
                for (int r = 0; r < rules.size(); r++) {
                    CompiledTierRule later = rules.get(r);
                    CompiledTierRule earlier = coveringEarlierRule(p, r, direction, later, policy.subjectClassesView());
                    if (earlier != null) {
                        findings.add(new LintFinding(LintFinding.Kind.SHADOWED_TIER_RULE, Severity.WARNING,
                                later.ref().display() + " can never take effect: " + earlier.ref().display() + " comes first and "
                                        + earlier.ref().action().verb() + " everything it matches.",
                                policy.id(), List.of()));
                    }
                }
            }
        }
    }

    /** An earlier rule of the same tier (this policy's, or a policy earlier in decision order) that holds all {@code later} matches. */
    private CompiledTierRule coveringEarlierRule(int policyAt, int ruleAt, PolicyType direction, CompiledTierRule later, BitSet subject) {
        if (later.undecidable()) {
            return null;
        }
        for (int p = 0; p <= policyAt; p++) {
            CompiledTierPolicy candidate = enabled.get(p);
            if (candidate.tier() != enabled.get(policyAt).tier() || !contains(candidate.subjectClassesView(), subject)) {
                continue;
            }
            if (p < policyAt && candidate.priority() == enabled.get(policyAt).priority()) {
                continue; // a tie, reported as such: which comes first is undefined
            }
            List<CompiledTierRule> rules = candidate.rules(direction);
            int end = p == policyAt ? ruleAt : rules.size();
            for (int r = 0; r < end; r++) {
                CompiledTierRule earlier = rules.get(r);
                if (covers(earlier, later)) {
                    return earlier;
                }
            }
        }
        return null;
    }

    private static boolean covers(CompiledTierRule earlier, CompiledTierRule later) {
        if (!contains(earlier.peerClassesView(), later.peerClassesView())) {
            return false;
        }
        for (Cidr network : later.networks()) {
            if (!earlier.matchesExternal(new IpBlock(network, List.of()))) {
                return false;
            }
        }
        boolean laterNamed = later.source().ports().stream().anyMatch(io.netpolviz.model.ClusterPolicyPort::isNamed);
        PortSet earlierPorts = earlier.numericPorts();
        if (laterNamed) {
            return earlierPorts.isAll();
        }
        return later.numericPorts().minus(earlierPorts).isEmpty();
    }

    /** Whether every bit of {@code inner} is set in {@code outer}. */
    static boolean contains(BitSet outer, BitSet inner) {
        BitSet rest = (BitSet) inner.clone();
        rest.andNot(outer);
        return rest.isEmpty();
    }

    private void overriddenNetworkPolicyRules() {
        for (CompiledPolicy policy : engine.policies()) {
            if (!evaluation.isEnabled(policy.index())) {
                continue;
            }
            for (PolicyType direction : policy.types()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    if (rule.allPeers() || !rule.ipBlocks().isEmpty() || rule.peerClasses().isEmpty()) {
                        continue;
                    }
                    CompiledTierRule deny = overridingDeny(policy.selectedClassesView(), direction, rule);
                    if (deny != null) {
                        findings.add(new LintFinding(LintFinding.Kind.NETWORK_POLICY_RULE_OVERRIDDEN, Severity.WARNING,
                                rule.ref().display() + " can never take effect: " + deny.ref().display()
                                        + " denies all it admits, and the Admin tier decides before any NetworkPolicy.",
                                policy.id(), List.of()));
                    }
                }
            }
        }
    }

    /**
     * The first Admin Deny that covers the rule (its subject holds the policy's pods, its peers the
     * rule's, its ports the rule's), provided no Admin rule before it could allow or pass part of it.
     */
    private CompiledTierRule overridingDeny(BitSet selected, PolicyType direction, CompiledRule rule) {
        BitSet peers = rule.peerClasses();
        PortSet ports = rule.hasNamedPorts() ? PortSet.ALL : rule.numericPorts();
        for (CompiledTierPolicy policy : enabled) {
            if (policy.tier() != PolicyTier.ADMIN || !policy.subjectClassesView().intersects(selected)) {
                continue;
            }
            for (CompiledTierRule admin : policy.rules(direction)) {
                boolean touches = admin.peerClassesView().intersects(peers) && !admin.numericPorts().intersect(ports).isEmpty()
                        || admin.source().ports().stream().anyMatch(io.netpolviz.model.ClusterPolicyPort::isNamed)
                        && admin.peerClassesView().intersects(peers);
                if (!touches) {
                    continue;
                }
                if (admin.ref().action() != RuleAction.DENY) {
                    return null;
                }
                if (contains(policy.subjectClassesView(), selected) && contains(admin.peerClassesView(), peers)
                        && ports.minus(admin.numericPorts()).isEmpty()) {
                    return admin;
                }
            }
        }
        return null;
    }

    private void undecidablePeers() {
        for (CompiledTierPolicy policy : enabled) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledTierRule rule : policy.rules(direction)) {
                    if (rule.undecidable()) {
                        findings.add(new LintFinding(LintFinding.Kind.TIER_PEER_UNDECIDABLE, Severity.WARNING,
                                rule.ref().display() + " names nodes or domain names, which the manifests cannot resolve: the picture"
                                        + " does not count them, so connections to node addresses, host-network pods or those domains may be"
                                        + " decided otherwise in the cluster.",
                                policy.id(), List.of()));
                    }
                    if (!rule.networks().isEmpty()) {
                        List<String> unaddressed = PodAddresses.unaddressedWorkloads(engine.classes());
                        if (!unaddressed.isEmpty()) {
                            findings.add(new LintFinding(LintFinding.Kind.TIER_PEER_UNDECIDABLE, Severity.WARNING,
                                    rule.ref().display() + " names CIDRs, which match pods by their addresses; " + unaddressed.size()
                                            + " workloads have no known address (such as " + unaddressed.get(0) + "), so the picture treats"
                                            + " them as outside those CIDRs. Read a live cluster, or give the pods' status.podIP, to decide them.",
                                    policy.id(), List.of()));
                        }
                    }
                }
            }
        }
    }

    /**
     * A named port resolves at the destination: the subject's pods for ingress, the peers' pods for
     * egress. One that none of them declares lets the rule match nothing on that port (as
     * netpol-analyzer warns for tests/anp_banp_test_multiple_warnings).
     */
    private void undeclaredNamedPorts() {
        for (CompiledTierPolicy policy : enabled) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledTierRule rule : policy.rules(direction)) {
                    BitSet destinations = direction == PolicyType.INGRESS ? policy.selectedClasses() : rule.peerClassesView();
                    for (ClusterPolicyPort port : rule.source().ports()) {
                        if (port.isNamed() && !declaredBy(destinations, port.namedPort())) {
                            findings.add(new LintFinding(LintFinding.Kind.NAMED_PORT_UNDECLARED, Severity.WARNING,
                                    rule.ref().display() + " names the port '" + port.namedPort() + "', which no "
                                            + (direction == PolicyType.INGRESS ? "pod of its subject" : "pod it reaches") + " declares as a"
                                            + " container port, so on that port the rule matches nothing. Check the name against the pods'"
                                            + " ports.",
                                    policy.id(), List.of()));
                        }
                    }
                }
            }
        }
    }

    private boolean declaredBy(BitSet classes, String name) {
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            if (engine.classes().get(c).ports().stream().anyMatch(port -> name.equals(port.name()))) {
                return true;
            }
        }
        return false;
    }

    private static String name(CompiledTierPolicy policy) {
        return policy.id().namespace() + " `" + policy.id().name() + "`";
    }
}

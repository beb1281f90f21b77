package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Warnings about Cilium's deny rules: an allow rule (of a Cilium policy or a NetworkPolicy) that a
 * switched-on Cilium deny rule covers entirely can never take effect, since "Deny policies take
 * precedence over allow policies, regardless of whether they are a Cilium Network Policy, a
 * Clusterwide Cilium Network Policy or even a Kubernetes Network Policy"
 * (https://docs.cilium.io/en/stable/security/policy/language/#deny-policies). Coverage is checked
 * rule against rule (one deny holds every pod the allow applies to, every peer and every port it
 * admits), which is exact for what it reports and may miss an allow covered only by several denies.
 */
final class CiliumLint {

    private static final List<IpBlock> EVERY_ADDRESS = List.of(new IpBlock(Cidr.parse("0.0.0.0/0").orElseThrow(), List.of()),
            new IpBlock(Cidr.parse("::/0").orElseThrow(), List.of()));

    private CiliumLint() {
    }

    static List<LintFinding> lint(Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        List<CompiledTierPolicy> denies = new ArrayList<>();
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            if (evaluation.isTierEnabled(policy.index()) && CiliumPolicy.isCilium(policy.id())) {
                denies.add(policy);
            }
        }
        List<LintFinding> findings = new ArrayList<>();
        if (denies.isEmpty()) {
            return findings;
        }
        for (CompiledPolicy policy : engine.policies()) {
            if (!evaluation.isEnabled(policy.index()) || policy.selectedClassesView().isEmpty()) {
                continue;
            }
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    if (decidedAtRunTime(evaluation, rule)) {
                        continue;
                    }
                    CompiledTierRule deny = coveringDeny(denies, policy.selectedClassesView(), direction, rule, engine.classes().size());
                    if (deny != null) {
                        findings.add(new LintFinding(LintFinding.Kind.CILIUM_ALLOW_DENIED, Severity.WARNING,
                                rule.ref().display() + " can never take effect: " + deny.ref().display() + " denies all it admits,"
                                        + " and a Cilium deny wins over every allow of any kind. Remove the allow, or narrow the deny.",
                                policy.id(), List.of()));
                    }
                }
            }
        }
        return findings;
    }

    /** A rule that admits nothing the manifests show, or names peers only the cluster resolves: no deny can be said to cover it. */
    private static boolean decidedAtRunTime(Evaluation evaluation, CompiledRule rule) {
        if (!rule.allPeers() && rule.peerClasses().isEmpty() && rule.ipBlocks().isEmpty()) {
            return true;
        }
        return CiliumNotes.rule(evaluation, rule.ref()).map(cilium -> !cilium.runtimePeers().isEmpty()).orElse(false);
    }

    /** The first switched-on Cilium deny whose subject holds {@code selected} and that matches every peer and port of {@code rule}. */
    private static CompiledTierRule coveringDeny(List<CompiledTierPolicy> denies, BitSet selected, PolicyType direction, CompiledRule rule,
            int classCount) {
        BitSet peers = rule.allPeers() ? every(classCount) : rule.peerClasses();
        List<IpBlock> blocks = rule.allPeers() ? EVERY_ADDRESS : rule.ipBlocks();
        for (CompiledTierPolicy policy : denies) {
            if (!TierLint.contains(policy.subjectClassesView(), selected)) {
                continue;
            }
            for (CompiledTierRule deny : policy.rules(direction)) {
                if (TierLint.contains(deny.peerClassesView(), peers) && blocks.stream().allMatch(deny::matchesExternal) && coversPorts(deny, rule)) {
                    return deny;
                }
            }
        }
        return null;
    }

    private static boolean coversPorts(CompiledTierRule deny, CompiledRule rule) {
        PortSet denied = deny.numericPorts();
        return rule.hasNamedPorts() ? denied.isAll() : rule.numericPorts().minus(denied).isEmpty();
    }

    private static BitSet every(int classCount) {
        BitSet all = new BitSet(classCount);
        all.set(0, classCount);
        return all;
    }

}

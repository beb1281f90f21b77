package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of one connection walked through every tier of {@link OrderedTiers}, rule by rule:
 * the ports allowed, and for one probed port what decided it. The slow, per-endpoint form of
 * {@link ChainColumns}; verdicts and explanations use it (rows of external sources walk fewer
 * entries, {@link ChainExternalIngress}, and are tested against it).
 */
final class ChainWalk {

    /** What decided the probed port. */
    enum Step { CALICO_RULE, TIER_DEFAULT, CLUSTER_RULE, NETWORK_POLICY, NOTHING }

    private PortSet allowed = PortSet.NONE;
    private PortSet denied = PortSet.NONE;
    private final Protocol probeProtocol;
    private final int probePort;
    Step step = Step.NOTHING;
    boolean probeAllowed = true;
    CalicoRuleRef calicoRule;
    TierRuleRef clusterRule;
    /** The tier whose default action decided, and the policies of it that apply to the endpoint. */
    OrderedTiers.Tier defaultTier;
    final List<PolicyId> tierPolicies = new ArrayList<>();
    /** Calico rules that passed the probed port to a later tier, and those that only the data plane can decide, in order. */
    final List<CalicoRuleRef> passes = new ArrayList<>();
    final List<CalicoRuleRef> runTime = new ArrayList<>();

    private ChainWalk(Protocol probeProtocol, int probePort) {
        this.probeProtocol = probeProtocol;
        this.probePort = probePort;
    }

    /** Walks every tier for {@code subject}'s {@code direction} toward {@code peer}; {@code probeProtocol} may be null. */
    static ChainWalk of(Evaluation evaluation, PodClass subject, PolicyType direction, Endpoint peer, Endpoint destination,
            Protocol probeProtocol, int probePort) {
        ChainWalk walk = new ChainWalk(probeProtocol, probePort);
        walk.run(evaluation, subject, direction, peer, destination);
        return walk;
    }

    private void run(Evaluation evaluation, PodClass subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        PolicyEngine engine = evaluation.engine();
        int c = subject.index();
        for (OrderedTiers.Tier tier : engine.orderedTiers().tiers()) {
            PortSet open = PortSet.ALL.minus(allowed).minus(denied);
            if (open.isEmpty()) {
                return;
            }
            List<PolicyId> applying = new ArrayList<>();
            for (OrderedTiers.Entry entry : tier.entries()) {
                if (entry.kind() == OrderedTiers.Kind.CLUSTER) {
                    CompiledTierPolicy policy = engine.tierPolicies().get(entry.index());
                    if (!evaluation.isTierEnabled(policy.index()) || !policy.selects(c)) {
                        continue;
                    }
                    for (CompiledTierRule rule : policy.rules(direction)) {
                        if (rule.matches(peer)) {
                            open = decide(open, rule.portsToward(destination), rule.ref().action(), Step.CLUSTER_RULE, null, rule.ref());
                        }
                    }
                } else if (entry.kind() == OrderedTiers.Kind.NETWORK_POLICIES) {
                    for (int p : evaluation.isolatingIndices(direction, c)) {
                        if (!entry.holds(p)) {
                            continue; // another run of NetworkPolicies, at its own place among Calico's policies
                        }
                        applying.add(engine.policies().get(p).id());
                        for (CompiledRule rule : engine.policies().get(p).rules(direction)) {
                            if (rule.matches(peer)) {
                                open = decide(open, rule.portsToward(destination), RuleAction.ALLOW, Step.NETWORK_POLICY, null, null);
                            }
                        }
                    }
                } else {
                    CompiledCalicoPolicy policy = engine.calicoPolicies().get(entry.index());
                    if (!evaluation.isCalicoEnabled(policy.index()) || !policy.selects(c, direction)) {
                        continue;
                    }
                    applying.add(policy.id());
                    for (CompiledCalicoRule rule : policy.rules(direction)) {
                        if (!rule.admitsLocal(c) || (!rule.undecidable() && !rule.matches(peer))) {
                            continue;
                        }
                        PortSet ports = rule.portsToward(destination);
                        if (rule.undecidable() && probeProtocol != null && isOpen(open) && ports.contains(probeProtocol, probePort)) {
                            runTime.add(rule.ref());
                        } else if (rule.decision() != null) {
                            open = decide(open, ports, rule.decision(), Step.CALICO_RULE, rule.ref(), null);
                        }
                    }
                }
            }
            if (!applying.isEmpty() && tier.defaultAction() == RuleAction.DENY) {
                if (isOpen(open) && step == Step.NOTHING) {
                    step = Step.TIER_DEFAULT;
                    probeAllowed = false;
                    defaultTier = tier;
                    tierPolicies.addAll(applying);
                }
                denied = denied.union(open);
            }
        }
    }

    private boolean isOpen(PortSet open) {
        return probeProtocol != null && open.contains(probeProtocol, probePort);
    }

    /** Applies one matching rule to the ports still open in this tier; returns what stays open. */
    private PortSet decide(PortSet open, PortSet ports, RuleAction action, Step kind, CalicoRuleRef calico, TierRuleRef cluster) {
        PortSet hit = open.intersect(ports);
        if (hit.isEmpty()) {
            return open;
        }
        if (isOpen(open) && hit.contains(probeProtocol, probePort) && step == Step.NOTHING) {
            if (action == RuleAction.PASS) {
                if (calico != null) {
                    passes.add(calico);
                }
                if (cluster != null) {
                    clusterRule = cluster;
                }
            } else {
                step = kind;
                probeAllowed = action == RuleAction.ALLOW;
                calicoRule = calico;
                clusterRule = cluster == null ? clusterRule : cluster;
            }
        }
        if (action == RuleAction.ALLOW) {
            allowed = allowed.union(hit);
        } else if (action == RuleAction.DENY) {
            denied = denied.union(hit);
        }
        return open.minus(hit);
    }

    /** Every port no tier denied: allowed, or never decided (the default allows). */
    PortSet allowedPorts() {
        return PortSet.ALL.minus(denied);
    }

    /** The tier of the cluster-wide rule that took part in deciding, if any. */
    PolicyTier clusterTier() {
        return clusterRule == null ? null : clusterRule.tier();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import java.util.List;

/**
 * One tier walked for one side of one connection, rule by rule in decision order: the ports it
 * allows, denies, and leaves to the next layer. The slow, per-endpoint form of what
 * {@link TierPartition} does for whole columns; verdicts, explanations and side ports use it.
 */
final class TierWalk {

    private PortSet allowed = PortSet.NONE;
    private PortSet denied = PortSet.NONE;

    private TierWalk() {
    }

    /** The switched-on policies of {@code tier} that select {@code subject}, walked for {@code peer}. */
    static TierWalk of(Evaluation evaluation, PolicyTier tier, PodClass subject, PolicyType direction, Endpoint peer,
            Endpoint destination) {
        TierWalk walk = new TierWalk();
        PortSet open = PortSet.ALL;
        for (CompiledTierPolicy policy : evaluation.engine().tierPolicies()) {
            if (policy.tier() != tier || !evaluation.isTierEnabled(policy.index()) || !policy.selects(subject.index())) {
                continue;
            }
            for (CompiledTierRule rule : policy.rules(direction)) {
                if (open.isEmpty()) {
                    return walk;
                }
                if (!rule.matches(peer)) {
                    continue;
                }
                PortSet hit = open.intersect(rule.portsToward(destination));
                if (rule.ref().action() == RuleAction.ALLOW) {
                    walk.allowed = walk.allowed.union(hit);
                } else if (rule.ref().action() == RuleAction.DENY) {
                    walk.denied = walk.denied.union(hit);
                }
                open = open.minus(hit);
            }
        }
        return walk;
    }

    /**
     * The first rule of {@code tier} that matches the peer on this port, or null. Rules before it
     * that name nodes or domain names are added to {@code undecidable}: the manifests cannot say
     * whether they match.
     */
    static TierRuleRef firstMatch(Evaluation evaluation, PolicyTier tier, PodClass subject, PolicyType direction, Endpoint peer,
            Endpoint destination, Protocol protocol, int port, List<TierRuleRef> undecidable) {
        for (CompiledTierPolicy policy : evaluation.engine().tierPolicies()) {
            if (policy.tier() != tier || !evaluation.isTierEnabled(policy.index()) || !policy.selects(subject.index())) {
                continue;
            }
            for (CompiledTierRule rule : policy.rules(direction)) {
                if (rule.matches(peer) && rule.portsToward(destination).contains(protocol, port)) {
                    return rule.ref();
                }
                if (rule.undecidable() && rule.portsToward(destination).contains(protocol, port)) {
                    undecidable.add(rule.ref());
                }
            }
        }
        return null;
    }

    PortSet allowed() {
        return allowed;
    }

    /** Ports the tier leaves to the next layer: passed, or matched by no rule. */
    PortSet undecided() {
        // Most sides meet no tier rule at all: skip the set arithmetic (per pair, it adds up over a cluster).
        return allowed.isEmpty() && denied.isEmpty() ? PortSet.ALL : PortSet.ALL.minus(allowed).minus(denied);
    }

    /** What is allowed when only the default (allow) follows this tier. */
    PortSet allowedWithDefault() {
        return denied.isEmpty() ? PortSet.ALL : PortSet.ALL.minus(denied);
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.List;

/**
 * What an external peer may send to one destination class when Calico policies take part: the
 * answer {@link ChainWalk} gives, walked over only the entries {@link IngressEntries} lists for the
 * destination and read from the indexes' tables of which rules match which external peer, instead
 * of asking every entry of every tier and every rule's addresses. Rows of external sources are made
 * of these answers, one per destination and peer. Destinations whose ingress keys begin alike share
 * the walk's beginning ({@link WalkPrefixes}).
 */
final class ChainExternalIngress implements IngressEntries.Walker {

    private final Evaluation evaluation;
    private final ConnectivityIndex index;
    private final CalicoIndex calico;
    private final int external;
    private final int destination;
    private final PodClass podClass;
    private final ChainKeys.Key key;
    private final WalkPrefixes<State> prefixes;
    private final long[] entries;
    private PortSet allowed = PortSet.NONE;
    private PortSet denied = PortSet.NONE;
    private PortSet open = PortSet.ALL;
    /** Whether some policy of the current tier applies to the destination, so that the tier's default does. */
    private boolean applying;
    /** The next tier crossing of {@link #key} whose state is to be kept. */
    private int crossing;

    /** Where a walk stands when it crosses into a tier: what it allowed and denied, and what is open again. */
    record State(PortSet allowed, PortSet denied, PortSet open) {
    }

    private ChainExternalIngress(Evaluation evaluation, long[] entries, ChainKeys.Key key, WalkPrefixes<State> prefixes, int external,
            int destination) {
        this.evaluation = evaluation;
        this.entries = entries;
        this.key = key;
        this.prefixes = prefixes;
        this.index = evaluation.engine().connectivityIndex();
        this.calico = evaluation.engine().calicoIndex();
        this.external = external;
        this.destination = destination;
        this.podClass = index.classes.get(destination);
    }

    /**
     * The ports external peer {@code external} may open to class {@code destination}, whose ingress walk takes
     * {@code entries} and has {@code key}; the walk starts where {@code prefixes} knows a walk with a key that begins alike.
     */
    static PortSet allowed(Evaluation evaluation, long[] entries, ChainKeys.Key key, WalkPrefixes<State> prefixes, int external,
            int destination) {
        PortSet unmatched = unmatched(evaluation, entries, external);
        if (unmatched != null) {
            return unmatched;
        }
        ChainExternalIngress walk = new ChainExternalIngress(evaluation, entries, key, prefixes, external, destination);
        WalkPrefixes.Known<State> known = prefixes.latest(key, 0, 0, external);
        int start = 0;
        if (known != null) {
            walk.allowed = known.state().allowed();
            walk.denied = known.state().denied();
            walk.open = known.state().open();
            walk.crossing = known.crossing() + 1;
            start = key.entriesBefore(known.crossing());
        }
        walk.calico.ingressEntries.walk(entries, start, walk);
        return PortSet.ALL.minus(walk.denied);
    }

    /**
     * The answer when no rule of the entries can decide for the peer, null when one can: then only the tiers' defaults
     * do, and a denying tier with a policy that applies to the destination denies every port (nothing was allowed).
     */
    private static PortSet unmatched(Evaluation evaluation, long[] entries, int external) {
        ConnectivityIndex index = evaluation.engine().connectivityIndex();
        CalicoIndex calico = evaluation.engine().calicoIndex();
        boolean denied = false;
        for (long entry : entries) {
            int p = IngressEntries.index(entry);
            boolean matches = switch (IngressEntries.kind(entry)) {
                case IngressEntries.CLUSTER -> index.tiers.policyMatchesExternal[p][external];
                case IngressEntries.NETWORK_POLICY -> index.ingressRulesAdmittingExternal[p][external].length > 0;
                default -> calico.policyMatchesExternal[p][external];
            };
            if (matches) {
                return null;
            }
            // Every NetworkPolicy and Calico entry applies to the destination; a cluster-wide one only decides by its rules.
            denied |= IngressEntries.kind(entry) != IngressEntries.CLUSTER && calico.tiers.tiers().get(IngressEntries.tier(entry)).defaultAction()
                    == RuleAction.DENY;
        }
        return denied ? PortSet.NONE : PortSet.ALL;
    }

    @Override
    public void cluster(int p) {
        List<CompiledTierRule> rules = index.tiers.policies.get(p).rules(PolicyType.INGRESS);
        for (int r = 0; r < rules.size(); r++) {
            if (index.tiers.ingressMatchesExternal[p][r][external]) {
                decide(rules.get(r).portsToward(podClass), rules.get(r).ref().action());
            }
        }
    }

    @Override
    public void networkPolicy(int p) {
        applying = true;
        List<CompiledRule> rules = evaluation.engine().policies().get(p).rules(PolicyType.INGRESS);
        for (int r : index.ingressRulesAdmittingExternal[p][external]) {
            decide(index.ingressPorts(p, r, rules.get(r), destination), RuleAction.ALLOW);
        }
    }

    @Override
    public void calico(int p) {
        applying = true;
        List<CompiledCalicoRule> rules = calico.policies.get(p).rules(PolicyType.INGRESS);
        for (int r = 0; r < rules.size(); r++) {
            if (calico.ingressMatchesExternal[p][r][external] && rules.get(r).admitsLocal(destination)) {
                decide(rules.get(r).portsToward(podClass), rules.get(r).decision());
            }
        }
    }

    /** The tier's default denies what it left open when it applies; then what was passed is open again. */
    @Override
    public void endOfTier(OrderedTiers.Tier tier, int next) {
        if (applying && tier.defaultAction() == RuleAction.DENY) {
            denied = denied.union(open);
        }
        applying = false;
        open = PortSet.ALL.minus(allowed).minus(denied);
        if (next < entries.length) {
            prefixes.remember(key, WalkPrefixes.crossingAt(key, crossing++, next), 0, 0, external, new State(allowed, denied, open));
        }
    }

    /** The first rule to match a port decides it; a pass closes it for the rest of its tier. */
    private void decide(PortSet ports, RuleAction action) {
        PortSet hit = open.intersect(ports);
        if (hit.isEmpty()) {
            return;
        }
        if (action == RuleAction.ALLOW) {
            allowed = allowed.union(hit);
        } else if (action == RuleAction.DENY) {
            denied = denied.union(hit);
        }
        open = open.minus(hit);
    }
}

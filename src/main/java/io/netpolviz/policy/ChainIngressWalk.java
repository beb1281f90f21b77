package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.List;

/**
 * One destination class's ingress walk through the ordered tiers on a window of source blocks: its
 * entries ({@link IngressEntries}) in decision order, each rule "its matches minus what an earlier
 * rule decided", each tier ending with its default for the sources when some policy of it applies.
 * A walk starts where a walk of a class whose key begins alike crossed into a later tier
 * ({@link WalkPrefixes}): on the same window, or on every block and kept to the window, and keeps
 * its own crossings for the walks after it.
 */
final class ChainIngressWalk {

    private final Evaluation evaluation;
    private final ConnectivityIndex index;
    private final CalicoIndex calico;
    private final WalkPrefixes<TierPartition> prefixes;
    private final int column;
    private final PodClass destination;
    private final long[] entries;
    private final ChainKeys.Key key;

    ChainIngressWalk(Evaluation evaluation, WalkPrefixes<TierPartition> prefixes, int column, long[] entries, ChainKeys.Key key) {
        this.evaluation = evaluation;
        this.index = evaluation.engine().connectivityIndex();
        this.calico = evaluation.engine().calicoIndex();
        this.prefixes = prefixes;
        this.column = column;
        this.destination = index.classes.get(column);
        this.entries = entries;
        this.key = key;
    }

    /** The ingress side on blocks {@code [from, to)}: every entry walked. */
    TierPartition side(int from, int to) {
        return walk(entries.length, from, to, false);
    }

    /** Where the walk on blocks {@code [from, to)} stands once it has left tier {@code tier}: the entries of later tiers not walked. */
    TierPartition stateAfter(int tier, int from, int to) {
        int end = 0;
        while (end < entries.length && IngressEntries.tier(entries[end]) <= tier) {
            end++;
        }
        return walk(end, from, to, true);
    }

    /** The key's length up to the end of tier {@code tier}: walks whose keys agree that far stand alike once they left it. */
    int keyLengthThrough(int tier) {
        for (int crossing = 0; crossing < key.crossings(); crossing++) {
            if (IngressEntries.tier(entries[key.entriesBefore(crossing)]) > tier) {
                return key.lengthBefore(crossing);
            }
        }
        return key.values().length;
    }

    /** The walk of the entries before {@code end}; the last tier's end reopens the ports it passed when {@code keepLastTierOpen}. */
    private TierPartition walk(int end, int from, int to, boolean keepLastTierOpen) {
        WalkPrefixes.Known<TierPartition> known = resume(end, from, to);
        TierPartition side = known == null ? new TierPartition(index.allClasses, from, to) : known.state();
        int start = known == null ? 0 : key.entriesBefore(known.crossing());
        calico.ingressEntries.walk(entries, start, end, new IngressEntries.Walker() {
            private boolean selected;
            private int crossing = known == null ? 0 : known.crossing() + 1;

            @Override
            public void cluster(int p) {
                List<CompiledTierRule> rules = index.tiers.policies.get(p).rules(PolicyType.INGRESS);
                for (int r = 0; r < rules.size(); r++) {
                    side.apply(index.tiers.peers[p][PolicyType.INGRESS.ordinal()][r], rules.get(r).portsToward(destination),
                            rules.get(r).ref().action());
                }
            }

            @Override
            public void networkPolicy(int p) {
                selected = true;
                List<CompiledRule> rules = evaluation.engine().policies().get(p).rules(PolicyType.INGRESS);
                for (int r = 0; r < rules.size(); r++) {
                    side.apply(index.ingressPeers[p][r], index.ingressPorts(p, r, rules.get(r), column), RuleAction.ALLOW);
                }
            }

            @Override
            public void calico(int p) {
                selected |= calicoIngress(side, p);
            }

            @Override
            public void endOfTier(OrderedTiers.Tier tier, int next) {
                if (selected && tier.defaultAction() == RuleAction.DENY) {
                    if (next < end || keepLastTierOpen) {
                        side.denyOpen();
                    } else {
                        side.denyOpenLast();
                    }
                }
                // After the last tier nothing reads what is open: the side's allowed and denied ports are final.
                if (next < end || keepLastTierOpen) {
                    side.reopen();
                }
                selected = false;
                if (next < entries.length) {
                    prefixes.remember(key, WalkPrefixes.crossingAt(key, crossing++, next), from, to, -1, side.copy());
                }
            }
        });
        return side;
    }

    /**
     * A copy of the latest state kept for a walk with this key at a crossing no later than entry {@code end}: on this
     * window, or on every block kept to it (the fresh evaluation walked whole columns), whichever crossing is later.
     */
    private WalkPrefixes.Known<TierPartition> resume(int end, int from, int to) {
        WalkPrefixes.Known<TierPartition> known = prefixes.latest(key, from, to, -1, end);
        boolean whole = from == 0 && to == index.blockCount;
        WalkPrefixes.Known<TierPartition> wider = whole ? null : prefixes.latest(key, 0, index.blockCount, -1, end);
        if (wider != null && (known == null || wider.crossing() > known.crossing())) {
            return new WalkPrefixes.Known<>(wider.crossing(), wider.state().window(from, to));
        }
        return known == null ? null : new WalkPrefixes.Known<>(known.crossing(), known.state().copy());
    }

    private boolean calicoIngress(TierPartition side, int policy) {
        int direction = PolicyType.INGRESS.ordinal();
        if (!evaluation.isCalicoEnabled(policy) || !calico.subjects[policy][direction].contains(column)) {
            return false;
        }
        List<CompiledCalicoRule> rules = calico.policies.get(policy).rules(PolicyType.INGRESS);
        for (int r = 0; r < rules.size(); r++) {
            CompiledCalicoRule rule = rules.get(r);
            if (rule.decision() != null && rule.admitsLocal(column)) {
                side.apply(calico.peers[policy][direction][r], rule.portsToward(destination), rule.decision());
            }
        }
        return true;
    }
}

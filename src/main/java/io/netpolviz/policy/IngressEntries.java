package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of the ordered tiers that take part in one destination class's ingress walk, in
 * decision order: switched-on cluster-wide and Calico policies that select it, NetworkPolicies that
 * isolate it. The walk stops at its cutoff: the first tier whose default action is Deny, that
 * applies to the destination (a Calico policy of it selects it, or a NetworkPolicy of it isolates
 * it) and none of whose rules that apply to it passes. At the end of that tier the default has
 * denied every port a rule left open, for every source, and nothing was passed on, so no later
 * tier decides anything: {@link ChainKeys} leaves the later tiers out of the ingress key (a toggle
 * there changes no key, hence no column) and {@link ChainColumns} walks only the entries listed
 * here instead of every entry of every tier. Built once per engine.
 */
final class IngressEntries {

    /** What an entry code names, in its two low bits above the index. */
    static final int CALICO = 0;
    static final int CLUSTER = 1;
    static final int NETWORK_POLICY = 2;

    /** Per Calico policy, cluster-wide policy and NetworkPolicy: the position of its entry in decision order, and of its tier. */
    private final int[] calicoPosition;
    private final int[] clusterPosition;
    private final int[] networkPolicyPosition;
    private final int[] calicoTier;
    private final int[] clusterTier;
    private final int[] networkPolicyTier;
    /** Per cluster-wide policy: whether some ingress rule of it passes. */
    private final boolean[] clusterPasses;
    /** Per tier: whether its default action denies. */
    private final boolean[] denying;
    private final List<CompiledCalicoPolicy> calicoPolicies;
    private final List<OrderedTiers.Tier> tiers;
    private final ChainReach reach;

    IngressEntries(PolicyEngine engine, ChainReach reach) {
        this.reach = reach;
        this.calicoPolicies = engine.calicoPolicies();
        this.tiers = engine.orderedTiers().tiers();
        this.calicoPosition = new int[calicoPolicies.size()];
        this.clusterPosition = new int[engine.tierPolicies().size()];
        this.networkPolicyPosition = new int[engine.policies().size()];
        this.calicoTier = new int[calicoPosition.length];
        this.clusterTier = new int[clusterPosition.length];
        this.networkPolicyTier = new int[networkPolicyPosition.length];
        // A policy in no tier is never walked: past every tier, it is left out of every list.
        for (int[] tier : new int[][] {calicoTier, clusterTier, networkPolicyTier}) {
            Arrays.fill(tier, tiers.size());
        }
        this.denying = new boolean[tiers.size()];
        int position = 0;
        for (int t = 0; t < tiers.size(); t++) {
            denying[t] = tiers.get(t).defaultAction() == RuleAction.DENY;
            for (OrderedTiers.Entry entry : tiers.get(t).entries()) {
                switch (entry.kind()) {
                    case CALICO -> place(calicoPosition, calicoTier, entry.index(), position, t);
                    case CLUSTER -> place(clusterPosition, clusterTier, entry.index(), position, t);
                    case NETWORK_POLICIES -> {
                        for (int p = entry.networkPolicies().nextSetBit(0); p >= 0; p = entry.networkPolicies().nextSetBit(p + 1)) {
                            place(networkPolicyPosition, networkPolicyTier, p, position, t);
                        }
                    }
                }
                position++;
            }
        }
        this.clusterPasses = new boolean[clusterPosition.length];
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            clusterPasses[policy.index()] = policy.rules(PolicyType.INGRESS).stream().anyMatch(r -> r.ref().action() == RuleAction.PASS);
        }
    }

    private static void place(int[] positions, int[] tiers, int index, int position, int tier) {
        positions[index] = position;
        tiers[index] = tier;
    }

    /**
     * The entries walked for class {@code column}'s ingress, in decision order, each as
     * {@code (tier << 56) | (position << 24) | (index << 2) | kind}: the tier and the kind are read back with
     * {@link #tier} and {@link #kind}, the policy's index with {@link #index}.
     */
    long[] of(Evaluation evaluation, int column) {
        int[] clusters = reach.clusterIngress[column];
        int[] networkPolicies = evaluation.isolatingIndices(PolicyType.INGRESS, column);
        int[] calicos = reach.calicoIngress[column];
        long[] out = new long[clusters.length + networkPolicies.length + calicos.length];
        int size = 0;
        for (int t : clusters) {
            if (evaluation.isTierEnabled(t) && clusterTier[t] < denying.length) {
                out[size++] = code(clusterTier[t], clusterPosition[t], t, CLUSTER);
            }
        }
        for (int p : networkPolicies) {
            if (networkPolicyTier[p] < denying.length) {
                out[size++] = code(networkPolicyTier[p], networkPolicyPosition[p], p, NETWORK_POLICY);
            }
        }
        for (int p : calicos) {
            if (evaluation.isCalicoEnabled(p) && calicoTier[p] < denying.length) {
                out[size++] = code(calicoTier[p], calicoPosition[p], p, CALICO);
            }
        }
        Arrays.sort(out, 0, size);
        return Arrays.copyOf(out, cutoff(out, size, column));
    }

    /** What a walk over one destination's entries does with each, and at the end of each tier that had some. */
    interface Walker {
        void cluster(int policy);

        void networkPolicy(int policy);

        void calico(int policy);

        /** A tier with none of the entries decides nothing: its end reopens what the previous end reopened. */
        void endOfTier(OrderedTiers.Tier tier);
    }

    /** Hands {@code walker} one class's ingress {@code entries} (from {@link #of}) in decision order, and each tier's end. */
    void walk(long[] entries, Walker walker) {
        for (int e = 0; e < entries.length; e++) {
            int p = index(entries[e]);
            switch (kind(entries[e])) {
                case CLUSTER -> walker.cluster(p);
                case NETWORK_POLICY -> walker.networkPolicy(p);
                default -> walker.calico(p);
            }
            int tier = tier(entries[e]);
            if (e + 1 == entries.length || tier(entries[e + 1]) != tier) {
                walker.endOfTier(tiers.get(tier));
            }
        }
    }

    /** How many of the sorted {@code entries} are walked: those of the tiers up to the first that leaves nothing undecided. */
    private int cutoff(long[] entries, int size, int column) {
        int start = 0;
        while (start < size) {
            int tier = tier(entries[start]);
            int end = start;
            boolean applies = false;
            boolean passes = false;
            for (; end < size && tier(entries[end]) == tier; end++) {
                int index = index(entries[end]);
                switch (kind(entries[end])) {
                    case CLUSTER -> passes |= clusterPasses[index];
                    case NETWORK_POLICY -> applies = true;
                    default -> {
                        applies = true;
                        passes |= calicoPasses(index, column);
                    }
                }
            }
            if (denying[tier] && applies && !passes) {
                return end;
            }
            start = end;
        }
        return size;
    }

    private boolean calicoPasses(int policy, int column) {
        for (CompiledCalicoRule rule : calicoPolicies.get(policy).rules(PolicyType.INGRESS)) {
            if (rule.decision() == RuleAction.PASS && rule.admitsLocal(column)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Calico policy {@code policy}'s tier denies by default (then whether the policy applies matters to every source). */
    boolean calicoTierDenies(int policy) {
        return calicoTier[policy] < denying.length && denying[calicoTier[policy]];
    }

    private static long code(int tier, int position, int index, int kind) {
        return ((long) tier << 56) | ((long) position << 24) | ((long) index << 2) | kind;
    }

    static int tier(long entry) {
        return (int) (entry >>> 56);
    }

    static int kind(long entry) {
        return (int) (entry & 3);
    }

    static int index(long entry) {
        return (int) ((entry >>> 2) & 0x3F_FFFF);
    }
}

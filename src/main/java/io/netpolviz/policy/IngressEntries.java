package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** Per tier: whether its default action denies. */
    private final boolean[] denying;
    private final List<OrderedTiers.Tier> tiers;
    /**
     * Per class: the entries of the cluster-wide and Calico policies that select it, whether switched on or not, in
     * decision order; and per entry whether some rule of it that applies to the class passes. An evaluation keeps the
     * switched-on ones and merges in its NetworkPolicies, instead of gathering and sorting them class by class.
     */
    private final long[][] selecting;
    private final boolean[][] selectingPasses;
    /** Per class, per entry of {@link #selecting} of a Calico policy: its deciding ingress rules that admit the class as local side. */
    private final int[][][] admittedRules;
    /**
     * Per class: the number of its shape, equal for classes with equal {@link #selecting} lists and admitted rules. Such
     * classes walk the same entries and have the same key wherever the same NetworkPolicies isolate them and their port
     * profiles agree, so an evaluation makes those once per shape ({@link IngressShares}).
     */
    private final int[] shape;
    private static final int[] NONE = {};

    IngressEntries(PolicyEngine engine, ChainReach reach) {
        List<CompiledCalicoPolicy> calicoPolicies = engine.calicoPolicies();
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
        boolean[] clusterPasses = new boolean[clusterPosition.length];
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            clusterPasses[policy.index()] = policy.rules(PolicyType.INGRESS).stream().anyMatch(r -> r.ref().action() == RuleAction.PASS);
        }
        int classCount = reach.clusterIngress.length;
        this.selecting = new long[classCount][];
        this.selectingPasses = new boolean[classCount][];
        this.admittedRules = new int[classCount][][];
        for (int c = 0; c < classCount; c++) {
            long[] codes = new long[reach.clusterIngress[c].length + reach.calicoIngress[c].length];
            int size = 0;
            for (int t : reach.clusterIngress[c]) {
                if (clusterTier[t] < denying.length) {
                    codes[size++] = code(clusterTier[t], clusterPosition[t], t, CLUSTER);
                }
            }
            for (int p : reach.calicoIngress[c]) {
                if (calicoTier[p] < denying.length) {
                    codes[size++] = code(calicoTier[p], calicoPosition[p], p, CALICO);
                }
            }
            Arrays.sort(codes, 0, size);
            selecting[c] = Arrays.copyOf(codes, size);
            selectingPasses[c] = new boolean[size];
            admittedRules[c] = new int[size][];
            for (int e = 0; e < size; e++) {
                int index = index(codes[e]);
                boolean cluster = kind(codes[e]) == CLUSTER;
                admittedRules[c][e] = cluster ? NONE : admitted(calicoPolicies.get(index), c);
                selectingPasses[c][e] = cluster ? clusterPasses[index] : passes(calicoPolicies.get(index), admittedRules[c][e]);
            }
        }
        this.shape = shapes();
    }

    /**
     * Numbers classes by their selecting entries and admitted rules (the passes follow from those): equal content, equal
     * number. Classes of one shape then share one copy of those arrays: the few hundred copies left stay in the caches
     * that thousands did not, and every key and every evaluation's entries read them.
     */
    private int[] shapes() {
        Map<List<Object>, Integer> numbers = new HashMap<>();
        List<Integer> firstOfShape = new ArrayList<>();
        int[] out = new int[selecting.length];
        for (int c = 0; c < selecting.length; c++) {
            List<Object> content = new ArrayList<>();
            content.add(LongBuffer.wrap(selecting[c]));
            for (int[] rules : admittedRules[c]) {
                content.add(IntBuffer.wrap(rules));
            }
            Integer known = numbers.putIfAbsent(content, numbers.size());
            if (known == null) {
                out[c] = firstOfShape.size();
                firstOfShape.add(c);
            } else {
                int first = firstOfShape.get(known);
                out[c] = known;
                selecting[c] = selecting[first];
                selectingPasses[c] = selectingPasses[first];
                admittedRules[c] = admittedRules[first];
            }
        }
        return out;
    }

    /** The shape of class {@code column}: classes of one shape differ in their entries only by the NetworkPolicies. */
    int shape(int column) {
        return shape[column];
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
        int[] networkPolicies = evaluation.isolatingIndices(PolicyType.INGRESS, column);
        long[] isolating = new long[networkPolicies.length];
        int isolatingCount = 0;
        for (int p : networkPolicies) {
            if (networkPolicyTier[p] < denying.length) {
                isolating[isolatingCount++] = code(networkPolicyTier[p], networkPolicyPosition[p], p, NETWORK_POLICY);
            }
        }
        Arrays.sort(isolating, 0, isolatingCount);
        long[] codes = selecting[column];
        boolean[] passing = selectingPasses[column];
        long[] out = new long[codes.length + isolatingCount];
        int size = 0;
        int tier = -1;
        boolean applies = false;
        boolean passes = false;
        int i = 0;
        int j = 0;
        // Merged in decision order, up to the cutoff: past a tier that denies, applies to the class and passes nothing.
        while (i < codes.length || j < isolatingCount) {
            long entry;
            boolean applying = true;
            boolean pass = false;
            if (j == isolatingCount || i < codes.length && codes[i] < isolating[j]) {
                entry = codes[i];
                pass = passing[i++];
                int index = index(entry);
                boolean cluster = kind(entry) == CLUSTER;
                if (cluster ? !evaluation.isTierEnabled(index) : !evaluation.isCalicoEnabled(index)) {
                    continue;
                }
                applying = !cluster;
            } else {
                entry = isolating[j++];
            }
            if (tier(entry) != tier) {
                if (tier >= 0 && denying[tier] && applies && !passes) {
                    break;
                }
                tier = tier(entry);
                applies = false;
                passes = false;
            }
            applies |= applying;
            passes |= pass;
            out[size++] = entry;
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    /** What a walk over one destination's entries does with each, and at the end of each tier that had some. */
    interface Walker {
        void cluster(int policy);

        void networkPolicy(int policy);

        void calico(int policy);

        /**
         * A tier with none of the entries decides nothing: its end reopens what the previous end reopened. {@code next} is
         * the entry the walk goes on with (the length of the entries after the last tier).
         */
        void endOfTier(OrderedTiers.Tier tier, int next);
    }

    /**
     * Hands {@code walker} one class's ingress {@code entries} (from {@link #of}) in decision order from entry
     * {@code start} (the first of a tier, where a walk kept by {@link WalkPrefixes} resumes), and each tier's end.
     */
    void walk(long[] entries, int start, Walker walker) {
        walk(entries, start, entries.length, walker);
    }

    /** The same, walking the entries before {@code end} only (those of the tiers before a later one: see {@link ChainIngressWalk}). */
    void walk(long[] entries, int start, int end, Walker walker) {
        for (int e = start; e < end; e++) {
            int p = index(entries[e]);
            switch (kind(entries[e])) {
                case CLUSTER -> walker.cluster(p);
                case NETWORK_POLICY -> walker.networkPolicy(p);
                default -> walker.calico(p);
            }
            int tier = tier(entries[e]);
            if (e + 1 == end || tier(entries[e + 1]) != tier) {
                walker.endOfTier(tiers.get(tier), e + 1);
            }
        }
    }

    /** The deciding ingress rules of {@code policy} that admit class {@code column} as their local side, by index. */
    private static int[] admitted(CompiledCalicoPolicy policy, int column) {
        List<CompiledCalicoRule> rules = policy.rules(PolicyType.INGRESS);
        int[] out = new int[rules.size()];
        int size = 0;
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).decision() != null && rules.get(r).admitsLocal(column)) {
                out[size++] = r;
            }
        }
        return size == 0 ? NONE : Arrays.copyOf(out, size);
    }

    /** The entries of the cluster-wide and Calico policies that select class {@code column}, switched on or not, in order. */
    long[] selecting(int column) {
        return selecting[column];
    }

    /** The deciding ingress rules that admit class {@code column} as local side, of the Calico policy of its selecting entry {@code at}. */
    int[] admittedRules(int column, int at) {
        return admittedRules[column][at];
    }

    /**
     * Whether one of {@code admitted}, the rules of {@code policy} that admit a class as their local side, passes: then
     * the policy's tier hands ports on even where it applies, and the walk goes on past it.
     */
    private static boolean passes(CompiledCalicoPolicy policy, int[] admitted) {
        for (int r : admitted) {
            if (policy.rules(PolicyType.INGRESS).get(r).decision() == RuleAction.PASS) {
                return true;
            }
        }
        return false;
    }

    /** Whether Calico policy {@code policy}'s tier denies by default (then whether the policy applies matters to every source). */
    boolean calicoTierDenies(int policy) {
        return calicoTier[policy] < denying.length && denying[calicoTier[policy]];
    }

    /**
     * Whether the walk over class {@code column}'s {@code entries} (from {@link #of}) was cut off at a tier before
     * {@code tier}: then no entry of that tier or a later one is walked, whichever policies there are switched on.
     */
    boolean cutBefore(int column, long[] entries, int tier) {
        if (entries.length == 0 || tier(entries[entries.length - 1]) >= tier || !denying[tier(entries[entries.length - 1])]) {
            return false;
        }
        int last = tier(entries[entries.length - 1]);
        boolean applies = false;
        for (int e = entries.length - 1; e >= 0 && tier(entries[e]) == last; e--) {
            if (kind(entries[e]) != NETWORK_POLICY) {
                int at = Arrays.binarySearch(selecting[column], entries[e]);
                if (selectingPasses[column][at]) {
                    return false;
                }
            }
            applies |= kind(entries[e]) != CLUSTER;
        }
        return applies;
    }

    /** The tier of cluster-wide policy {@code policy} in the ordered tiers (past the last when it is in none). */
    int clusterTier(int policy) {
        return clusterTier[policy];
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

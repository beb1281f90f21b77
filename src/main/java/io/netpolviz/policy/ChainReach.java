package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per destination column, everything of Calico's and the cluster-wide policies that can touch
 * its walk through the ordered tiers, independent of which policies are switched on: the Calico
 * and cluster-wide egress rules whose peers reach it, and the Calico and cluster-wide policies
 * that select it for ingress. Two columns with the same switched-on lists (and the same declared
 * ports) walk alike, so {@link ChainKeys} turns these lists into the keys the walks are shared by.
 * Rules are numbered flat: {@code rulePolicy[id]} and {@code ruleIndex[id]} give them back.
 */
final class ChainReach {

    final int[] calicoRulePolicy;
    final int[] calicoRuleIndex;
    final int[] clusterRulePolicy;
    /**
     * Per Calico policy, per cluster-wide policy: the id of its first egress rule (one more than the last policy's
     * at the end). A policy's rules have consecutive ids in rule order, so a column's ascending list holds the rules of
     * one policy that reach it between {@code first[p]} and {@code first[p + 1]}.
     */
    final int[] calicoFirstRule;
    final int[] clusterFirstRule;
    /** Per class, per external peer: deciding Calico egress rules reaching it, ascending ids. */
    final int[][] calicoEgress;
    final int[][] calicoEgressExternal;
    /** Per class, per external peer: cluster-wide egress rules reaching it, ascending ids. */
    final int[][] clusterEgress;
    final int[][] clusterEgressExternal;
    /** Per class: the Calico policies that apply to it for ingress, and the cluster-wide policies with ingress rules that select it. */
    final int[][] calicoIngress;
    final int[][] clusterIngress;
    /** Per Calico policy, per cluster-wide policy: the columns (classes, then external peers) its egress rules reach. */
    final BitSet[] calicoEgressColumns;
    final BitSet[] clusterEgressColumns;
    /** Per NetworkPolicy: the columns some egress rule of it reaches (made on first use: the NetworkPolicy index may come later). */
    private BitSet[] networkPolicyEgressColumns;
    private int[] egressShapes;
    private int egressShapeCount;

    ChainReach(PolicyEngine engine) {
        int classCount = engine.classes().size();
        List<Endpoint.External> externals = engine.externalPeers();
        List<int[]> calicoRules = new ArrayList<>();
        List<List<Integer>> calicoByClass = lists(classCount);
        List<List<Integer>> calicoByExternal = lists(externals.size());
        List<List<Integer>> calicoSelecting = lists(classCount);
        this.calicoFirstRule = new int[engine.calicoPolicies().size() + 1];
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            calicoFirstRule[policy.index()] = calicoRules.size();
            List<CompiledCalicoRule> rules = policy.rules(PolicyType.EGRESS);
            for (int r = 0; r < rules.size(); r++) {
                if (rules.get(r).decision() == null) {
                    continue;
                }
                int id = calicoRules.size();
                calicoRules.add(new int[] {policy.index(), r});
                mark(rules.get(r), id, classCount, externals, calicoByClass, calicoByExternal);
            }
            var subjects = policy.subjectsView(PolicyType.INGRESS);
            for (int c = subjects.nextSetBit(0); c >= 0; c = subjects.nextSetBit(c + 1)) {
                calicoSelecting.get(c).add(policy.index());
            }
        }
        List<Integer> clusterRules = new ArrayList<>();
        List<List<Integer>> clusterByClass = lists(classCount);
        List<List<Integer>> clusterByExternal = lists(externals.size());
        List<List<Integer>> clusterSelecting = lists(classCount);
        this.clusterFirstRule = new int[engine.tierPolicies().size() + 1];
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            clusterFirstRule[policy.index()] = clusterRules.size();
            for (CompiledTierRule rule : policy.rules(PolicyType.EGRESS)) {
                int id = clusterRules.size();
                clusterRules.add(policy.index());
                mark(rule, id, classCount, externals, clusterByClass, clusterByExternal);
            }
            // A policy without ingress rules decides nothing on a class's way in: it is no part of its ingress walk.
            for (int c = 0; c < classCount && !policy.rules(PolicyType.INGRESS).isEmpty(); c++) {
                if (policy.selects(c)) {
                    clusterSelecting.get(c).add(policy.index());
                }
            }
        }
        calicoFirstRule[calicoFirstRule.length - 1] = calicoRules.size();
        clusterFirstRule[clusterFirstRule.length - 1] = clusterRules.size();
        this.calicoRulePolicy = calicoRules.stream().mapToInt(pair -> pair[0]).toArray();
        this.calicoRuleIndex = calicoRules.stream().mapToInt(pair -> pair[1]).toArray();
        this.clusterRulePolicy = clusterRules.stream().mapToInt(Integer::intValue).toArray();
        this.calicoEgress = arrays(calicoByClass);
        this.calicoEgressExternal = arrays(calicoByExternal);
        this.clusterEgress = arrays(clusterByClass);
        this.clusterEgressExternal = arrays(clusterByExternal);
        this.calicoIngress = arrays(calicoSelecting);
        this.clusterIngress = arrays(clusterSelecting);
        this.calicoEgressColumns = columnsOf(engine.calicoPolicies().size(), calicoRulePolicy, calicoEgress, calicoEgressExternal, classCount);
        this.clusterEgressColumns = columnsOf(engine.tierPolicies().size(), clusterRulePolicy, clusterEgress, clusterEgressExternal, classCount);
    }

    /**
     * The columns whose egress keys ({@link ChainKeys#egress}) name an egress rule of NetworkPolicy {@code policy}: the
     * classes and external peers its rules reach, every class for a rule that admits every peer.
     */
    synchronized BitSet networkPolicyEgressColumns(ConnectivityIndex index, int policyCount, int policy) {
        if (networkPolicyEgressColumns == null) {
            BitSet[] out = new BitSet[policyCount];
            java.util.Arrays.setAll(out, p -> new BitSet());
            for (int c = 0; c < index.classCount; c++) {
                for (int slot : index.egressSlotsReachingClass[c]) {
                    out[index.egressSlots[slot].policy()].set(c);
                }
            }
            for (int slot : index.egressSlotsReachingAll) {
                out[index.egressSlots[slot].policy()].set(0, index.classCount);
            }
            for (int x = 0; x < index.egressSlotsReachingExternal.length; x++) {
                for (int slot : index.egressSlotsReachingExternal[x]) {
                    out[index.egressSlots[slot].policy()].set(index.classCount + x);
                }
            }
            networkPolicyEgressColumns = out;
        }
        return networkPolicyEgressColumns[policy];
    }

    /**
     * Per column, the number of its egress shape: columns of one shape have the same egress key in every evaluation, since
     * {@link ChainKeys#egress} reads nothing else than the port profile (an external peer's own number), and the
     * cluster-wide rules, NetworkPolicy egress slots and Calico rules that reach the column. An evaluation makes one key per
     * shape instead of one per column.
     */
    synchronized int[] egressShapes(ConnectivityIndex index) {
        if (egressShapes == null) {
            Map<List<Object>, Integer> numbers = new HashMap<>();
            int[] out = new int[index.columnCount()];
            for (int column = 0; column < out.length; column++) {
                boolean external = column >= index.classCount;
                int x = column - index.classCount;
                List<Object> content = external
                        ? List.of(1, x, IntBuffer.wrap(clusterEgressExternal[x]), IntBuffer.wrap(index.egressSlotsReachingExternal[x]),
                                IntBuffer.wrap(calicoEgressExternal[x]))
                        : List.of(0, index.portProfile[column], IntBuffer.wrap(clusterEgress[column]),
                                IntBuffer.wrap(index.egressSlotsReachingClass[column]), IntBuffer.wrap(calicoEgress[column]));
                out[column] = numbers.computeIfAbsent(content, k -> numbers.size());
            }
            egressShapes = out;
            egressShapeCount = numbers.size();
        }
        return egressShapes;
    }

    /** How many egress shapes {@link #egressShapes} numbers. */
    synchronized int egressShapeCount(ConnectivityIndex index) {
        egressShapes(index);
        return egressShapeCount;
    }

    /**
     * The place in {@code reaching} (a column's ascending list of the rule ids that reach it) of the first id at or after
     * {@code first}, a policy's first rule: that policy's rules reaching the column run from there while below the next
     * policy's first rule.
     */
    static int firstAtOrAfter(int[] reaching, int first) {
        int at = java.util.Arrays.binarySearch(reaching, first);
        return at >= 0 ? at : -at - 1;
    }

    /** Per policy, the columns some rule of it reaches: classes by their index, external peer x as {@code classCount + x}. */
    private static BitSet[] columnsOf(int policies, int[] rulePolicy, int[][] byClass, int[][] byExternal, int classCount) {
        BitSet[] out = new BitSet[policies];
        for (int p = 0; p < policies; p++) {
            out[p] = new BitSet();
        }
        for (int c = 0; c < byClass.length; c++) {
            for (int id : byClass[c]) {
                out[rulePolicy[id]].set(c);
            }
        }
        for (int x = 0; x < byExternal.length; x++) {
            for (int id : byExternal[x]) {
                out[rulePolicy[id]].set(classCount + x);
            }
        }
        return out;
    }

    private static void mark(PeerMatching rule, int id, int classCount, List<Endpoint.External> externals,
            List<List<Integer>> byClass, List<List<Integer>> byExternal) {
        for (int c = 0; c < classCount; c++) {
            if (rule.matchesClass(c)) {
                byClass.get(c).add(id);
            }
        }
        for (int x = 0; x < externals.size(); x++) {
            if (rule.matchesExternal(externals.get(x).block())) {
                byExternal.get(x).add(id);
            }
        }
    }

    private static List<List<Integer>> lists(int count) {
        List<List<Integer>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static int[][] arrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}

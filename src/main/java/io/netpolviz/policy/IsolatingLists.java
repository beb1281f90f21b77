package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.BitSet;
import java.util.List;

/**
 * Which switched-on policies decide each class's side, per direction: those that select it and
 * isolate the direction, in index order, and where that list is not empty the Cilium allow parts
 * that add to the union without isolating ({@link CiliumContributors}). Built in two passes over
 * the selected classes (each policy's as an array of indices, cheaper to walk than its bitset
 * when Cilium's allow parts select hundreds of classes each): count, then fill.
 */
final class IsolatingLists {

    private static final int[] NONE = new int[0];

    private IsolatingLists() {
    }

    /** Per direction ordinal, per class index: the deciding policies' indices, ascending. */
    static int[][][] of(PolicyEngine engine, BitSet enabled) {
        int classCount = engine.classes().size();
        int[][][] isolating = new int[PolicyType.values().length][][];
        for (PolicyType direction : PolicyType.values()) {
            int[] counts = new int[classCount];
            for (CompiledPolicy policy : engine.policies()) {
                if (enabled.get(policy.index()) && policy.isolates(direction)) {
                    for (int c : policy.selectedIndicesView()) {
                        counts[c]++;
                    }
                }
            }
            int[][] perClass = new int[classCount][];
            for (int c = 0; c < classCount; c++) {
                perClass[c] = counts[c] == 0 ? NONE : new int[counts[c]];
                counts[c] = 0;
            }
            for (CompiledPolicy policy : engine.policies()) {
                if (enabled.get(policy.index()) && policy.isolates(direction)) {
                    for (int c : policy.selectedIndicesView()) {
                        perClass[c][counts[c]++] = policy.index();
                    }
                }
            }
            if (engine.hasContributors()) {
                for (int c = 0; c < classCount; c++) {
                    perClass[c] = CiliumContributors.adjust(engine, enabled, direction, c, perClass[c]);
                }
            }
            isolating[direction.ordinal()] = perClass;
        }
        return isolating;
    }

    /** The egress-isolated classes among {@code [first, end)}. */
    static ClassSet egressIsolated(PolicyEngine engine, int[][][] isolating, int first, int end) {
        ClassSetBuilder isolated = new ClassSetBuilder(engine.classes().size());
        int[][] egress = isolating[PolicyType.EGRESS.ordinal()];
        List<PodClass> classes = engine.classes();
        for (int c = first; c < end; c++) {
            if (egress[c].length > 0 && !classes.get(c).hostNetwork()) {
                isolated.add(c);
            }
        }
        return isolated.build();
    }

    /**
     * Whether the destination's ingress admits no source in blocks {@code [from, to)}: then
     * every pair from there is "nothing" whatever those sources' egress says, before an
     * egress toggle and after it.
     */
    static boolean admitsNothingFrom(Evaluation evaluation, int destination, int from, int to) {
        ConnectivityIndex index = evaluation.engine().connectivityIndex();
        if (index.hostNetwork[destination] || index.tiers.selecting[destination].length > 0) {
            // A cluster-wide policy's Allow can admit what no NetworkPolicy rule does.
            return false;
        }
        int[] isolating = evaluation.isolatingIndices(PolicyType.INGRESS, destination);
        if (isolating.length == 0) {
            return false;
        }
        for (int p : isolating) {
            List<CompiledRule> rules = evaluation.engine().policies().get(p).rules(PolicyType.INGRESS);
            for (int r = 0; r < rules.size(); r++) {
                if (!index.ingressPeers[p][r].isEmpty(from, to) && !index.ingressPorts(p, r, rules.get(r), destination).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}

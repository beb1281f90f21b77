package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Allow parts that add to the union without isolating: a Cilium spec with
 * {@code enableDefaultDeny: false} in a direction "does not put the endpoint into default deny,
 * but its rules still allow traffic when another policy does" (the {@code enableDefaultDeny}
 * field of Cilium's {@code api.Rule}: "If multiple policies apply to an endpoint, that
 * endpoint's default deny will be enabled if any policy requests it"). The evaluation adds such a
 * part to a class's list of deciding policies exactly when some other switched-on policy isolates
 * that class in that direction.
 */
final class CiliumContributors {

    private static final int[] NONE = new int[0];

    private CiliumContributors() {
    }

    /** Per direction ordinal, per class: the contributing parts that select it, ascending. */
    static int[][][] of(int classCount, List<CompiledPolicy> policies) {
        int[][][] out = new int[PolicyType.values().length][classCount][];
        for (PolicyType direction : PolicyType.values()) {
            List<List<Integer>> perClass = new ArrayList<>();
            for (int c = 0; c < classCount; c++) {
                perClass.add(null);
            }
            for (CompiledPolicy policy : policies) {
                if (!policy.isCilium() || policy.isolates(direction) || policy.rules(direction).isEmpty()) {
                    continue;
                }
                BitSet selected = policy.selectedClassesView();
                for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
                    if (perClass.get(c) == null) {
                        perClass.set(c, new ArrayList<>());
                    }
                    perClass.get(c).add(policy.index());
                }
            }
            for (int c = 0; c < classCount; c++) {
                List<Integer> parts = perClass.get(c);
                out[direction.ordinal()][c] = parts == null ? NONE : parts.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return out;
    }

    static boolean any(int[][][] contributors) {
        for (int[][] direction : contributors) {
            for (int[] parts : direction) {
                if (parts.length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code deciding} (a class's sorted list of deciding parts) with the contributors set right:
     * none when nothing else is left, else every switched-on one.
     */
    static int[] adjust(PolicyEngine engine, BitSet enabled, PolicyType direction, int classIndex, int[] deciding) {
        int[] parts = engine.contributors(direction, classIndex);
        if (parts.length == 0) {
            return deciding;
        }
        int[] rest = deciding;
        for (int part : parts) {
            rest = SortedIndices.without(rest, part);
        }
        if (rest.length == 0) {
            return rest;
        }
        for (int part : parts) {
            if (enabled.get(part)) {
                rest = SortedIndices.with(rest, part);
            }
        }
        return rest;
    }
}

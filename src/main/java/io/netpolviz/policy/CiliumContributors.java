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
     * none when nothing else is left, else every switched-on one. One merge of the two sorted
     * lists: a class selected by dozens of contributing parts is adjusted for every class at
     * every evaluation, and inserting them one at a time copied its list once per part.
     */
    static int[] adjust(PolicyEngine engine, BitSet enabled, PolicyType direction, int classIndex, int[] deciding) {
        int[] parts = engine.contributors(direction, classIndex);
        if (parts.length == 0) {
            return deciding;
        }
        int others = deciding.length - common(deciding, parts);
        if (others == 0) {
            return SortedIndices.NONE;
        }
        int switchedOn = 0;
        for (int part : parts) {
            switchedOn += enabled.get(part) ? 1 : 0;
        }
        int[] out = new int[others + switchedOn];
        int n = 0;
        int j = 0;
        for (int i = 0; i < deciding.length || j < parts.length; ) {
            // Take the smaller head; a contributor is kept only when switched on, whether or not deciding held it.
            boolean fromParts = i >= deciding.length || j < parts.length && parts[j] <= deciding[i];
            if (fromParts) {
                if (i < deciding.length && deciding[i] == parts[j]) {
                    i++;
                }
                if (enabled.get(parts[j])) {
                    out[n++] = parts[j];
                }
                j++;
            } else {
                out[n++] = deciding[i++];
            }
        }
        return out;
    }

    /** How many indices two sorted lists share. */
    private static int common(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}

package io.netpolviz.policy;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the classes a cluster-wide policy selects can change their ingress side when it is
 * toggled, with Calico's tiers; the others keep the side they had. The policy sits in a tier that
 * passes by default, so its toggle changes no other tier's entries and never where a walk is cut
 * off ({@link IngressEntries}): a class's walk after the policy's tier reads only where the walk
 * stood on leaving that tier, and the later entries, which stay as they were. Its ingress rules
 * match only the sources on the toggle's windows. So a class whose walk stands the same on leaving
 * the tier, on those windows, has the same side everywhere: its new key gets the id of its old one
 * (a side depends on its key alone, so that holds for good). Classes with one old key are asked
 * once, and their new key is made only where a walk needs it; classes whose keys agree up to the
 * end of the tier stand alike there, asked once. At L, a toggle of a policy selecting
 * 3,176 classes (1,013 distinct keys) asks about 70 beginnings, mostly walked already
 * ({@link WalkPrefixes}), and a toggle that changes no pair walks no class's later tiers again.
 */
final class ChainIngressDeltas {

    private ChainIngressDeltas() {
    }

    /**
     * Gives each class of {@code touched} (those {@code policy} selects) the id of its side in {@code earlier} where that
     * side stays in {@code next}, the evaluation after toggling it; {@code runs} are the windows
     * of source blocks the policy's ingress rules can match. Returns the classes whose side may have changed.
     */
    static BitSet changed(PolicyEngine engine, ChainColumns earlier, ChainColumns next, CompiledTierPolicy policy, BitSet touched,
            List<int[]> runs) {
        ConnectivityIndex index = engine.connectivityIndex();
        IngressEntries entries = engine.calicoIndex().ingressEntries;
        int tier = entries.clusterTier(policy.index());
        BitSet out = new BitSet();
        Map<Beginning, Boolean> byBeginning = new HashMap<>();
        // Asked once per old key: classes with one key have the same entries, and so the same answer.
        Map<Integer, Boolean> sameById = new HashMap<>();
        for (int d = touched.nextSetBit(0); d >= 0; d = touched.nextSetBit(d + 1)) {
            if (index.hostNetwork[d]) {
                continue;
            }
            int column = d;
            int oldId = earlier.ingressId(d);
            boolean same = sameById.computeIfAbsent(oldId, id -> {
                // A walk cut off before the policy's tier never reaches it: entries, key and side stay.
                if (entries.cutBefore(column, earlier.ingressEntries(column), tier)) {
                    return true;
                }
                ChainIngressWalk before = earlier.ingressWalk(column);
                Beginning beginning = new Beginning(earlier.ingressKey(column).values(), before.keyLengthThrough(tier));
                return byBeginning.computeIfAbsent(beginning, b -> standsAlike(before, next.ingressWalk(column), tier, runs));
            });
            // The new key is made only where a walk asks for it (IngressShares makes it once per kind of class).
            if (same) {
                next.keepIngressId(d, oldId);
            } else {
                out.set(d);
            }
        }
        return out;
    }

    private static boolean standsAlike(ChainIngressWalk before, ChainIngressWalk after, int tier, List<int[]> runs) {
        for (int[] run : runs) {
            if (!before.stateAfter(tier, run[0], run[1]).sameAs(after.stateAfter(tier, run[0], run[1]))) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code length} numbers of an ingress key. */
    private record Beginning(int[] values, int length) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Beginning beginning && beginning.length == length
                    && java.util.Arrays.equals(values, 0, length, beginning.values, 0, length);
        }

        @Override
        public int hashCode() {
            int hash = length;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + values[i];
            }
            return hash;
        }
    }
}

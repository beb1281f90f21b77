package io.netpolviz.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a toggle of a policy in a passing tier leaves a column's egress side as it was, with
 * Calico's tiers. Such a toggle changes the egress keys of every column the policy's egress rules
 * reach, yet most of those rules decide nothing an earlier rule has not (a broad cluster-wide
 * Deny toward addresses a Calico tier already denies, say). Columns whose old and new keys walk to
 * the same side keep the id of the old one and are not recomputed: asked once per pair of ids,
 * against the sides {@link ChainMemo} holds. Egress sides depend on which sources the denying
 * tiers' defaults reach as well as on keys, so a kept id holds for this memo generation only
 * ({@link ChainColumns#inherit} drops it when a later toggle starts another).
 */
final class ChainEgressDeltas {

    private final ChainColumns earlier;
    private final ChainColumns next;
    private final Map<Long, Boolean> sameSides = new HashMap<>();

    ChainEgressDeltas(ChainColumns earlier, ChainColumns next) {
        this.earlier = earlier;
        this.next = next;
    }

    /** Whether {@code column} has the same egress side after the toggle as before; then it keeps the id it had. */
    boolean keeps(int column) {
        if (earlier.memo() != next.memo()) {
            return false;
        }
        int before = earlier.egressId(column);
        int after = next.egressId(column);
        if (before == after) {
            return true;
        }
        boolean same = sameSides.computeIfAbsent(((long) before << 32) | after,
                pair -> earlier.egressSideOf(column).sameAs(next.egressSideOf(column)));
        if (same) {
            next.keepEgressId(column, before);
        }
        return same;
    }
}

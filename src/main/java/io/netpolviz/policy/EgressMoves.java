package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.HashMap;
import java.util.Map;

/**
 * For a NetworkPolicy toggle that leaves egress isolation as it was on the policy's window:
 * whether the policy's egress rules move a class column's egress side there. Everything else the
 * side follows from (the other policies' rules, which sources are isolated, the tiers) is the same
 * before and after, so the side moves exactly when some source the policy's rules hold is not
 * already allowed their ports by the other rules toward that column: the NetworkPolicy layer's part
 * of the side without the policy is computed once per egress kind, and the policy's rules are held
 * against its groups. Comparing the whole sides before and after cost two computations, each over
 * every rule reaching the column: with Cilium's allow parts about 110 per class at L, and a
 * cluster-wide Cilium policy that changes no pair (another of the team allows the same) spent
 * two thirds of its toggle there.
 */
final class EgressMoves {

    private final ConnectivityIndex index;
    private final ConnectivityBuilder without;
    private final int policy;
    /** The sources the policy's egress rules count for: those it governs, or (a part that only joins the union) those something isolates. */
    private final ClassSet members;
    private final Map<Integer, Boolean> byEgressKind = new HashMap<>();

    /** {@code without}: the builder of whichever evaluation has {@code policy} switched off; {@code next}: the one after the toggle. */
    EgressMoves(ConnectivityBuilder without, Evaluation next, CompiledPolicy policy) {
        this.index = next.engine().connectivityIndex();
        this.without = without;
        this.policy = policy.index();
        ClassSet governed = index.governed[policy.index()];
        this.members = policy.isolates(PolicyType.EGRESS) ? governed : governed.and(next.egressIsolated());
    }

    /** Whether class {@code column}'s egress side on blocks {@code [from, to)} differs before and after the toggle (the same for its egress kind). */
    boolean moves(int column, int from, int to) {
        return byEgressKind.computeIfAbsent(index.egressKind[column], kind -> {
            if (members.isEmpty(from, to)) {
                return false;
            }
            WindowPartition others = without.networkPolicyEgress(column, from, to);
            return notCovered(others, index.egressSlotsReachingClass[column], column) || notCovered(others, index.egressSlotsReachingAll, column);
        });
    }

    /** Whether one of the policy's rules among {@code slots} admits a source some port toward {@code column} that {@code others} does not. */
    private boolean notCovered(WindowPartition others, int[] slots, int column) {
        for (int s : slots) {
            if (index.egressSlots[s].policy() != policy) {
                continue;
            }
            PortSet ports = index.egressPorts(s, column);
            if (ports.isEmpty()) {
                continue;
            }
            ClassSet uncovered = members;
            for (int g = 0; g < others.ports.size(); g++) {
                ClassSet group = others.sets.get(g);
                if (!group.intersects(members, others.from, others.to)) {
                    continue;
                }
                if (!ports.minus(others.ports.get(g)).isEmpty()) {
                    return true;
                }
                uncovered = uncovered.andNot(group, others.from, others.to);
            }
            if (!uncovered.isEmpty(others.from, others.to)) {
                return true;
            }
        }
        return false;
    }
}

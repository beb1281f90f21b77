package io.netpolviz.policy.fix;

import io.netpolviz.policy.ConnectivityChange;
import java.util.List;

/**
 * What a change does, found by evaluating the cluster with the change applied: whether the
 * target connection is allowed before and after, and every other change in allowed
 * connectivity (pairs and ports) — the collateral. The target pair's other ports count as
 * collateral too: only the target port is meant to change.
 */
public record Effect(boolean allowedBefore, boolean allowedAfter, List<ConnectivityChange> collateral) {

    public Effect {
        collateral = List.copyOf(collateral);
    }

    /** Whether the target connection changed the way the goal asks. */
    public boolean reaches(Goal goal) {
        return goal == Goal.ALLOW ? !allowedBefore && allowedAfter : allowedBefore && !allowedAfter;
    }

    /** How many pairs besides the target change, to rank proposals. */
    public int collateralPairs() {
        return collateral.size();
    }
}

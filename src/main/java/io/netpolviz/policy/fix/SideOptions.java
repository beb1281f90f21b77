package io.netpolviz.policy.fix;

import io.netpolviz.model.PolicyType;
import java.util.List;

/**
 * The changes that could decide one side of the target connection the way the goal asks, best
 * guess first, or why no NetworkPolicy change can ({@code obstacle}, e.g. an Admin-tier rule).
 */
record SideOptions(PolicyType direction, List<Draft> drafts, String obstacle) {

    SideOptions {
        drafts = List.copyOf(drafts);
    }

    static SideOptions blockedBy(PolicyType direction, String obstacle) {
        return new SideOptions(direction, List.of(), obstacle);
    }
}

package io.netpolviz.layout;

import java.util.Collection;

/** How an edge line is drawn, from the verdicts of its ports. */
public enum EdgeStyle {
    /** Every port is allowed. */
    ALLOWED,
    /** Some ports are allowed and some are not (or a port is allowed only in part: for some pairs, some of a range). */
    MIXED,
    /** No port is allowed. */
    BLOCKED;

    public static EdgeStyle of(Collection<PortStyle> ports) {
        boolean anyAllowed = ports.contains(PortStyle.ALLOWED) || ports.contains(PortStyle.PARTIAL);
        boolean allAllowed = ports.stream().allMatch(port -> port == PortStyle.ALLOWED);
        if (anyAllowed && allAllowed) {
            return ALLOWED;
        }
        return anyAllowed ? MIXED : BLOCKED;
    }
}

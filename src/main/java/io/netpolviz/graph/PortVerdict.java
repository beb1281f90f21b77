package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;

/**
 * The verdict for one port (or range) of an edge. {@code changed} is true when the last toggle,
 * or the last update of a live cluster, flipped it. A range that is allowed only in part counts as blocked, with {@code partial} set.
 */
public record PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed) {

    /** {@code ✓ TCP 8080} or {@code ✗ TCP 8080}. */
    public String display() {
        return (allowed ? "\u2713 " : "\u2717 ") + port.display();
    }
}

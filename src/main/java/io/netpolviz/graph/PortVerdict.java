package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;

/**
 * The verdict for one port (or range) of an edge. {@code changed} is true when the last toggle,
 * or the last update of a live cluster, flipped it. A range that is allowed only in part counts as
 * blocked, with {@code partial} set; so does a port of a summary edge (one that touches a collapsed
 * namespace) that is allowed for some of the workload pairs it stands for and not for the others.
 * {@code filtered}: allowed, and a Cilium L7 or DNS-name rule filters requests on it at run time.
 */
public record PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed, boolean filtered) {

    /** A port no run-time filter narrows. */
    public PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed) {
        this(port, allowed, partial, changed, false);
    }

    /** {@code ✓ TCP 8080}, {@code ◐ TCP 8080} or {@code ✗ TCP 8080}. */
    public String display() {
        return (allowed ? "\u2713 " : partial ? "\u25D0 " : "\u2717 ") + port.display();
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;

/**
 * The verdict for one port (or range) of an edge. {@code changed} is true when the last toggle,
 * or the last update of a live cluster, flipped it. A range that is allowed only in part counts as
 * blocked, with {@code partial} set; so does a port of a summary edge (one that touches a collapsed
 * namespace) that is allowed for some of the workload pairs it stands for and not for the others.
 * {@code filtered}: allowed, and a Cilium L7 or DNS-name rule filters requests on it at run time.
 * {@code name}: null for a port by number; else the port is the one each destination gives this
 * name ({@link PortName}), and {@code port} is only the protocol's whole range, which says the protocol.
 */
public record PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed, boolean filtered, PortName name) {

    /** A port by number. */
    public PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed, boolean filtered) {
        this(port, allowed, partial, changed, filtered, null);
    }

    /** A port by number no run-time filter narrows. */
    public PortVerdict(PortRange port, boolean allowed, boolean partial, boolean changed) {
        this(port, allowed, partial, changed, false);
    }

    /** The port each destination calls {@code name}, allowed. */
    public static PortVerdict allowedByName(PortName name, boolean changed) {
        return new PortVerdict(PortRange.all(name.protocol()), true, false, changed, false, name);
    }

    public boolean isNamed() {
        return name != null;
    }

    /** {@code ✓ TCP 8080}, {@code ◐ TCP 8080}, {@code ✗ TCP 8080} or {@code ✓ metrics}. */
    public String display() {
        return (allowed ? "\u2713 " : partial ? "\u25D0 " : "\u2717 ") + (name != null ? name.display() : port.display());
    }
}

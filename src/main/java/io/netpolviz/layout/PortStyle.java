package io.netpolviz.layout;

/** The verdict of one port label, with a mark that reads without colour. */
public enum PortStyle {
    ALLOWED("\u2713"),
    /** A port range allowed only in part: it counts as blocked. */
    PARTIAL("\u25D0"),
    BLOCKED("\u2717");

    private final String mark;

    PortStyle(String mark) {
        this.mark = mark;
    }

    /** ✓, ◐ or ✗. */
    public String mark() {
        return mark;
    }

    public static PortStyle of(boolean allowed, boolean partial) {
        if (allowed) {
            return ALLOWED;
        }
        return partial ? PARTIAL : BLOCKED;
    }
}

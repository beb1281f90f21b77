package io.netpolviz.layout;

/**
 * The box around a namespace's nodes. {@code titleBaseline} is relative to the box's top-left
 * corner; the insets are the room kept between the box and its nodes (the top one holds the title).
 */
public record NamespaceBox(String name, Rect bounds, Point titleBaseline, double sideInset, double topInset,
        boolean hidden) {

    /** The name of the box that holds the address blocks outside the cluster (no namespace has spaces in its name). */
    public static final String OUTSIDE = "outside the cluster";

    /** The name of the box around the namespaces no policy isolates, as the graph names it. */
    public static final String OPEN_ZONE = "no policy isolates these";

    /** Whether the box is a frame around other things rather than a namespace: the outside, the open zone, a group of groups. */
    public boolean isFrame() {
        return OUTSIDE.equals(name) || OPEN_ZONE.equals(name) || name.endsWith("=\u2026");
    }

    public Point absoluteTitleBaseline() {
        return titleBaseline.translated(bounds.x(), bounds.y());
    }

    /** This box grown, if need be, so that {@code node} lies inside it with the usual insets. */
    public NamespaceBox enclosing(Rect node) {
        Rect needed = node.expanded(sideInset, topInset, sideInset, sideInset);
        return new NamespaceBox(name, bounds.union(needed), titleBaseline, sideInset, topInset, hidden);
    }

    public NamespaceBox withHidden(boolean hide) {
        return new NamespaceBox(name, bounds, titleBaseline, sideInset, topInset, hide);
    }
}

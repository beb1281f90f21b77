package io.netpolviz.layout;

/**
 * One entry of an edge's label chip, e.g. {@code 8080} in {@code ✓ 8080, 8443 · ✗ 5432}: its
 * text, verdict and change mark, the box a click on it hits, and where its parts are drawn — the
 * separator before it ({@code ", "} within a verdict, {@code " · "} between verdicts, empty for the
 * first entry), the ✓/◐/✗ mark when it starts a verdict (null otherwise), and the text.
 */
public record PortLabel(String text, PortStyle style, boolean changed, Rect bounds, String lead, Point leadBaseline,
        Point markBaseline, Point textBaseline) {

    /** The suffix of an entry on which a Cilium L7 or DNS-name rule filters requests at run time ({@code 80 L7}). */
    public static final String RUN_TIME_FILTER = io.netpolviz.graph.LabelPort.RUN_TIME_FILTER;

    /** Whether a Cilium L7 or DNS-name rule filters requests on this entry at run time. */
    public boolean filteredAtRunTime() {
        return text.endsWith(" " + RUN_TIME_FILTER);
    }

    /** Whether the entry starts its verdict's run and so carries the mark. */
    public boolean showsMark() {
        return markBaseline != null;
    }

    /** {@code ✓ 8080}. */
    public String display() {
        return style.mark() + " " + text;
    }

    public PortLabel movedBy(double dx, double dy) {
        return new PortLabel(text, style, changed, bounds.translated(dx, dy), lead, leadBaseline.translated(dx, dy),
                markBaseline == null ? null : markBaseline.translated(dx, dy), textBaseline.translated(dx, dy));
    }

    public PortLabel restyled(boolean newChanged) {
        return new PortLabel(text, style, newChanged, bounds, lead, leadBaseline, markBaseline, textBaseline);
    }
}

package io.netpolviz.layout;

/**
 * The label of one port on an edge, e.g. {@code ✓ TCP 8080}. The mark and the text have their own
 * baselines so that marks line up in a column; the box is sized for the widest mark, so a
 * restyle never changes its size.
 */
public record PortLabel(String text, PortStyle style, boolean changed, Rect bounds, Point markBaseline,
        Point textBaseline) {

    /** {@code ✓ TCP 8080}. */
    public String display() {
        return style.mark() + " " + text;
    }

    public PortLabel movedBy(double dx, double dy) {
        return new PortLabel(text, style, changed, bounds.translated(dx, dy), markBaseline.translated(dx, dy),
                textBaseline.translated(dx, dy));
    }

    public PortLabel movedTo(double x, double y) {
        return movedBy(x - bounds.x(), y - bounds.y());
    }

    public PortLabel restyled(PortStyle newStyle, boolean newChanged) {
        return new PortLabel(text, newStyle, newChanged, bounds, markBaseline, textBaseline);
    }
}

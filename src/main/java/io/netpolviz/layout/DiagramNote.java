package io.netpolviz.layout;

/**
 * The line under the title that says what the picture leaves out ("96 more pairs are blocked; no
 * rule names them"), and, on screen, the words that show it ("show them"): {@code actionBounds}
 * is where a click on those words lands, null when there is no action (exports).
 */
public record DiagramNote(String text, Point baseline, String action, Point actionBaseline, Rect actionBounds) {

    public static final DiagramNote NONE = new DiagramNote("", new Point(0, 0), "", new Point(0, 0), null);

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean hasAction() {
        return actionBounds != null;
    }

    public DiagramNote movedBy(double dx, double dy) {
        return new DiagramNote(text, baseline.translated(dx, dy), action, actionBaseline.translated(dx, dy),
                actionBounds == null ? null : actionBounds.translated(dx, dy));
    }
}

package io.netpolviz.layout;

/**
 * Gives a laid-out diagram another title without laying it out again: an export names what the
 * view shows (switched-off policies, filters), which the screen's title does not. The bounds
 * grow to the right for a longer title, and upwards when the diagram had no title at all.
 */
public final class DiagramTitle {

    private DiagramTitle() {
    }

    public static Diagram retitled(Diagram diagram, String title, TextMeasurer measurer) {
        String newTitle = title == null ? "" : title;
        if (newTitle.equals(diagram.title())) {
            return diagram;
        }
        Typography typography = diagram.typography();
        TextMetrics text = measurer.measure(newTitle, typography.title());
        Point baseline = diagram.titleBaseline();
        Rect bounds = diagram.bounds();
        // The layout puts the title at the left margin; keep the same margin on the right.
        double margin = Math.max(0, baseline.x() - bounds.x());
        if (diagram.title().isEmpty() && !newTitle.isEmpty()) {
            // The drawing starts where the title would have been: make room above it, as a layout
            // with a title would have (16 spacing units between title and drawing).
            double spacing = Math.sqrt(typography.nodeLabel().size() / Typography.standard().nodeLabel().size());
            double lift = text.height() + 16 * spacing;
            baseline = baseline.translated(0, -lift);
            bounds = bounds.expanded(0, lift, 0, 0);
        }
        Rect needed = new Rect(bounds.x(), bounds.y(), Math.max(0, baseline.x() - bounds.x()) + text.width() + margin, bounds.height());
        Rect newBounds = bounds.union(needed).snappedOut();
        return new Diagram(newTitle, baseline, typography, diagram.namespaces(), diagram.nodes(), diagram.edges(),
                diagram.legend(), diagram.note(), newBounds);
    }
}

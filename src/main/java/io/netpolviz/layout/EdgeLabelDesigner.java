package io.netpolviz.layout;

import io.netpolviz.graph.LabelPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Designs an edge's one label chip: its entries in reading order ({@code ✓ 8080, 8443 · ✗ 5432}),
 * each verdict's mark once at the start of its run, in a pill just big enough for them.
 */
final class EdgeLabelDesigner {

    /** Between entries of one verdict. */
    static final String WITHIN_RUN = ", ";
    /** Between verdicts. */
    static final String BETWEEN_RUNS = "  \u00B7  ";

    /** A designed chip: its pill and its entries, in diagram coordinates. */
    record Chip(Rect bounds, List<PortLabel> entries) {

        Chip movedTo(double x, double y) {
            double dx = x - bounds.x();
            double dy = y - bounds.y();
            return new Chip(bounds.translated(dx, dy), entries.stream().map(entry -> entry.movedBy(dx, dy)).toList());
        }
    }

    private final FontSpec font;
    private final FontSpec markFont;
    private final TextMeasurer measurer;
    private final double padX;
    private final double padY;

    EdgeLabelDesigner(LayoutOptions options) {
        this.font = options.typography().portLabel();
        this.markFont = options.typography().portMark();
        this.measurer = options.measurer();
        this.padX = 6 * options.unit();
        this.padY = 2.5 * options.unit();
    }

    /** The chip for {@code ports} with its top-left corner at (x, y). */
    Chip design(List<LabelPort> ports, double x, double y) {
        TextMetrics probe = measurer.measure("0", font);
        double baseline = y + padY + probe.ascent();
        double space = measurer.measure(" ", font).width();
        List<PortLabel> entries = new ArrayList<>();
        double cursor = x + padX;
        for (int i = 0; i < ports.size(); i++) {
            LabelPort port = ports.get(i);
            PortStyle style = PortStyle.of(port.allowed(), port.partial());
            boolean startsRun = i == 0 || PortStyle.of(ports.get(i - 1).allowed(), ports.get(i - 1).partial()) != style;
            String lead = i == 0 ? "" : startsRun ? BETWEEN_RUNS : WITHIN_RUN;
            Point leadBaseline = new Point(cursor, baseline);
            cursor += measurer.measure(lead, font).width();
            double entryStart = cursor;
            Point markBaseline = null;
            if (startsRun) {
                markBaseline = new Point(cursor, baseline);
                cursor += measurer.measure(style.mark(), markFont).width() + space;
            }
            Point textBaseline = new Point(cursor, baseline);
            cursor += measurer.measure(port.text(), font).width();
            Rect hit = new Rect(entryStart, y, cursor - entryStart, 2 * padY + probe.height());
            entries.add(new PortLabel(port.text(), style, port.changed(), hit, lead, leadBaseline, markBaseline, textBaseline));
        }
        Rect bounds = new Rect(x, y, cursor + padX - x, 2 * padY + probe.height());
        return new Chip(bounds, entries);
    }
}

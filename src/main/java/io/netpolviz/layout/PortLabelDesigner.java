package io.netpolviz.layout;

import io.netpolviz.graph.PortVerdict;

/** Sizes and places port labels: a mark column wide enough for any mark, then the port text. */
final class PortLabelDesigner {

    private final FontSpec font;
    private final TextMeasurer measurer;
    private final double padX;
    private final double padY;
    private final double markColumn;
    private final double space;

    PortLabelDesigner(LayoutOptions options) {
        this.font = options.typography().portLabel();
        this.measurer = options.measurer();
        this.padX = 5 * options.unit();
        this.padY = 2 * options.unit();
        double widest = 0;
        for (PortStyle style : PortStyle.values()) {
            widest = Math.max(widest, measurer.measure(style.mark(), options.typography().portMark()).width());
        }
        this.markColumn = widest;
        this.space = measurer.measure(" ", font).width();
    }

    /** The label for a verdict with its top-left corner at (x, y). */
    PortLabel design(PortVerdict verdict, double x, double y) {
        String text = verdict.port().display();
        TextMetrics metrics = measurer.measure(text, font);
        double width = 2 * padX + markColumn + space + metrics.width();
        double height = 2 * padY + metrics.height();
        double baseline = y + padY + metrics.ascent();
        return new PortLabel(text, PortStyle.of(verdict.allowed(), verdict.partial()), verdict.changed(),
                new Rect(x, y, width, height), new Point(x + padX, baseline),
                new Point(x + padX + markColumn + space, baseline));
    }
}

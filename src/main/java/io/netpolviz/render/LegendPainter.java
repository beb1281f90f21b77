package io.netpolviz.render;

import io.netpolviz.layout.EdgeStyle;
import io.netpolviz.layout.FontSpec;
import io.netpolviz.layout.IconKind;
import io.netpolviz.layout.Legend;
import io.netpolviz.layout.LegendEntry;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** Draws the legend box: each entry's sample with the same code that draws the diagram, then its text. */
final class LegendPainter {

    private final Graphics2D g;
    private final Theme theme;
    private final Fonts fonts;
    private final FontSpec font;
    private final EdgePainter edges;
    private final IconPainter icons;
    private final double unit;

    LegendPainter(Graphics2D g, Theme theme, Fonts fonts, FontSpec font, EdgePainter edges, double unit) {
        this.g = g;
        this.theme = theme;
        this.fonts = fonts;
        this.font = font;
        this.edges = edges;
        this.icons = new IconPainter(g, theme);
        this.unit = unit;
    }

    void paint(Legend legend) {
        Rect r = legend.bounds();
        RoundRectangle2D box = new RoundRectangle2D.Double(r.x(), r.y(), r.width(), r.height(), 10 * unit, 10 * unit);
        g.setColor(theme.legendFill());
        g.fill(box);
        g.setColor(theme.legendBorder());
        g.setStroke(new BasicStroke(theme.borderWidth()));
        g.draw(box);
        for (LegendEntry entry : legend.entries()) {
            paintSymbol(entry);
            g.setColor(theme.text());
            g.setFont(fonts.of(font));
            g.drawString(entry.text(), (float) entry.textBaseline().x(), (float) entry.textBaseline().y());
        }
    }

    private void paintSymbol(LegendEntry entry) {
        Rect s = entry.symbolBounds();
        List<Point> line = List.of(new Point(s.x(), s.centerY()), new Point(s.maxX(), s.centerY()));
        switch (entry.symbol()) {
            case ALLOWED_EDGE -> edges.paintLine(line, EdgeStyle.ALLOWED);
            case MIXED_EDGE -> edges.paintLine(line, EdgeStyle.MIXED);
            case BLOCKED_EDGE -> edges.paintLine(line, EdgeStyle.BLOCKED);
            case CHANGED_EDGE -> {
                g.setColor(theme.changed());
                g.setStroke(new BasicStroke((float) (theme.edgeWidth() + 8 * unit), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(s.x() + 4 * unit, s.centerY(), s.maxX() - 4 * unit, s.centerY()));
                edges.paintLine(line, EdgeStyle.ALLOWED);
            }
            case PARTIAL_PORT -> markPill(s, PortStyle.PARTIAL.mark(), theme.blocked());
            case RUN_TIME_FILTER -> markPill(s, PortLabel.RUN_TIME_FILTER, theme.allowed());
            case POD -> icons.paint(IconKind.POD, s);
            case WORKLOAD -> icons.paint(IconKind.WORKLOAD, s);
            case DNS -> icons.paint(IconKind.DNS, s);
            case EXTERNAL -> icons.paint(IconKind.EXTERNAL, s);
            case NAMESPACE -> icons.paint(IconKind.NAMESPACE, s);
            case GROUP_EDGE -> {
                // A line that starts at a box's border: a short bar for the border, then the edge.
                g.setColor(theme.namespaceBorder());
                g.setStroke(new BasicStroke((float) Math.max(1.5, theme.namespaceBorderWidth())));
                g.draw(new Line2D.Double(s.x(), s.y() + 2 * unit, s.x(), s.maxY() - 2 * unit));
                edges.paintLine(line, EdgeStyle.ALLOWED);
            }
            case EVERYWHERE -> {
                double d = Math.min(s.width(), s.height());
                edges.paintStub(new Rect(s.centerX() - d / 2, s.centerY() - d / 2, d, d), EdgeStyle.ALLOWED);
            }
            case STAND_IN -> {
                // The dashed frame a stand-in's box has, around the workload icon.
                g.setColor(theme.nodeBorder());
                g.setStroke(new BasicStroke((float) theme.borderWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {(float) (3 * unit), (float) (2 * unit)}, 0f));
                g.draw(new RoundRectangle2D.Double(s.x(), s.y(), s.width(), s.height(), 4 * unit, 4 * unit));
                icons.paint(IconKind.WORKLOAD, new Rect(s.x() + 3 * unit, s.y() + 3 * unit, s.width() - 6 * unit, s.height() - 6 * unit));
            }
            case HOST_NETWORK -> {
                double h = s.height() * 0.6;
                g.setColor(theme.hostNetworkFill());
                g.fill(new RoundRectangle2D.Double(s.x(), s.centerY() - h / 2, s.width(), h, h, h));
            }
        }
    }

    /** A small port-label pill holding {@code mark} (◐, or the L7 suffix), bordered in {@code border}. */
    private void markPill(Rect s, String mark, java.awt.Color border) {
        Font markFont = fonts.of(font);
        g.setFont(markFont);
        Rectangle2D text = markFont.getStringBounds(mark, g.getFontRenderContext());
        RoundRectangle2D pill = new RoundRectangle2D.Double(s.x(), s.y() + s.height() * 0.1, s.width(), s.height() * 0.8,
                s.height() * 0.5, s.height() * 0.5);
        g.setColor(theme.labelFill());
        g.fill(pill);
        g.setColor(border);
        g.setStroke(new BasicStroke((float) Math.max(1, 0.8 * theme.borderWidth())));
        g.draw(pill);
        g.setColor(theme.text());
        float x = (float) (s.centerX() - text.getWidth() / 2);
        float y = (float) (s.centerY() - text.getCenterY());
        g.drawString(mark, x, y);
    }
}

package io.netpolviz.render;

import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.EdgeStyle;
import io.netpolviz.layout.FontSpec;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.Typography;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * Draws edges: a yellow halo under changed ones, the line (solid when allowed, dash-dot when
 * only some ports are, dashed when blocked) with rounded bends and an arrowhead, and the port
 * labels as pills with a ✓/◐/✗ mark (a changed edge's pill ringed in yellow, its marks on white).
 */
final class EdgePainter {

    private final Graphics2D g;
    private final Theme theme;
    private final Fonts fonts;
    private final FontSpec portFont;
    private final FontSpec markFont;
    private final FontSpec stubFont;
    private final double unit;

    EdgePainter(Graphics2D g, Theme theme, Fonts fonts, Typography typography, double unit) {
        this.g = g;
        this.theme = theme;
        this.fonts = fonts;
        this.portFont = typography.portLabel();
        this.markFont = typography.portMark();
        this.stubFont = typography.badge();
        this.unit = unit;
    }

    Color color(EdgeStyle style) {
        return switch (style) {
            case ALLOWED -> theme.allowed();
            case MIXED -> theme.mixed();
            case BLOCKED -> theme.blocked();
        };
    }

    Color color(PortStyle style) {
        return style == PortStyle.ALLOWED ? theme.allowed() : theme.blocked();
    }

    Stroke stroke(EdgeStyle style) {
        float width = theme.edgeWidth();
        return switch (style) {
            case ALLOWED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
            case MIXED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {(float) (11 * unit), (float) (4 * unit), (float) (2.5 * unit), (float) (4 * unit)}, 0f);
            case BLOCKED -> new BasicStroke(theme.blockedEdgeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {(float) (7 * unit), (float) (5 * unit)}, 0f);
        };
    }

    void paintHalo(EdgePath edge) {
        g.setColor(theme.changed());
        g.setStroke(new BasicStroke((float) (theme.edgeWidth() + 8 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path(edge.route(), 0));
    }

    void paintLine(EdgePath edge) {
        paintLine(edge.route(), edge.style());
        if (edge.stub() != null) {
            paintStub(edge.stub(), edge.style());
        }
    }

    /** The disc that stands for "everywhere" at an edge's far end, with the word "all" in it. */
    void paintStub(Rect box, EdgeStyle style) {
        java.awt.geom.Ellipse2D disc = new java.awt.geom.Ellipse2D.Double(box.x(), box.y(), box.width(), box.height());
        g.setColor(theme.labelFill());
        g.fill(disc);
        g.setColor(color(style));
        g.setStroke(new BasicStroke((float) Math.max(1, 1.2 * theme.borderWidth())));
        g.draw(disc);
        g.setFont(fonts.of(stubFont));
        java.awt.FontMetrics metrics = g.getFontMetrics();
        String word = "all";
        float x = (float) (box.centerX() - metrics.stringWidth(word) / 2.0);
        float y = (float) (box.centerY() + (metrics.getAscent() - metrics.getDescent()) / 2.0);
        g.setColor(theme.text());
        g.drawString(word, x, y);
    }

    /** A route with an arrowhead at its last point; the line stops inside the arrowhead so dashes never poke out. */
    void paintLine(List<Point> route, EdgeStyle style) {
        double arrowLength = 6 * unit + 3 * theme.edgeWidth();
        double arrowWidth = 4 * unit + 2.5 * theme.edgeWidth();
        Point tip = route.get(route.size() - 1);
        Point before = route.get(route.size() - 2);
        double length = tip.distanceTo(before);
        double ux = length == 0 ? 1 : (tip.x() - before.x()) / length;
        double uy = length == 0 ? 0 : (tip.y() - before.y()) / length;
        g.setColor(color(style));
        g.setStroke(stroke(style));
        // Rounded bends take at most half of the last segment, so trimming more than that would turn the line back.
        g.draw(path(route, Math.min(arrowLength * 0.7, length / 2)));
        Path2D arrow = new Path2D.Double();
        double baseX = tip.x() - ux * arrowLength;
        double baseY = tip.y() - uy * arrowLength;
        arrow.moveTo(tip.x(), tip.y());
        arrow.lineTo(baseX - uy * arrowWidth / 2, baseY + ux * arrowWidth / 2);
        arrow.lineTo(baseX + uy * arrowWidth / 2, baseY - ux * arrowWidth / 2);
        arrow.closePath();
        g.fill(arrow);
    }

    /** The edge's label chip: a pill outlined in the edge's colour, each verdict's mark in its colour, the ports in text colour. */
    void paintLabels(EdgePath edge) {
        Rect box = edge.chip();
        if (box == null || edge.labels().isEmpty()) {
            return;
        }
        RoundRectangle2D pill = new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(),
                box.height() * 0.6, box.height() * 0.6);
        if (edge.changed()) {
            // A changed chip wears the change colour as a ring around it, like its line's halo; inside, the marks keep
            // the plain fill they are read against (vermillion on yellow is hard to tell from it).
            g.setColor(theme.changed());
            g.setStroke(new BasicStroke((float) (6 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(pill);
        }
        g.setColor(theme.labelFill());
        g.fill(pill);
        g.setColor(color(edge.style()));
        g.setStroke(new BasicStroke((float) Math.max(1, 0.8 * theme.borderWidth())));
        g.draw(pill);
        for (PortLabel label : edge.labels()) {
            paintEntry(label);
        }
    }

    private void paintEntry(PortLabel label) {
        if (!label.lead().isEmpty()) {
            g.setFont(fonts.of(portFont));
            g.setColor(theme.mutedText());
            g.drawString(label.lead(), (float) label.leadBaseline().x(), (float) label.leadBaseline().y());
        }
        if (label.showsMark()) {
            g.setFont(fonts.of(markFont));
            g.setColor(color(label.style()));
            g.drawString(label.style().mark(), (float) label.markBaseline().x(), (float) label.markBaseline().y());
        }
        g.setFont(fonts.of(portFont));
        g.setColor(theme.text());
        g.drawString(label.text(), (float) label.textBaseline().x(), (float) label.textBaseline().y());
    }

    /** The route as a path with rounded bends, cut short by {@code trimEnd} at its end. */
    private Path2D path(List<Point> route, double trimEnd) {
        Path2D path = new Path2D.Double();
        Point first = route.get(0);
        path.moveTo(first.x(), first.y());
        double radius = 6 * unit;
        for (int i = 1; i < route.size() - 1; i++) {
            Point previous = route.get(i - 1);
            Point corner = route.get(i);
            Point next = route.get(i + 1);
            double in = corner.distanceTo(previous);
            double out = corner.distanceTo(next);
            double r = Math.min(radius, Math.min(in, out) / 2);
            if (r <= 0) {
                path.lineTo(corner.x(), corner.y());
                continue;
            }
            path.lineTo(corner.x() + (previous.x() - corner.x()) * r / in, corner.y() + (previous.y() - corner.y()) * r / in);
            path.quadTo(corner.x(), corner.y(),
                    corner.x() + (next.x() - corner.x()) * r / out, corner.y() + (next.y() - corner.y()) * r / out);
        }
        Point last = route.get(route.size() - 1);
        Point before = route.get(route.size() - 2);
        double length = last.distanceTo(before);
        double keep = length == 0 ? 0 : Math.max(0, length - trimEnd) / length;
        path.lineTo(before.x() + (last.x() - before.x()) * keep, before.y() + (last.y() - before.y()) * keep);
        return path;
    }
}

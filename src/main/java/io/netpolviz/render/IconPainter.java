package io.netpolviz.render;

import io.netpolviz.layout.IconKind;
import io.netpolviz.layout.Rect;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Draws the node pictograms with plain Java2D shapes, so they stay vectors in SVG. */
final class IconPainter {

    private final Graphics2D g;
    private final Theme theme;

    IconPainter(Graphics2D g, Theme theme) {
        this.g = g;
        this.theme = theme;
    }

    void paint(IconKind kind, Rect box) {
        float line = (float) Math.max(1.0, box.width() / 18);
        g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (kind) {
            case POD -> cube(box.x() + box.width() / 2, box.y() + box.height() / 2, box.width() * 0.9);
            case WORKLOAD -> stack(box);
            case DNS -> tree(box);
            case EXTERNAL -> globe(box);
            case NAMESPACE -> folder(box);
        }
    }

    /** An isometric cube, the usual picture of a Kubernetes pod. */
    private void cube(double cx, double cy, double size) {
        double half = size / 2;
        double quarter = size / 4;
        Path2D outline = new Path2D.Double();
        outline.moveTo(cx, cy - half);
        outline.lineTo(cx + half * 0.87, cy - quarter);
        outline.lineTo(cx + half * 0.87, cy + quarter);
        outline.lineTo(cx, cy + half);
        outline.lineTo(cx - half * 0.87, cy + quarter);
        outline.lineTo(cx - half * 0.87, cy - quarter);
        outline.closePath();
        Path2D top = new Path2D.Double();
        top.moveTo(cx, cy - half);
        top.lineTo(cx + half * 0.87, cy - quarter);
        top.lineTo(cx, cy);
        top.lineTo(cx - half * 0.87, cy - quarter);
        top.closePath();
        fillAndStroke(outline);
        g.setColor(theme.canvas());
        g.fill(top);
        g.setColor(theme.iconStroke());
        g.draw(top);
        g.draw(new Line2D.Double(cx, cy, cx, cy + half));
    }

    /** Three cubes, back to front: a controller with replicas. */
    private void stack(Rect box) {
        double size = box.width() * 0.62;
        double step = box.width() * 0.17;
        double cx = box.x() + box.width() / 2;
        double cy = box.y() + box.height() / 2;
        cube(cx + step, cy - step, size);
        cube(cx, cy, size);
        cube(cx - step, cy + step, size);
    }

    /** A name hierarchy: one root box above two leaves. */
    private void tree(Rect box) {
        double w = box.width();
        double leaf = w * 0.34;
        double x = box.x();
        double y = box.y();
        Shape root = new RoundRectangle2D.Double(x + (w - leaf) / 2, y + w * 0.06, leaf, leaf * 0.8, leaf / 3, leaf / 3);
        Shape left = new RoundRectangle2D.Double(x + w * 0.06, y + w * 0.62, leaf, leaf * 0.8, leaf / 3, leaf / 3);
        Shape right = new RoundRectangle2D.Double(x + w * 0.6, y + w * 0.62, leaf, leaf * 0.8, leaf / 3, leaf / 3);
        Path2D links = new Path2D.Double();
        links.moveTo(x + w / 2, y + w * 0.06 + leaf * 0.8);
        links.lineTo(x + w / 2, y + w * 0.47);
        links.moveTo(x + w * 0.06 + leaf / 2, y + w * 0.62);
        links.lineTo(x + w * 0.06 + leaf / 2, y + w * 0.47);
        links.lineTo(x + w * 0.6 + leaf / 2, y + w * 0.47);
        links.lineTo(x + w * 0.6 + leaf / 2, y + w * 0.62);
        g.setColor(theme.iconStroke());
        g.draw(links);
        fillAndStroke(root);
        fillAndStroke(left);
        fillAndStroke(right);
    }

    /** A globe: circle, equator, two parallels and a meridian. */
    private void globe(Rect box) {
        double inset = box.width() * 0.06;
        double d = box.width() - 2 * inset;
        double x = box.x() + inset;
        double y = box.y() + inset;
        fillAndStroke(new Ellipse2D.Double(x, y, d, d));
        g.draw(new Ellipse2D.Double(x + d * 0.28, y, d * 0.44, d));
        g.draw(new Line2D.Double(x, y + d / 2, x + d, y + d / 2));
        g.draw(new Line2D.Double(x + d * 0.1, y + d * 0.27, x + d * 0.9, y + d * 0.27));
        g.draw(new Line2D.Double(x + d * 0.1, y + d * 0.73, x + d * 0.9, y + d * 0.73));
    }

    /** A folder: a namespace holding many things. */
    private void folder(Rect box) {
        double w = box.width();
        double x = box.x();
        double y = box.y() + w * 0.14;
        double h = w * 0.72;
        Path2D folder = new Path2D.Double();
        folder.moveTo(x + w * 0.04, y);
        folder.lineTo(x + w * 0.38, y);
        folder.lineTo(x + w * 0.48, y + h * 0.16);
        folder.lineTo(x + w * 0.96, y + h * 0.16);
        folder.lineTo(x + w * 0.96, y + h);
        folder.lineTo(x + w * 0.04, y + h);
        folder.closePath();
        fillAndStroke(folder);
    }

    private void fillAndStroke(Shape shape) {
        g.setColor(theme.iconFill());
        g.fill(shape);
        g.setColor(theme.iconStroke());
        g.draw(shape);
    }
}

package io.netpolviz.render;

import io.netpolviz.layout.IconKind;
import io.netpolviz.layout.Rect;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws the node-kind icons (pod, workload, namespace, external, DNS) with plain Java2D shapes,
 * so they stay vectors in SVG. These are the project's icon designs: the files in {@code icons/}
 * are generated from this class, so the screen, the exports and the icon files agree.
 *
 * <p>Each icon is drawn on a 64 × 64 grid scaled into the square centred in its box, with an
 * outline 3 grid units wide (never thinner than one unit of the target, so 16 px icons keep a
 * whole-pixel outline) and flat fills from an {@link IconPalette}.
 */
final class IconPainter {

    /** The side of the design grid: coordinates below are in 64ths of the icon. */
    static final double GRID = 64;

    private static final double OUTLINE = 3;

    private final Graphics2D g;
    private final IconPalette palette;

    IconPainter(Graphics2D g, Theme theme) {
        this.g = g;
        this.palette = IconPalette.of(theme);
    }

    void paint(IconKind kind, Rect box) {
        Grid grid = Grid.in(box, g.getTransform());
        switch (kind) {
            case POD -> pod(grid);
            case WORKLOAD -> workload(grid);
            case NAMESPACE -> namespace(grid);
            case EXTERNAL -> globe(grid);
            case DNS -> signpost(grid);
        }
    }

    /** A pod: a cube lit from above, the way Kubernetes diagrams draw one. */
    private void pod(Grid grid) {
        cube(grid, 0, 0, 1);
    }

    /** A workload: its replicas as three cubes stacked back to front. */
    private void workload(Grid grid) {
        cube(grid, 23, 1, 0.68);
        cube(grid, 13, 11, 0.68);
        cube(grid, 3, 21, 0.68);
    }

    /** The pod cube moved by ({@code dx}, {@code dy}) and scaled by {@code k}, outline unscaled. */
    private void cube(Grid grid, double dx, double dy, double k) {
        Grid at = grid.shifted(dx, dy, k);
        stroke(grid.weight(OUTLINE));
        fillAndDraw(at.polygon(32, 6, 54, 18, 32, 30, 10, 18), palette.podTop());
        fillAndDraw(at.polygon(10, 18, 32, 30, 32, 58, 10, 46), palette.podLeft());
        fillAndDraw(at.polygon(54, 18, 32, 30, 32, 58, 54, 46), palette.podRight());
    }

    /** A namespace: a named box holding pods, like the namespace boxes of the diagram. */
    private void namespace(Grid grid) {
        RoundRectangle2D window = grid.roundRect(7, 8, 50, 48, 5);
        g.setColor(palette.paper());
        g.fill(window);
        Area titleBar = new Area(window);
        titleBar.intersect(new Area(grid.rect(7, 8, 50, 14)));
        g.setColor(palette.titleBar());
        g.fill(titleBar);
        stroke(grid.weight(3.5));
        g.setColor(palette.light());
        g.draw(grid.line(14, 15, 34, 15));
        stroke(grid.weight(OUTLINE));
        g.setColor(palette.ink());
        g.draw(window);
        g.draw(grid.line(7, 22, 57, 22));
        stroke(grid.weight(2));
        fillAndDraw(grid.roundRect(14, 31, 14, 14, 3), palette.podLeft());
        fillAndDraw(grid.roundRect(36, 31, 14, 14, 3), palette.podLeft());
    }

    /** Addresses outside the cluster: a globe with its meridian and parallels. */
    private void globe(Grid grid) {
        Ellipse2D earth = grid.ellipse(32, 32, 25, 25);
        g.setColor(palette.globe());
        g.fill(earth);
        stroke(grid.weight(OUTLINE));
        g.setColor(palette.light());
        g.draw(grid.ellipse(32, 32, 10.5, 23.5));
        g.draw(grid.line(8.5, 32, 55.5, 32));
        g.draw(grid.line(12.5, 19, 51.5, 19));
        g.draw(grid.line(12.5, 45, 51.5, 45));
        // The rim last, over the ends of the white lines.
        g.setColor(palette.ink());
        g.draw(earth);
    }

    /** Cluster DNS: a signpost, which turns names into directions. */
    private void signpost(Grid grid) {
        stroke(grid.weight(OUTLINE));
        fillAndDraw(grid.roundRect(29, 6, 6, 52, 1.5), palette.post());
        g.setColor(palette.ink());
        g.draw(grid.line(20, 58, 44, 58));
        fillAndDraw(grid.polygon(16, 11, 48, 11, 56, 18.5, 48, 26, 16, 26), palette.upperSign());
        fillAndDraw(grid.polygon(48, 31, 16, 31, 8, 38.5, 16, 46, 48, 46), palette.lowerSign());
    }

    private void stroke(double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    private void fillAndDraw(Shape shape, Color fill) {
        g.setColor(fill);
        g.fill(shape);
        g.setColor(palette.ink());
        g.draw(shape);
    }

    /**
     * The design grid placed in a box: grid unit {@code u} lands at {@code left + u * scale}.
     * Shapes are built directly in the target's coordinates (not through a transform on the
     * Graphics2D), so SVG gets plain coordinates and line widths are under our control.
     */
    private record Grid(double left, double top, double scale, double unit) {

        /**
         * The largest square centred in {@code box}. When the drawing surface only scales and
         * moves, the square is snapped to whole device pixels, so the icon's straight edges fall
         * on the same pixel columns wherever the node is: small icons stay crisp instead of
         * blurring differently in every node.
         */
        static Grid in(Rect box, AffineTransform device) {
            double size = Math.min(box.width(), box.height());
            double left = box.centerX() - size / 2;
            double top = box.centerY() - size / 2;
            double k = device.getScaleX();
            boolean scalesOnly = device.getShearX() == 0 && device.getShearY() == 0
                    && k > 0 && k == device.getScaleY();
            // The epsilon keeps a 26-unit box at 26 px when 26 * k comes out as 25.999...
            double pixels = scalesOnly ? Math.floor(size * k + 1e-9) : 0;
            if (pixels >= 1) {
                double pixelLeft = Math.round(device.getTranslateX() + box.centerX() * k - pixels / 2);
                double pixelTop = Math.round(device.getTranslateY() + box.centerY() * k - pixels / 2);
                left = (pixelLeft - device.getTranslateX()) / k;
                top = (pixelTop - device.getTranslateY()) / k;
                size = pixels / k;
                return new Grid(left, top, size / GRID, 1 / k);
            }
            return new Grid(left, top, size / GRID, 1);
        }

        /** This grid with its origin moved to grid point ({@code dx}, {@code dy}) and scaled by {@code k}. */
        Grid shifted(double dx, double dy, double k) {
            return new Grid(left + dx * scale, top + dy * scale, scale * k, unit);
        }

        /**
         * A line weight of {@code units} grid units, but the outline never below one pixel
         * (other lines in proportion): thinner lines would fade to grey at 16 px.
         */
        double weight(double units) {
            return Math.max(units * scale, units / OUTLINE * unit);
        }

        double x(double u) {
            return left + u * scale;
        }

        double y(double u) {
            return top + u * scale;
        }

        Path2D polygon(double... points) {
            Path2D path = new Path2D.Double();
            path.moveTo(x(points[0]), y(points[1]));
            for (int i = 2; i < points.length; i += 2) {
                path.lineTo(x(points[i]), y(points[i + 1]));
            }
            path.closePath();
            return path;
        }

        Rectangle2D rect(double ux, double uy, double width, double height) {
            return new Rectangle2D.Double(x(ux), y(uy), width * scale, height * scale);
        }

        RoundRectangle2D roundRect(double ux, double uy, double width, double height, double radius) {
            double arc = 2 * radius * scale;
            return new RoundRectangle2D.Double(x(ux), y(uy), width * scale, height * scale, arc, arc);
        }

        Ellipse2D ellipse(double cx, double cy, double rx, double ry) {
            return new Ellipse2D.Double(x(cx - rx), y(cy - ry), 2 * rx * scale, 2 * ry * scale);
        }

        Line2D line(double x1, double y1, double x2, double y2) {
            return new Line2D.Double(x(x1), y(y1), x(x2), y(y2));
        }
    }
}

package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.SampleGraphs;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A changed edge stays readable: its chip is ringed in the change colour, and its ✓ and ✗ stay on white in their colours. */
class ChangedChipTest {

    private static final Theme THEME = Theme.standard();
    private static final int SCALE = 3;
    private final Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());
    private final EdgePath changed = diagram.edge("prod/api->payments/gateway").orElseThrow();

    @Test
    void aChangedChipIsRingedNotFilled() {
        assertTrue(changed.changed());
        BufferedImage image = PngExporter.render(diagram, THEME, SCALE, Background.OPAQUE);
        Rect chip = changed.chip();
        assertEquals(0, count(image, inset(chip, 2), THEME.changed()), "no change colour inside the chip");
        assertTrue(count(image, outset(chip, 2), THEME.changed()) > 20, "the change colour rings the chip");
        assertMarksInTheirColours(image);
    }

    @Test
    void aHighlightOverTheEdgeLeavesItsMarksReadableOnceTheLabelsArePaintedAgain() {
        BufferedImage image = PngExporter.render(diagram, THEME, SCALE, Background.OPAQUE);
        Graphics2D g = image.createGraphics();
        g.scale(SCALE, SCALE);
        g.translate(-diagram.bounds().x(), -diagram.bounds().y());
        // What the app's flash does: a wide glow of the change colour along the edge's route, chip and all.
        g.setColor(THEME.changed());
        g.setStroke(new BasicStroke(40));
        Path2D route = new Path2D.Double();
        route.moveTo(changed.route().get(0).x(), changed.route().get(0).y());
        for (Point point : changed.route()) {
            route.lineTo(point.x(), point.y());
        }
        g.draw(route);
        g.draw(new java.awt.geom.Rectangle2D.Double(changed.chip().x(), changed.chip().y(), changed.chip().width(), changed.chip().height()));
        g.fill(new java.awt.geom.Rectangle2D.Double(changed.chip().x(), changed.chip().y(), changed.chip().width(), changed.chip().height()));
        assertTrue(count(image, inset(changed.chip(), 2), THEME.changed()) > 100, "the glow covers the chip");
        DiagramPainter.paintLabels(diagram, g, THEME, Set.of(changed.key()));
        g.dispose();
        assertEquals(0, count(image, inset(changed.chip(), 2), THEME.changed()));
        assertMarksInTheirColours(image);
    }

    private void assertMarksInTheirColours(BufferedImage image) {
        for (PortLabel label : changed.labels()) {
            if (!label.showsMark()) {
                continue;
            }
            Color mark = label.style() == io.netpolviz.layout.PortStyle.ALLOWED ? THEME.allowed() : THEME.blocked();
            Point base = label.markBaseline();
            Rect around = new Rect(base.x(), base.y() - 9, 9, 9);
            assertTrue(count(image, around, mark) > 3, label.display() + "'s mark is drawn in its colour");
        }
    }

    /** Pixels of the image within the diagram rectangle that are close to {@code colour}. */
    private int count(BufferedImage image, Rect box, Color colour) {
        int found = 0;
        for (int y = (int) ((box.y() - diagram.bounds().y()) * SCALE); y < (box.maxY() - diagram.bounds().y()) * SCALE; y++) {
            for (int x = (int) ((box.x() - diagram.bounds().x()) * SCALE); x < (box.maxX() - diagram.bounds().x()) * SCALE; x++) {
                if (x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight() && distance(new Color(image.getRGB(x, y)), colour) < 40) {
                    found++;
                }
            }
        }
        return found;
    }

    private static Rect inset(Rect box, double by) {
        return new Rect(box.x() + by, box.y() + by, box.width() - 2 * by, box.height() - 2 * by);
    }

    private static Rect outset(Rect box, double by) {
        return new Rect(box.x() - by, box.y() - by, box.width() + 2 * by, box.height() + 2 * by);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}

package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.IconKind;
import io.netpolviz.layout.Rect;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IconPainterTest {

    private static final int MARGIN = 8;

    @Test
    void everyIconPaintsInsideItsBoxAtSixteenAndSixtyFourPixels() {
        for (IconKind kind : IconKind.values()) {
            for (double size : new double[] {16, 64}) {
                // A fractional position too: the icon snaps to pixels, and must not snap out of its box.
                for (double offset : new double[] {0, 0.4, 0.6}) {
                    Rect box = new Rect(MARGIN + offset, MARGIN + offset, size, size);
                    BufferedImage image = paint(kind, box, Theme.standard(), 1);
                    String what = kind + " at " + size + " px, offset " + offset;
                    assertEquals(0, paintedOutside(image, box), what + ": pixels outside the box");
                    // Every design covers most of its square; a quarter rules out a blank or a dot.
                    assertTrue(painted(image) > size * size / 4, what + ": only " + painted(image) + " pixels");
                }
            }
        }
    }

    @Test
    void iconsStayInsideBoxesThatAreNotSquareOrScaled() {
        for (IconKind kind : IconKind.values()) {
            Rect wide = new Rect(MARGIN, MARGIN, 40, 22);
            BufferedImage image = paint(kind, wide, Theme.standard(), 1);
            assertEquals(0, paintedOutside(image, wide), kind + " in a wide box");
            Rect retina = new Rect(MARGIN / 2.0 + 0.3, MARGIN / 2.0 + 0.3, 20, 20);
            BufferedImage doubled = paint(kind, retina, Theme.standard(), 2);
            Rect inPixels = new Rect(retina.x() * 2, retina.y() * 2, 40, 40);
            assertEquals(0, paintedOutside(doubled, inPixels), kind + " at scale 2");
            assertTrue(painted(doubled) > 40 * 40 / 4, kind + " at scale 2 is drawn");
        }
    }

    @Test
    void outlinesAreDrawnInTheThemesIconInk() {
        for (Theme theme : new Theme[] {Theme.standard(), Theme.presentation()}) {
            for (IconKind kind : IconKind.values()) {
                BufferedImage image = paint(kind, new Rect(MARGIN, MARGIN, 64, 64), theme, 1);
                // A 3 px outline has fully covered pixels in exactly the theme's colour.
                assertTrue(count(image, theme.iconStroke()) > 20, kind + " outline in " + theme.name());
            }
        }
        BufferedImage standard = paint(IconKind.POD, new Rect(MARGIN, MARGIN, 64, 64), Theme.standard(), 1);
        assertEquals(0, count(standard, Color.BLACK), "the standard theme's ink is not the projector's black");
    }

    @Test
    void kindsAreTellableApartByColourAlone() {
        Color pod = dominantColour(paint(IconKind.POD, new Rect(MARGIN, MARGIN, 64, 64), Theme.standard(), 1));
        Color globe = dominantColour(paint(IconKind.EXTERNAL, new Rect(MARGIN, MARGIN, 64, 64), Theme.standard(), 1));
        Color dns = dominantColour(paint(IconKind.DNS, new Rect(MARGIN, MARGIN, 64, 64), Theme.standard(), 1));
        assertTrue(!pod.equals(globe) && !globe.equals(dns) && !pod.equals(dns), pod + " " + globe + " " + dns);
        assertTrue(pod.getBlue() > pod.getRed() + 80, "pods are blue: " + pod);
        assertTrue(dns.getRed() > dns.getBlue() + 80, "DNS is amber: " + dns);
    }

    private static BufferedImage paint(IconKind kind, Rect box, Theme theme, double scale) {
        int side = (int) Math.ceil((Math.max(box.maxX(), box.maxY()) + MARGIN) * scale);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(scale, scale);
        new IconPainter(g, theme).paint(kind, box);
        g.dispose();
        return image;
    }

    private static int paintedOutside(BufferedImage image, Rect box) {
        int outside = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean pixelInside = x >= Math.floor(box.x()) && x + 1 <= Math.ceil(box.maxX())
                        && y >= Math.floor(box.y()) && y + 1 <= Math.ceil(box.maxY());
                outside += !pixelInside && alpha(image, x, y) > 0 ? 1 : 0;
            }
        }
        return outside;
    }

    private static int painted(BufferedImage image) {
        int painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                painted += alpha(image, x, y) > 0 ? 1 : 0;
            }
        }
        return painted;
    }

    private static int count(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += image.getRGB(x, y) == colour.getRGB() ? 1 : 0;
            }
        }
        return count;
    }

    /** The most frequent fully opaque colour other than the outline: the icon's main fill. */
    private static Color dominantColour(BufferedImage image) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (alpha(image, x, y) == 255 && rgb != Theme.standard().iconStroke().getRGB()) {
                    counts.merge(rgb, 1, Integer::sum);
                }
            }
        }
        int best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Color(best);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}

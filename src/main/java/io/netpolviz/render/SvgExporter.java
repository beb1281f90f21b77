package io.netpolviz.render;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.Rect;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Paints a diagram with JFreeSVG: true vectors, text as {@code <text>} elements, one {@code <g>}
 * per namespace, node and edge (with the real id in {@code data-id} and a {@code <title>}
 * tooltip). Deterministic: the same diagram gives the same bytes.
 */
public final class SvgExporter {

    /**
     * JFreeSVG prefixes its defs ids with the clock unless told otherwise; a fixed prefix keeps
     * output byte-identical.
     */
    private static final String DEFS_PREFIX = "npv";

    /**
     * Viewers without DejaVu fall back to fonts that also have ✓ and ✗ before the generic family.
     * Double quotes: JFreeSVG puts the style attribute in single quotes and does not escape it.
     */
    private static final String FONT_FALLBACKS = ", \"Segoe UI Symbol\", \"Arial Unicode MS\", sans-serif";

    private SvgExporter() {
    }

    /** The SVG document as text (UTF-8 when written). */
    public static String toSvg(Diagram diagram, Theme theme, Background background) {
        Rect bounds = diagram.bounds();
        SVGGraphics2D g = new SVGGraphics2D(bounds.width(), bounds.height());
        g.setDefsKeyPrefix(DEFS_PREFIX);
        g.setFontFunction(family -> "\"" + family + "\"" + FONT_FALLBACKS);
        // Two decimals are far below a pixel and keep files small; Locale.ROOT keeps the point a point.
        g.setGeomDoubleConverter(SvgExporter::number);
        g.setTransformDoubleConverter(SvgExporter::number);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        if (background == Background.OPAQUE) {
            g.setColor(theme.canvas());
            g.fill(new Rectangle2D.Double(0, 0, bounds.width(), bounds.height()));
        }
        g.translate(-bounds.x(), -bounds.y());
        DiagramPainter.paint(diagram, g, theme, new SvgElementGroups());
        // No DOCTYPE: the SVG 1.0 DTD JFreeSVG names would not allow data-* attributes, and SVG 2 has none.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, bounds.width(), bounds.height()), null, null) + "\n";
    }

    /** {@code 12.5}, {@code 3}, {@code -0.25}: at most two decimals, no trailing zeros. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    public static void write(Diagram diagram, Theme theme, Background background, Path file) throws IOException {
        Files.writeString(file, toSvg(diagram, theme, background), StandardCharsets.UTF_8);
    }
}

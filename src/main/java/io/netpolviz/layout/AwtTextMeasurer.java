package io.netpolviz.layout;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures text with java.awt fonts and fractional metrics, which works headless and matches
 * what {@code Graphics2D} painters draw with fractional metrics switched on.
 */
public final class AwtTextMeasurer implements TextMeasurer {

    /** Identity transform, antialiased, fractional metrics: no rounding to device pixels. */
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private final Map<FontSpec, Font> fonts = new ConcurrentHashMap<>();

    /** The AWT font for a spec; painters use this too so that measuring and drawing agree. */
    public static Font toAwtFont(FontSpec spec) {
        return new Font(spec.family(), spec.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) spec.size());
    }

    @Override
    public TextMetrics measure(String text, FontSpec spec) {
        Font font = fonts.computeIfAbsent(spec, AwtTextMeasurer::toAwtFont);
        // Line metrics of a fixed probe keep the height of "TCP 80" and "gy" the same, so boxes line up.
        LineMetrics line = font.getLineMetrics("Hg", CONTEXT);
        Rectangle2D bounds = font.getStringBounds(text, CONTEXT);
        return new TextMetrics(bounds.getWidth(), line.getAscent(), line.getDescent());
    }

    /** Any two measure alike (the font cache is only a cache), so layout options that differ only in their instance are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AwtTextMeasurer;
    }

    @Override
    public int hashCode() {
        return AwtTextMeasurer.class.hashCode();
    }
}

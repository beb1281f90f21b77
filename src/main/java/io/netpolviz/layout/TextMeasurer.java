package io.netpolviz.layout;

/**
 * Measures text for layout. A seam so layout stays pure and testable; it must be deterministic
 * (same text and font, same metrics) and agree with the fonts painters use.
 */
@FunctionalInterface
public interface TextMeasurer {

    TextMetrics measure(String text, FontSpec font);
}

package io.netpolviz.layout;

/** The advance width of a text and the ascent and descent of its font, in diagram units. */
public record TextMetrics(double width, double ascent, double descent) {

    public double height() {
        return ascent + descent;
    }
}

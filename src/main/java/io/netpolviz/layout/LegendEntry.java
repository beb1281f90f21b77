package io.netpolviz.layout;

/** One line of the legend: a sample drawn in {@code symbolBounds} and its explanation. */
public record LegendEntry(LegendSymbol symbol, String text, Rect symbolBounds, Point textBaseline) {
}

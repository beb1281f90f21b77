package io.netpolviz.layout;

/** A small pill on a node box; {@code bounds} and {@code textBaseline} are relative to the node's top-left corner. */
public record Badge(BadgeKind kind, String text, Rect bounds, Point textBaseline) {
}

package io.netpolviz.render;

/** What an export shows behind the drawing. */
public enum Background {
    /** The theme's canvas colour (white in both themes). */
    OPAQUE,
    /** Nothing: PNG alpha 0, no background rectangle in SVG. */
    TRANSPARENT
}

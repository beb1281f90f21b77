package io.netpolviz.layout;

/** Which way the layers of the drawing run, from traffic sources to destinations. */
public enum FlowDirection {
    LEFT_TO_RIGHT,
    TOP_TO_BOTTOM,
    /** Lays out both ways and keeps the one whose shape is closer to a 16:10 screen. */
    BEST_FIT
}

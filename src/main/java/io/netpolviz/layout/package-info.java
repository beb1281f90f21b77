/**
 * Layout: from a {@link io.netpolviz.graph.ReachabilityGraph} to an immutable {@link io.netpolviz.layout.Diagram}
 * of plain doubles (namespace boxes, node boxes, routed edges with per-port labels, legend, title),
 * computed once with ELK layered and then only restyled, filtered or nudged, never reshuffled.
 * Knows nothing of drawing surfaces or JavaFX; text is measured through {@link io.netpolviz.layout.TextMeasurer}.
 */
package io.netpolviz.layout;

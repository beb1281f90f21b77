/**
 * Layout: from a {@link io.netpolviz.graph.ReachabilityGraph} to an immutable {@link io.netpolviz.layout.Diagram}
 * of plain doubles (namespace boxes, node boxes, routed edges with per-port labels, legend, title),
 * computed once with ELK layered and then only restyled, filtered or nudged, never reshuffled.
 * Around ELK: {@link io.netpolviz.layout.LayoutHints} says which edges ELK should not see as drawn (two
 * namespaces calling each other are stacked, their edges routed afterwards by {@link io.netpolviz.layout.DetourRouter}),
 * and {@link io.netpolviz.layout.ChipSpreader} puts every label chip on its own line, near its start, clear of the others.
 * Knows nothing of drawing surfaces or JavaFX; text is measured through {@link io.netpolviz.layout.TextMeasurer}.
 */
package io.netpolviz.layout;

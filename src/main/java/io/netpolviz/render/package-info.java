/**
 * Rendering: from a laid-out {@link io.netpolviz.layout.Diagram} to pixels or vectors. One Java2D
 * painter draws on any {@link java.awt.Graphics2D} (a {@link java.awt.image.BufferedImage} that the
 * app puts on its canvas or writes as PNG, JFreeSVG for SVG), so exports look like the screen.
 * Sees only the Diagram: no graph, no engine, no JavaFX.
 */
package io.netpolviz.render;

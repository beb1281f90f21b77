package io.netpolviz.ui;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.Rect;
import io.netpolviz.render.DiagramPainter;
import io.netpolviz.render.Theme;
import io.netpolviz.view.AttackOverlay;
import io.netpolviz.view.Details;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * What the canvas draws over the diagram: the selected edge with its port labels framed, the
 * selected nodes and their peers outlined, and the edges a toggle, a step or a cluster update
 * changed, pulsing for a moment under their label chips, so that their ✓ and ✗ never disappear.
 * Strokes keep a readable width at any zoom.
 */
final class CanvasHighlights {

    private static final long FLASH_NANOS = 1_600_000_000L;
    // Selection is drawn in ink, not colour: every colour already means a verdict or a change.
    private static final Color SUBJECT = new Color(0x1B1F24);
    private static final Color PEER = new Color(0x1B1F24);
    private static final Color SELECTED_EDGE = new Color(27, 31, 36, 48);

    private Set<String> flashing = Set.of();
    private long flashStart;
    private final AnimationTimer flashTimer;

    /** @param repaint paints the canvas again, for each frame of a flash */
    CanvasHighlights(Runnable repaint) {
        flashTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - flashStart > FLASH_NANOS) {
                    flashing = Set.of();
                    stop();
                }
                repaint.run();
            }
        };
    }

    void startFlash(Set<String> edgeKeys) {
        if (edgeKeys.isEmpty()) {
            // A new command: the last toggle's flash stops repainting, so the next picture need not wait for its frames.
            flashing = Set.of();
            flashTimer.stop();
            return;
        }
        flashing = edgeKeys;
        flashStart = System.nanoTime();
        flashTimer.start();
    }

    boolean isFlashing() {
        return !flashing.isEmpty();
    }

    /** Draws the highlights on {@code graphics}, already transformed to diagram units at {@code scale}. */
    void paint(Graphics2D graphics, Diagram diagram, Details details, AttackOverlay attack, Theme theme, double scale) {
        AttackMarks.paint(graphics, diagram, attack, theme, scale);
        // Over the drawing: under it, namespace boxes would cover the band.
        paintSelectedEdge(graphics, diagram, details, scale);
        paintFlash(graphics, diagram, theme, scale);
        outlineSelectedLabels(graphics, diagram, details, scale);
        paintHighlights(graphics, diagram, details, scale);
    }

    private static void paintSelectedEdge(Graphics2D graphics, Diagram diagram, Details details, double scale) {
        if (details.edgeKey() == null) {
            return;
        }
        diagram.edge(details.edgeKey()).filter(edge -> !edge.hidden()).ifPresent(edge -> {
            graphics.setColor(SELECTED_EDGE);
            graphics.setStroke(new BasicStroke((float) Math.max(9, 9 / scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.draw(route(edge));
        });
    }

    /** The selected edge's port labels get an ink frame on top, visible even over a change halo. */
    private static void outlineSelectedLabels(Graphics2D graphics, Diagram diagram, Details details, double scale) {
        if (details.edgeKey() == null) {
            return;
        }
        diagram.edge(details.edgeKey()).filter(edge -> !edge.hidden()).ifPresent(edge -> {
            graphics.setColor(SUBJECT);
            graphics.setStroke(new BasicStroke((float) Math.max(2, 1.5 / scale)));
            for (int i = 0; i < edge.labels().size(); i++) {
                // A click on one port of the label explains that port: only its entry is framed.
                if (!details.labelEntries().isEmpty() && !details.labelEntries().contains(i)) {
                    continue;
                }
                Rect box = edge.labels().get(i).bounds();
                graphics.draw(new RoundRectangle2D.Double(box.x() - 3, box.y() - 3, box.width() + 6, box.height() + 6, 7, 7));
            }
        });
    }

    private static void paintHighlights(Graphics2D graphics, Diagram diagram, Details details, double scale) {
        if (details.subjects().isEmpty() && details.peers().isEmpty()) {
            return;
        }
        float width = (float) Math.max(3, 2.5 / scale);
        for (NodeBox node : diagram.nodes()) {
            if (node.hidden()) {
                continue;
            }
            boolean subject = details.subjects().contains(node.id());
            boolean peer = details.peers().contains(node.id());
            if (!subject && !peer) {
                continue;
            }
            Rect box = node.bounds();
            double grow = subject ? 5 : 9;
            RoundRectangle2D outline = new RoundRectangle2D.Double(box.x() - grow, box.y() - grow,
                    box.width() + 2 * grow, box.height() + 2 * grow, 14, 14);
            if (peer) {
                graphics.setColor(PEER);
                graphics.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1,
                        new float[] {6 * width / 3, 4 * width / 3}, 0));
                graphics.draw(subject ? new RoundRectangle2D.Double(box.x() - 9, box.y() - 9, box.width() + 18, box.height() + 18, 16, 16)
                        : outline);
            }
            if (subject) {
                graphics.setColor(SUBJECT);
                graphics.setStroke(new BasicStroke(width + 1));
                graphics.draw(new RoundRectangle2D.Double(box.x() - 5, box.y() - 5, box.width() + 10, box.height() + 10, 12, 12));
            }
        }
    }

    private void paintFlash(Graphics2D graphics, Diagram diagram, Theme theme, double scale) {
        if (flashing.isEmpty()) {
            return;
        }
        double t = Math.min(1, (System.nanoTime() - flashStart) / (double) FLASH_NANOS);
        // Three pulses that fade out.
        double pulse = 0.5 - 0.5 * Math.cos(t * 6 * Math.PI);
        int alpha = (int) Math.round(200 * pulse * (1 - t * 0.6));
        Color glow = new Color(theme.changed().getRed(), theme.changed().getGreen(), theme.changed().getBlue(), Math.max(0, alpha));
        graphics.setColor(glow);
        graphics.setStroke(new BasicStroke((float) Math.max(12, 10 / scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden() && flashing.contains(edge.key())) {
                graphics.draw(route(edge));
            }
        }
        // The glow runs under the chips: what changed flashes, and its ✓ and ✗ stay readable all the while.
        DiagramPainter.paintLabels(diagram, graphics, theme, flashing);
    }

    static Path2D route(EdgePath edge) {
        Path2D.Double path = new Path2D.Double();
        List<Point> points = edge.route();
        path.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i).x(), points.get(i).y());
        }
        return path;
    }
}

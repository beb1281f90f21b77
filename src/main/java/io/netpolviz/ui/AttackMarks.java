package io.netpolviz.ui;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Rect;
import io.netpolviz.render.Theme;
import io.netpolviz.view.AttackOverlay;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The attacker's view drawn over the diagram: what is out of reach under a veil, each node
 * reached with its hop count in a disc at its corner (the start marked "start"), the shortest
 * paths as a wide band and the connections of a minimum cut as a vermillion band. Hop counts are
 * words in the disc, not colours, so they read in black and white and on a projector.
 */
final class AttackMarks {

    /** How opaque the veil over what is out of reach is: dimmed, still legible. */
    private static final int VEIL_ALPHA = 185;
    private static final Color INK = new Color(0x1B1F24);
    private static final Color PATH = new Color(0, 114, 178, 90);
    private static final Color CUT = new Color(213, 94, 0, 150);

    private AttackMarks() {
    }

    static void paint(Graphics2D graphics, Diagram diagram, AttackOverlay attack, Theme theme, double scale) {
        if (!attack.active()) {
            return;
        }
        for (EdgePath edge : diagram.edges()) {
            if (edge.hidden()) {
                continue;
            }
            boolean cut = attack.onCut(edge.key());
            if (cut || attack.onPath(edge.key())) {
                graphics.setColor(cut ? CUT : PATH);
                graphics.setStroke(new BasicStroke((float) Math.max(cut ? 9 : 12, (cut ? 9 : 12) / scale), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                graphics.draw(CanvasHighlights.route(edge));
            }
        }
        Color veil = new Color(theme.canvas().getRed(), theme.canvas().getGreen(), theme.canvas().getBlue(), VEIL_ALPHA);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(Math.max(12, 11 / scale)));
        for (NodeBox node : diagram.nodes()) {
            if (node.hidden()) {
                continue;
            }
            Rect box = node.bounds();
            Integer hops = attack.hopsTo(node.id());
            if (hops == null) {
                graphics.setColor(veil);
                graphics.fill(new RoundRectangle2D.Double(box.x() - 2, box.y() - 2, box.width() + 4, box.height() + 4, 10, 10));
                continue;
            }
            disc(graphics, box, hops == 0 ? "start" : Integer.toString(hops), font, scale);
        }
    }

    /** A dark disc (a pill for "start") at the node's top-right corner with white words. */
    private static void disc(Graphics2D graphics, Rect box, String text, Font font, double scale) {
        graphics.setFont(font);
        FontMetrics metrics = graphics.getFontMetrics();
        double height = metrics.getHeight() + 4;
        double width = Math.max(height, metrics.stringWidth(text) + 10);
        double x = box.x() + box.width() - width / 2;
        double y = box.y() - height / 2;
        graphics.setColor(INK);
        graphics.fill(width > height ? new RoundRectangle2D.Double(x - width / 2, y, width, height, height, height)
                : new Ellipse2D.Double(x - width / 2, y, width, height));
        graphics.setColor(Color.WHITE);
        graphics.setStroke(new BasicStroke((float) Math.max(1.5, 1.5 / scale)));
        graphics.draw(width > height ? new RoundRectangle2D.Double(x - width / 2, y, width, height, height, height)
                : new Ellipse2D.Double(x - width / 2, y, width, height));
        graphics.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) (y + (height + metrics.getAscent() - metrics.getDescent()) / 2));
    }
}

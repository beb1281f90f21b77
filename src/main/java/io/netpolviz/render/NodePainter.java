package io.netpolviz.render;

import io.netpolviz.layout.Badge;
import io.netpolviz.layout.BadgeKind;
import io.netpolviz.layout.NamespaceBox;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.NodeStyle;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.Typography;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;

/** Draws namespace boxes and node boxes with their icon, name, caption and badges. */
final class NodePainter {

    private final Graphics2D g;
    private final Theme theme;
    private final Fonts fonts;
    private final Typography typography;
    private final IconPainter icons;
    private final double unit;

    NodePainter(Graphics2D g, Theme theme, Fonts fonts, Typography typography, double unit) {
        this.g = g;
        this.theme = theme;
        this.fonts = fonts;
        this.typography = typography;
        this.icons = new IconPainter(g, theme);
        this.unit = unit;
    }

    void paintNamespace(NamespaceBox box) {
        Rect r = box.bounds();
        RoundRectangle2D shape = new RoundRectangle2D.Double(r.x(), r.y(), r.width(), r.height(), 16 * unit, 16 * unit);
        boolean outside = NamespaceBox.OUTSIDE.equals(box.name());
        boolean zone = box.isFrame() && !outside;
        if (!outside) {
            // The zone of open namespaces is a plain frame behind its namespace boxes.
            g.setColor(zone ? theme.canvas() : theme.namespaceFill());
            g.fill(shape);
        }
        g.setColor(outside ? theme.externalBorder() : theme.namespaceBorder());
        // The outside of the cluster and the zone of open namespaces are no namespaces: dashed frames.
        g.setStroke(outside || zone ? new BasicStroke(theme.namespaceBorderWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) (6 * unit), (float) (4 * unit)}, 0f) : new BasicStroke(theme.namespaceBorderWidth()));
        g.draw(shape);
        g.setColor(zone || outside ? theme.mutedText() : theme.text());
        g.setFont(fonts.of(typography.namespaceTitle()));
        Point title = box.absoluteTitleBaseline();
        g.drawString(box.name(), (float) title.x(), (float) title.y());
    }

    void paintNode(NodeBox node) {
        Rect r = node.bounds();
        RoundRectangle2D shape = new RoundRectangle2D.Double(r.x(), r.y(), r.width(), r.height(), 10 * unit, 10 * unit);
        g.setColor(fill(node));
        g.fill(shape);
        g.setColor(node.style() == NodeStyle.EXTERNAL ? theme.externalBorder() : theme.nodeBorder());
        // A stand-in is no pod of the input: dashed, as the other frames that are not what they contain.
        g.setStroke(node.style() == NodeStyle.STAND_IN ? new BasicStroke(theme.borderWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                10f, new float[] {(float) (5 * unit), (float) (3 * unit)}, 0f) : new BasicStroke(theme.borderWidth()));
        g.draw(shape);
        icons.paint(node.icon(), node.iconBounds());
        g.setColor(theme.text());
        g.setFont(fonts.of(typography.nodeLabel()));
        Point label = node.labelBaseline();
        g.drawString(node.label(), (float) label.x(), (float) label.y());
        g.setColor(theme.mutedText());
        g.setFont(fonts.of(typography.nodeCaption()));
        Point caption = node.captionBaseline();
        g.drawString(node.caption(), (float) caption.x(), (float) caption.y());
        for (Badge badge : node.badges()) {
            paintBadge(badge);
        }
    }

    void paintBadge(Badge badge) {
        Rect r = badge.bounds();
        RoundRectangle2D pill = new RoundRectangle2D.Double(r.x(), r.y(), r.width(), r.height(), r.height(), r.height());
        g.setColor(badge.kind() == BadgeKind.HOST_NETWORK ? theme.hostNetworkFill() : theme.badgeFill());
        g.fill(pill);
        g.setColor(theme.text());
        g.setFont(fonts.of(typography.badge()));
        g.drawString(badge.text(), (float) badge.textBaseline().x(), (float) badge.textBaseline().y());
    }

    private Color fill(NodeBox node) {
        return switch (node.style()) {
            case WORKLOAD, STAND_IN -> theme.nodeFill();
            case EXTERNAL -> theme.externalFill();
            case NAMESPACE -> theme.collapsedFill();
        };
    }
}

package io.netpolviz.render;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramNote;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NamespaceBox;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.Typography;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.stream.Collectors;

/**
 * Paints a whole diagram on any Graphics2D, in diagram coordinates (callers set the transform).
 * Back to front: namespace boxes, halos of changed edges, edge lines, node boxes, port labels,
 * title, legend; so labels are never hidden under lines. Hidden elements are skipped. Paints no
 * background: surfaces fill their own.
 */
public final class DiagramPainter {

    private DiagramPainter() {
    }

    public static void paint(Diagram diagram, Graphics2D target, Theme theme) {
        paint(diagram, target, theme, ElementGroups.NONE);
    }

    public static void paint(Diagram diagram, Graphics2D target, Theme theme, ElementGroups groups) {
        Graphics2D g = (Graphics2D) target.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Layout measured with fractional metrics; integer advances would make text overrun its box.
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            paintAll(diagram, g, theme, groups);
        } finally {
            g.dispose();
        }
    }

    private static void paintAll(Diagram diagram, Graphics2D g, Theme theme, ElementGroups groups) {
        Typography typography = diagram.typography();
        double unit = typography.nodeLabel().size() / Typography.standard().nodeLabel().size();
        Fonts fonts = new Fonts();
        EdgePainter edges = new EdgePainter(g, theme, fonts, typography, unit);
        NodePainter nodes = new NodePainter(g, theme, fonts, typography, unit);

        for (NamespaceBox box : diagram.namespaces()) {
            if (!box.hidden()) {
                groups.begin(g, "namespace", box.name(), "namespace " + box.name());
                nodes.paintNamespace(box);
                groups.end(g);
            }
        }
        groups.begin(g, "edges", "edges", "");
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden() && edge.changed()) {
                edges.paintHalo(edge);
            }
        }
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden()) {
                groups.begin(g, "edge", edge.key(), describe(edge));
                edges.paintLine(edge);
                groups.end(g);
            }
        }
        groups.end(g);
        for (NodeBox node : diagram.nodes()) {
            if (!node.hidden()) {
                groups.begin(g, "node", node.id(), node.id() + " (" + node.caption() + ")");
                nodes.paintNode(node);
                groups.end(g);
            }
        }
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden()) {
                groups.begin(g, "ports", edge.key(), describe(edge));
                edges.paintLabels(edge);
                groups.end(g);
            }
        }
        if (!diagram.title().isEmpty()) {
            groups.begin(g, "title", "title", diagram.title());
            g.setColor(theme.text());
            g.setFont(fonts.of(typography.title()));
            g.drawString(diagram.title(), (float) diagram.titleBaseline().x(), (float) diagram.titleBaseline().y());
            groups.end(g);
        }
        DiagramNote note = diagram.note();
        if (!note.isEmpty()) {
            groups.begin(g, "note", "note", note.text() + note.action());
            g.setFont(fonts.of(typography.legend()));
            g.setColor(theme.mutedText());
            g.drawString(note.text(), (float) note.baseline().x(), (float) note.baseline().y());
            if (note.hasAction()) {
                // The words that show what was left out read as a link: accent colour, underlined.
                g.setColor(theme.allowed());
                g.drawString(note.action(), (float) note.actionBaseline().x(), (float) note.actionBaseline().y());
                float underline = (float) (note.actionBaseline().y() + 2 * unit);
                g.setStroke(new java.awt.BasicStroke((float) Math.max(1, unit)));
                g.draw(new java.awt.geom.Line2D.Double(note.actionBounds().x(), underline, note.actionBounds().maxX(), underline));
            }
            groups.end(g);
        }
        groups.begin(g, "legend", "legend", "legend");
        new LegendPainter(g, theme, fonts, typography.legend(), edges, unit).paint(diagram.legend());
        groups.end(g);
    }

    /**
     * Paints again, on top of whatever was drawn over the diagram since, the label chips of the
     * edges {@code edgeKeys} names: a highlight over an edge (the app's flash of what a step
     * changed) must never hide its ✓ and ✗.
     */
    public static void paintLabels(Diagram diagram, Graphics2D target, Theme theme, java.util.Set<String> edgeKeys) {
        Graphics2D g = (Graphics2D) target.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Typography typography = diagram.typography();
            double unit = typography.nodeLabel().size() / Typography.standard().nodeLabel().size();
            EdgePainter edges = new EdgePainter(g, theme, new Fonts(), typography, unit);
            for (EdgePath edge : diagram.edges()) {
                if (!edge.hidden() && edgeKeys.contains(edge.key())) {
                    edges.paintLabels(edge);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** An edge end as a reader names it: a node by its id, a box as all of it, everywhere as such. */
    private static String end(String id) {
        if (id.equals("anywhere")) {
            return "everywhere";
        }
        return id.startsWith(EdgePath.BOX_PREFIX) ? "all of " + id.substring(EdgePath.BOX_PREFIX.length()) : id;
    }

    private static String describe(EdgePath edge) {
        return end(edge.sourceId()) + " \u2192 " + end(edge.targetId()) + ": "
                + edge.labels().stream().map(PortLabel::display).collect(Collectors.joining(", "));
    }
}

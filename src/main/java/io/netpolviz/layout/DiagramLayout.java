package io.netpolviz.layout;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lays out a reachability graph: title at the top, the ELK drawing under it, the legend below.
 * Seeded and built from sorted input, so the same graph and options give an equal diagram.
 */
public final class DiagramLayout {

    /**
     * The stack a thread that lays out needs: ELK's network simplex recurses once per node of a
     * layer graph, so a large picture overflows the default stack.
     */
    public static final long THREAD_STACK_BYTES = 256L * 1024 * 1024;

    /** The screen a picture should fit at full size: a projector's or a laptop's. */
    private static final double SCREEN_WIDTH = 1920;
    private static final double SCREEN_HEIGHT = 1080;

    /** The screen shape {@link FlowDirection#BEST_FIT} aims for. */
    private static final double SCREEN_ASPECT = 16.0 / 10.0;

    private DiagramLayout() {
    }

    /** A layout and the seed and direction it was made with, so a later layout of a changed graph can keep them. */
    public record Laid(Diagram diagram, long seed, boolean down) {
    }

    /**
     * The most readable of several layouts of the graph: ELK's crossing minimisation is
     * randomised, and on a compound graph one seed can give twice the crossings of another. Tries
     * {@code tries} seeds from the options' seed, left to right and, when that comes out taller
     * than a screen is wide, top to bottom too; keeps the fewest crossings, then the smallest area.
     * Deterministic: the same graph and options give the same choice.
     */
    public static Laid best(ReachabilityGraph graph, LayoutOptions options, int tries) {
        Laid best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < tries; attempt++) {
            long seed = options.randomSeed() + attempt;
            LayoutOptions seeded = options.withRandomSeed(seed);
            Diagram across = layout(graph, seeded, false);
            Laid candidate = new Laid(across, seed, false);
            double score = score(across);
            if (across.bounds().width() < across.bounds().height() * 1.2 || across.bounds().width() > SCREEN_WIDTH) {
                Diagram down = layout(graph, seeded, true);
                if (score(down) < score) {
                    candidate = new Laid(down, seed, true);
                    score = score(down);
                }
            }
            if (score < bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** A layout with a known seed and direction (a toggle's, keeping its picture's choice). */
    public static Laid again(ReachabilityGraph graph, LayoutOptions options, long seed, boolean down) {
        return new Laid(layout(graph, options.withRandomSeed(seed), down), seed, down);
    }

    /** Crossings weigh most; then how far the picture is from fitting a 1920 × 1080 screen at full size. */
    private static double score(Diagram diagram) {
        double overflow = Math.max(diagram.bounds().width() / SCREEN_WIDTH, diagram.bounds().height() / SCREEN_HEIGHT);
        return DiagramMeasures.crossings(diagram) + 20 * Math.max(0, overflow - 1) + 0.1 * overflow;
    }

    public static Diagram layout(ReachabilityGraph graph, LayoutOptions options) {
        return switch (options.direction()) {
            case LEFT_TO_RIGHT -> layout(graph, options, false);
            case TOP_TO_BOTTOM -> layout(graph, options, true);
            case BEST_FIT -> {
                Diagram across = layout(graph, options, false);
                Diagram down = layout(graph, options, true);
                yield misfit(down) < misfit(across) ? down : across;
            }
        };
    }

    /** How far a diagram's shape is from the screen's, on a log scale so too wide and too tall weigh alike. */
    private static double misfit(Diagram diagram) {
        double aspect = diagram.bounds().width() / diagram.bounds().height();
        return Math.abs(Math.log(aspect / SCREEN_ASPECT));
    }

    private static Diagram layout(ReachabilityGraph graph, LayoutOptions options, boolean down) {
        double spacing = options.spacing();
        double margin = 24 * spacing;
        Typography typography = options.typography();
        TextMeasurer measurer = options.measurer();

        TextMetrics titleText = measurer.measure(options.title(), typography.title());
        Point titleBaseline = new Point(margin, margin + titleText.ascent());
        double headerBottom = options.title().isEmpty() ? margin : margin + titleText.height();
        DiagramNote note = DiagramNote.NONE;
        double headerWidth = titleText.width();
        if (!options.note().isEmpty()) {
            note = note(options, margin, headerBottom + (options.title().isEmpty() ? 0 : 6 * spacing));
            headerBottom = note.baseline().y() + measurer.measure(options.note(), typography.legend()).descent();
            headerWidth = Math.max(headerWidth, (note.hasAction() ? note.actionBounds().maxX() : note.baseline().x()
                    + measurer.measure(options.note(), typography.legend()).width()) - margin);
        }
        double contentTop = options.title().isEmpty() && note.isEmpty() ? margin : headerBottom + 16 * spacing;

        NodeDesigner nodeDesigner = new NodeDesigner(options);
        List<NodeBox> nodes = graph.nodes().stream().map(nodeDesigner::design).toList();
        Map<String, NamespaceBox> namespaces = namespaceBoxes(graph, options);

        ElkLayout.Result drawing = new ElkLayout(options, down).run(graph, nodes, namespaces, margin, contentTop);

        double legendTop = contentTop + drawing.height() + 20 * spacing;
        double legendMaxWidth = Math.max(drawing.width(), 640 * options.unit());
        Legend legend = new LegendDesigner(options).design(drawing.nodes(), drawing.edges(), margin, legendTop, legendMaxWidth,
                options.changedMeaning());

        // Whole-number bounds: an image of them has no half-covered edge pixels.
        double width = Math.max(Math.max(drawing.width(), legend.bounds().width()), headerWidth) + 2 * margin;
        double height = legend.bounds().maxY() + margin;
        return new Diagram(options.title(), titleBaseline, typography, drawing.namespaces(), drawing.nodes(),
                drawing.edges(), legend, note, new Rect(0, 0, width, height).snappedOut());
    }

    /** The note line with its top at {@code top}: the sentence, then (on screen) its action. */
    private static DiagramNote note(LayoutOptions options, double left, double top) {
        FontSpec font = options.typography().legend();
        TextMetrics text = options.measurer().measure(options.note(), font);
        Point baseline = new Point(left, top + text.ascent());
        if (options.noteAction().isEmpty()) {
            return new DiagramNote(options.note(), baseline, "", baseline, null);
        }
        String separator = " \u2014 ";
        double actionX = left + text.width() + options.measurer().measure(separator, font).width();
        TextMetrics action = options.measurer().measure(options.noteAction(), font);
        return new DiagramNote(options.note() + separator, baseline, options.noteAction(), new Point(actionX, baseline.y()),
                new Rect(actionX, top, action.width(), text.height()));
    }

    /**
     * A box for every namespace of the graph or of its workloads, except those collapsed into one
     * node: that node stands for the box. Sized, at the origin, just big enough for the title.
     */
    private static Map<String, NamespaceBox> namespaceBoxes(ReachabilityGraph graph, LayoutOptions options) {
        double unit = options.unit();
        Set<String> names = new TreeSet<>(graph.namespaces());
        Set<String> collapsed = new TreeSet<>();
        for (GraphNode node : graph.nodes()) {
            if (node.type() == NodeType.WORKLOAD) {
                names.add(node.namespace());
            } else if (node.type() == NodeType.NAMESPACE) {
                collapsed.add(NodeDesigner.label(node));
            }
        }
        names.removeAll(collapsed);
        Map<String, NamespaceBox> boxes = new TreeMap<>();
        FontSpec font = options.typography().namespaceTitle();
        double sideInset = 14 * options.spacing();
        double titleTop = 8 * unit;
        for (String name : names) {
            TextMetrics title = options.measurer().measure(name, font);
            double topInset = titleTop + title.height() + 10 * unit;
            Rect minimum = new Rect(0, 0, title.width() + 2 * sideInset, topInset + sideInset);
            boxes.put(name, new NamespaceBox(name, minimum, new Point(sideInset, titleTop + title.ascent()),
                    sideInset, topInset, false));
        }
        return boxes;
    }
}

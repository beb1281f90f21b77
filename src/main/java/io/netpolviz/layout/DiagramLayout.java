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

    /** The screen shape {@link FlowDirection#BEST_FIT} aims for. */
    private static final double SCREEN_ASPECT = 16.0 / 10.0;

    private DiagramLayout() {
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
        double contentTop = options.title().isEmpty() ? margin : margin + titleText.height() + 16 * spacing;

        NodeDesigner nodeDesigner = new NodeDesigner(options);
        List<NodeBox> nodes = graph.nodes().stream().map(nodeDesigner::design).toList();
        Map<String, NamespaceBox> namespaces = namespaceBoxes(graph, options);

        ElkLayout.Result drawing = new ElkLayout(options, down).run(graph, nodes, namespaces, margin, contentTop);

        double legendTop = contentTop + drawing.height() + 20 * spacing;
        double legendMaxWidth = Math.max(drawing.width(), 640 * options.unit());
        Legend legend = new LegendDesigner(options).design(drawing.nodes(), margin, legendTop, legendMaxWidth);

        // Whole-number bounds: an image of them has no half-covered edge pixels.
        double width = Math.max(Math.max(drawing.width(), legend.bounds().width()), titleText.width()) + 2 * margin;
        double height = legend.bounds().maxY() + margin;
        return new Diagram(options.title(), titleBaseline, typography, drawing.namespaces(), drawing.nodes(),
                drawing.edges(), legend, new Rect(0, 0, width, height).snappedOut());
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

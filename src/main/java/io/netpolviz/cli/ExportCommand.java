package io.netpolviz.cli;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.graph.ReachabilityGraphBuilder;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.render.Background;
import io.netpolviz.render.PngExporter;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code export}: the diagram as PNG and/or SVG, headless, with the same layout, painter and
 * filters as the desktop app; same input, same bytes. A cluster too large to read workload by
 * workload is drawn as the app opens it, namespaces collapsed, and {@code --expand} opens nodes
 * as double-clicking them does.
 */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export (PATH... | --kubeconfig FILE [--context NAME] [--namespace NS]...) [--svg FILE] [--png FILE] [--scale N]"
                + " [--transparent] [--presentation] [--all-pairs] [--off NS/POLICY]... [--focus NS/WORKLOAD]"
                + " [--filter all|allowed|blocked] [--title TEXT] [--expand NODE]...";
    }

    @Override
    public Set<String> flags() {
        return Set.of("transparent", "presentation", "all-pairs");
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(SourceOptions.VALUED);
        options.addAll(Set.of("svg", "png", "scale", "focus", "filter", "title", "expand"));
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        Path svg = arguments.option("svg").map(Path::of).orElse(null);
        Path png = arguments.option("png").map(Path::of).orElse(null);
        if (svg == null && png == null) {
            throw new UsageException("name at least one output: --svg FILE and/or --png FILE");
        }
        double scale = parseScale(arguments.option("scale").orElse("1"));
        ViewFilter.EdgeFilter edges = parseFilter(arguments.option("filter").orElse("all"));
        ClusterSnapshot snapshot = SourceOptions.load(arguments.positional(), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        Set<PolicyId> off = SourceOptions.switchedOff(arguments, snapshot);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate(off);
        ReachabilityGraphBuilder.Pairs pairs = arguments.flag("all-pairs") ? ReachabilityGraphBuilder.Pairs.ALL : ReachabilityGraphBuilder.Pairs.AUTO;
        Grouping grouping = Grouping.auto(engine);
        ReachabilityGraph graph = picture(engine, grouping, pairs, evaluation);
        for (String nodeId : arguments.options("expand")) {
            // As double-clicking a collapsed node in the app: only what the picture shows can be opened.
            if (graph.node(nodeId).filter(GraphNode::isCollapsed).isEmpty()) {
                List<String> collapsed = graph.nodes().stream().filter(GraphNode::isCollapsed).map(GraphNode::id).sorted().toList();
                throw new UsageException("--expand " + nodeId + ": no such collapsed node in the picture"
                        + (collapsed.isEmpty() ? "; nothing is collapsed" : "; its collapsed nodes are " + abbreviated(collapsed)));
            }
            grouping = grouping.expanding(Grouping.unitNameOf(nodeId).orElseThrow());
            graph = picture(engine, grouping, pairs, evaluation);
        }
        if (!grouping.isNone() && (graph.nodes().size() > Grouping.READABLE_NODES || graph.edges().size() > Grouping.READABLE_EDGES)) {
            terminal.err().printf(Locale.ROOT, "netpolviz export: the picture would have %,d boxes and %,d edges, more than a person"
                    + " can read (the app draws at most %d boxes and %d edges); expand fewer nodes\n",
                    graph.nodes().size(), graph.edges().size(), Grouping.READABLE_NODES, Grouping.READABLE_EDGES);
            return ExitCode.INPUT_ERRORS;
        }
        String focus = arguments.option("focus").orElse(null);
        if (focus != null && graph.node(focus).isEmpty()) {
            throw new UsageException("--focus " + focus + (grouping.isNone() ? ": no such workload (name it NAMESPACE/NAME)"
                    : ": no such node in this picture; its nodes are " + nodeList(graph)));
        }
        Theme theme = arguments.flag("presentation") ? Theme.presentation() : Theme.standard();
        ViewFilter filter = ViewFilter.NONE.withEdges(edges).withFocus(focus);
        String title = arguments.option("title").orElse(ViewTitle.of(snapshot.sourceName(), off, filter));
        Diagram full = DiagramLayout.layout(graph, LayoutOptions.defaults().withTitle(title).withTypography(theme.typography()));
        Diagram diagram = full;
        if (!filter.isEmpty()) {
            Set<String> everyNode = new HashSet<>(graph.nodes().stream().map(n -> n.id()).toList());
            ViewFilter.Visibility visible = filter.apply(graph, everyNode);
            diagram = full.showingOnly(visible.namespaces(), visible.nodeIds(), visible.edgeKeys());
        }
        Background background = arguments.flag("transparent") ? Background.TRANSPARENT : Background.OPAQUE;
        try {
            if (svg != null) {
                SvgExporter.write(diagram, theme, background, svg);
                terminal.printErrorLine("wrote " + svg);
            }
            if (png != null) {
                PngExporter.write(diagram, theme, scale, background, png);
                terminal.printErrorLine("wrote " + png);
            }
        } catch (IOException e) {
            terminal.printErrorLine("netpolviz export: cannot write: " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        }
        return SourceOptions.exitCode(snapshot);
    }

    /**
     * The picture the app draws for a grouping: workload by workload when nothing is collapsed
     * ({@link Grouping#auto} collapses namespaces when there are more workloads than a person can
     * read), else summed up by {@link AggregatedGraph}.
     */
    private static ReachabilityGraph picture(PolicyEngine engine, Grouping grouping, ReachabilityGraphBuilder.Pairs pairs,
            Evaluation evaluation) {
        return grouping.isNone() ? new ReachabilityGraphBuilder(engine, pairs).build(evaluation, null)
                : AggregatedGraph.build(grouping, pairs, evaluation).graph();
    }

    private static String nodeList(ReachabilityGraph graph) {
        return abbreviated(graph.nodes().stream().map(GraphNode::id).sorted().toList());
    }

    private static String abbreviated(List<String> ids) {
        int shown = Math.min(ids.size(), 12);
        return String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? String.format(Locale.ROOT, " and %d more", ids.size() - shown) : "");
    }

    private static double parseScale(String text) throws UsageException {
        String number = text.endsWith("x") ? text.substring(0, text.length() - 1) : text;
        try {
            double scale = Double.parseDouble(number);
            if (scale > 0 && scale <= 8) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--scale " + text + ": give a number from 0.1 to 8, e.g. 1, 2 or 1.5");
    }

    private static ViewFilter.EdgeFilter parseFilter(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "all" -> ViewFilter.EdgeFilter.ALL;
            case "allowed" -> ViewFilter.EdgeFilter.ALLOWED;
            case "blocked" -> ViewFilter.EdgeFilter.BLOCKED;
            default -> throw new UsageException("--filter " + text + ": use all, allowed or blocked");
        };
    }
}

package io.netpolviz.cli;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.view.Picture;
import io.netpolviz.view.TooMuchToDraw;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.layout.Diagram;
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
                + " [--filter default|all|allowed|blocked] [--title TEXT] [--expand NODE]...";
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
        ViewFilter.EdgeFilter edges = arguments.flag("all-pairs") ? ViewFilter.EdgeFilter.ALL
                : parseFilter(arguments.option("filter").orElse("default"));
        ClusterSnapshot snapshot = SourceOptions.load(arguments.positional(), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        Set<PolicyId> off = SourceOptions.switchedOff(arguments, snapshot);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate(off);
        Theme theme = arguments.flag("presentation") ? Theme.presentation() : Theme.standard();
        Grouping grouping = Grouping.auto(engine);
        AggregatedGraph aggregate = grouping.isNone() ? null : AggregatedGraph.build(grouping, evaluation);
        for (String nodeId : arguments.options("expand")) {
            // As double-clicking a collapsed node in the app: only what the picture shows can be opened.
            ReachabilityGraph shown = aggregate == null ? null : aggregate.graph();
            if (shown == null || shown.node(nodeId).filter(GraphNode::isCollapsed).isEmpty()) {
                List<String> collapsed = shown == null ? List.of()
                        : shown.nodes().stream().filter(GraphNode::isCollapsed).map(GraphNode::id).sorted().toList();
                throw new UsageException("--expand " + nodeId + ": no such collapsed node in the picture"
                        + (collapsed.isEmpty() ? "; nothing is collapsed" : "; its collapsed nodes are " + abbreviated(collapsed)));
            }
            grouping = grouping.expanding(Grouping.unitNameOf(nodeId).orElseThrow());
            aggregate = aggregate.regrouped(grouping, evaluation);
        }
        String focus = arguments.option("focus").orElse(null);
        if (focus != null) {
            ReachabilityGraph everything = aggregate != null ? aggregate.graph() : null;
            boolean known = everything != null ? everything.node(focus).isPresent() : engine.resolve(focus).isPresent() && !focus.startsWith("ext:")
                    || engine.externalPeers().stream().anyMatch(peer -> peer.id().equals(focus));
            if (!known) {
                throw new UsageException("--focus " + focus + (aggregate == null ? ": no such workload (name it NAMESPACE/NAME)"
                        : ": no such node in this picture; its nodes are " + nodeList(everything)));
            }
        }
        ViewFilter filter = ViewFilter.NONE.withEdges(edges).withFocus(focus);
        String title = arguments.option("title").orElse(ViewTitle.of(snapshot.sourceName(), off, filter, snapshot.unevaluatedPolicyKinds()));
        Picture.Request request = Picture.Request.export(filter,
                LayoutOptions.defaults().withTitle(title).withTypography(theme.typography()));
        Picture picture;
        try {
            picture = aggregate == null ? Picture.ofWorkloads(evaluation, null, null, request) : Picture.ofAggregate(aggregate, null, request);
        } catch (TooMuchToDraw refused) {
            terminal.printErrorLine("netpolviz export: " + refused.getMessage().replace("Collapse something", "Expand fewer nodes")
                    + " (" + (aggregate == null ? "use --focus or --filter" : "use fewer --expand, --focus or --filter") + ")");
            return ExitCode.INPUT_ERRORS;
        }
        Diagram diagram = picture.diagram();
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
            case "default" -> ViewFilter.EdgeFilter.STORY;
            case "all" -> ViewFilter.EdgeFilter.ALL;
            case "allowed" -> ViewFilter.EdgeFilter.ALLOWED;
            case "blocked" -> ViewFilter.EdgeFilter.BLOCKED;
            case "changed" -> throw new UsageException("--filter changed: an export has no earlier picture to compare with;"
                    + " use default, all, allowed or blocked");
            default -> throw new UsageException("--filter " + text + ": use default, all, allowed or blocked");
        };
    }
}

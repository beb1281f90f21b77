package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lays out the legend as rows of entries wrapped to a width. Edge entries are always listed
 * because a later toggle can bring any of them into the picture; node entries only for the
 * kinds the diagram has.
 */
final class LegendDesigner {

    private final FontSpec font;
    private final TextMeasurer measurer;
    private final double unit;

    LegendDesigner(LayoutOptions options) {
        this.font = options.typography().legend();
        this.measurer = options.measurer();
        this.unit = options.unit();
    }

    /** The legend with its top-left corner at (x, y), no wider than {@code maxWidth} unless one entry is. */
    Legend design(List<NodeBox> nodes, List<EdgePath> edges, double x, double y, double maxWidth) {
        return design(nodes, edges, x, y, maxWidth, LayoutOptions.CHANGED_BY_LAST);
    }

    /** @param changedMeaning what the change halo means here ({@link LayoutOptions#changedMeaning()}) */
    Legend design(List<NodeBox> nodes, List<EdgePath> edges, double x, double y, double maxWidth, String changedMeaning) {
        List<LegendSymbol> symbols = symbols(nodes, edges);
        boolean aggregated = symbols.contains(LegendSymbol.NAMESPACE);
        double pad = 10 * unit;
        double entryGap = 22 * unit;
        double rowGap = 6 * unit;
        double symbolGap = 6 * unit;
        TextMetrics probe = measurer.measure("Hg", font);
        double rowHeight = Math.max(probe.height(), 20 * unit);

        List<LegendEntry> entries = new ArrayList<>();
        double cursorX = x + pad;
        double rowTop = y + pad;
        double widest = 0;
        for (LegendSymbol symbol : symbols) {
            String text = symbol == LegendSymbol.CHANGED_EDGE ? changedMeaning : text(symbol, aggregated);
            double symbolWidth = symbolWidth(symbol);
            double entryWidth = symbolWidth + symbolGap + measurer.measure(text, font).width();
            boolean rowHasEntries = cursorX > x + pad;
            if (rowHasEntries && cursorX + entryWidth > x + maxWidth - pad) {
                cursorX = x + pad;
                rowTop += rowHeight + rowGap;
            }
            double symbolHeight = Math.min(rowHeight, 20 * unit);
            Rect symbolBounds = new Rect(cursorX, rowTop + (rowHeight - symbolHeight) / 2, symbolWidth, symbolHeight);
            double baseline = rowTop + (rowHeight - probe.height()) / 2 + probe.ascent();
            entries.add(new LegendEntry(symbol, text, symbolBounds, new Point(cursorX + symbolWidth + symbolGap, baseline)));
            cursorX += entryWidth;
            widest = Math.max(widest, cursorX - x);
            cursorX += entryGap;
        }
        Rect bounds = new Rect(x, y, widest + pad, rowTop + rowHeight + pad - y);
        return new Legend(bounds, entries);
    }

    private double symbolWidth(LegendSymbol symbol) {
        return switch (symbol) {
            case ALLOWED_EDGE, MIXED_EDGE, BLOCKED_EDGE, CHANGED_EDGE, GROUP_EDGE -> 40 * unit;
            case RUN_TIME_FILTER -> 26 * unit;
            default -> 20 * unit;
        };
    }

    private static List<LegendSymbol> symbols(List<NodeBox> nodes, List<EdgePath> edges) {
        Set<LegendSymbol> symbols = EnumSet.of(LegendSymbol.ALLOWED_EDGE, LegendSymbol.MIXED_EDGE,
                LegendSymbol.BLOCKED_EDGE, LegendSymbol.PARTIAL_PORT, LegendSymbol.CHANGED_EDGE);
        for (NodeBox node : nodes) {
            if (node.style() == NodeStyle.STAND_IN) {
                symbols.add(LegendSymbol.STAND_IN);
                continue;
            }
            symbols.add(switch (node.icon()) {
                case POD -> LegendSymbol.POD;
                case WORKLOAD -> LegendSymbol.WORKLOAD;
                case DNS -> LegendSymbol.DNS;
                case EXTERNAL -> LegendSymbol.EXTERNAL;
                case NAMESPACE -> LegendSymbol.NAMESPACE;
            });
            if (node.hostNetwork()) {
                symbols.add(LegendSymbol.HOST_NETWORK);
            }
        }
        for (EdgePath edge : edges) {
            if (edge.stub() != null) {
                symbols.add(LegendSymbol.EVERYWHERE);
            } else if (edge.touchesBox() && !edge.isSelfLoop()) {
                symbols.add(LegendSymbol.GROUP_EDGE);
            }
            if (edge.labels().stream().anyMatch(PortLabel::filteredAtRunTime)) {
                symbols.add(LegendSymbol.RUN_TIME_FILTER);
            }
        }
        return List.copyOf(symbols);
    }

    /**
     * What a symbol means. In a picture with collapsed namespaces an edge stands for many workload
     * pairs, and a port allowed for some of them is drawn like a range allowed in part.
     */
    static String text(LegendSymbol symbol, boolean aggregated) {
        if (aggregated && symbol == LegendSymbol.PARTIAL_PORT) {
            return "allowed for some of the pairs (or part of a range)";
        }
        if (aggregated && symbol == LegendSymbol.MIXED_EDGE) {
            return "some ports or pairs allowed";
        }
        return switch (symbol) {
            case ALLOWED_EDGE -> PortStyle.ALLOWED.mark() + " allowed";
            case MIXED_EDGE -> "some ports allowed";
            case BLOCKED_EDGE -> PortStyle.BLOCKED.mark() + " blocked";
            case PARTIAL_PORT -> "port range allowed only in part";
            case CHANGED_EDGE -> LayoutOptions.CHANGED_BY_LAST;
            case POD -> "pod";
            case WORKLOAD -> "workload (\u00D7N pods)";
            case DNS -> "cluster DNS";
            case EXTERNAL -> "outside the cluster";
            case NAMESPACE -> "collapsed namespace or group";
            case HOST_NETWORK -> "host network: policies do not apply";
            case GROUP_EDGE -> "from or to a box: every workload in it, unless one has its own edge";
            case EVERYWHERE -> "every workload and address shown";
            case STAND_IN -> "stand-in: pods a policy names, no manifest read";
            case RUN_TIME_FILTER -> "allowed; an L7 or DNS-name rule filters requests at run time";
        };
    }
}

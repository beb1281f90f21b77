package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts each edge's label chip on its own line (the line runs into one end of the pill and out of
 * the other), as near to the line's start as it fits: never on a node, a namespace title or
 * another chip, and, where it can, on no other line; where its line is crowded, beside it, a
 * little further each time. ELK
 * places a label at an edge's tail without looking at the labels of the neighbouring edges, so
 * the chips of a node with several edges leaving it would pile up; here they move along their
 * lines until each has room. Read from the source, a chip then says what its line's source may
 * do, next to where the line leaves it.
 */
final class ChipSpreader {

    /** The offset that centres a chip on its line, the line running into one end of the pill and out of the other. */
    private static final double ON_THE_LINE = Double.NaN;

    /** How far apart the candidate positions along a line are. */
    private static final double STEP = 6;
    /** How far along its line a chip is looked for: near its start or, failing that, beside the line there. */
    private static final double FURTHEST = 900;

    private final double gap;
    /** Where chips may go: the area the layout fills. */
    private final Rect area;
    private final List<Rect> obstacles = new ArrayList<>();
    private final List<Rect> placed = new ArrayList<>();
    /** Each edge's route extent, in the order of the edges: most lines are far from a candidate and skipped at once. */
    private final List<Rect> extents = new ArrayList<>();

    private ChipSpreader(double gap, Rect area) {
        this.gap = gap;
        this.area = area;
    }

    /**
     * The edges with their chips moved where none overlaps another chip, a node or a box title. The
     * first edge keeps the first choice; an edge whose chip fits nowhere keeps ELK's position.
     */
    static List<EdgePath> spread(List<EdgePath> edges, List<NodeBox> nodes, List<NamespaceBox> boxes, LayoutOptions options, Rect area) {
        ChipSpreader spreader = new ChipSpreader(3 * options.spacing(), area);
        nodes.forEach(node -> spreader.obstacles.add(node.bounds().expanded(2, 2, 2, 2)));
        for (NamespaceBox box : boxes) {
            Rect bounds = box.bounds();
            double title = options.measurer().measure(box.name(), options.typography().namespaceTitle()).width();
            spreader.obstacles.add(new Rect(bounds.x(), bounds.y(), Math.min(bounds.width(), box.titleBaseline().x() + title), box.topInset()));
        }
        edges.stream().filter(edge -> edge.stub() != null).forEach(edge -> spreader.obstacles.add(edge.stub()));
        edges.forEach(edge -> spreader.extents.add(Rect.around(edge.route())));
        // Loops keep their chips where the layout put them; the others then make room around those.
        edges.stream().filter(edge -> edge.chip() != null && edge.isSelfLoop()).forEach(edge -> spreader.placed.add(edge.chip()));
        List<EdgePath> spread = new ArrayList<>();
        for (EdgePath edge : edges) {
            spread.add(edge.chip() == null || edge.isSelfLoop() ? edge : spreader.place(edge, edges));
        }
        return spread;
    }

    private EdgePath place(EdgePath edge, List<EdgePath> all) {
        Rect chip = edge.chip();
        // On the line first; where that is full, beside it, a little further from it each time.
        Rect best = null;
        for (int level = 0; level < 12 && best == null; level++) {
            best = bestBeside(edge, all, level == 0 ? ON_THE_LINE : gap + (level - 1) * chip.height() * 0.75);
        }
        if (best == null) {
            placed.add(chip);
            return edge;
        }
        placed.add(best);
        double dx = best.x() - chip.x();
        double dy = best.y() - chip.y();
        return edge.withRoute(edge.route(), edge.labels().stream().map(label -> label.movedBy(dx, dy)).toList(), best);
    }

    /** The free position nearest the line's start at {@code offset} from the line, the fewest other lines under it; null if none. */
    private Rect bestBeside(EdgePath edge, List<EdgePath> all, double offset) {
        Rect chip = edge.chip();
        Rect best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        double along = 0;
        List<Point> route = edge.route();
        for (int i = 1; i < route.size() && bestCost > along && along < FURTHEST; i++) {
            Point from = route.get(i - 1);
            Point to = route.get(i);
            double length = Math.hypot(to.x() - from.x(), to.y() - from.y());
            for (double t = 0; t <= length && along + t < FURTHEST; t += STEP) {
                double x = from.x() + (to.x() - from.x()) * t / length;
                double y = from.y() + (to.y() - from.y()) * t / length;
                for (Rect candidate : beside(chip, x, y, Math.abs(to.y() - from.y()) < Math.abs(to.x() - from.x()), offset)) {
                    if (along + t >= bestCost || !free(candidate)) {
                        continue;
                    }
                    // Lines under the chip cost as much as 120 px further along its own line.
                    double cost = along + t + 120 * linesUnder(candidate, edge, all);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = candidate;
                    }
                }
            }
            along += length;
        }
        return best;
    }

    /** The chip just above and just below a point of a horizontal line, or right and left of a vertical one. */
    private static List<Rect> beside(Rect chip, double x, double y, boolean horizontal, double offset) {
        double w = chip.width();
        double h = chip.height();
        if (Double.isNaN(offset)) {
            return List.of(horizontal ? new Rect(x, y - h / 2, w, h) : new Rect(x - w / 2, y, w, h));
        }
        if (horizontal) {
            return List.of(new Rect(x, y - offset - h, w, h), new Rect(x, y + offset, w, h));
        }
        return List.of(new Rect(x + offset, y, w, h), new Rect(x - offset - w, y, w, h));
    }

    private boolean free(Rect candidate) {
        Rect padded = candidate.expanded(2, 2, 2, 2);
        if (!area.contains(candidate)) {
            return false;
        }
        return obstacles.stream().noneMatch(padded::intersects) && placed.stream().noneMatch(padded::intersects);
    }

    private int linesUnder(Rect candidate, EdgePath self, List<EdgePath> all) {
        int count = 0;
        for (int k = 0; k < all.size(); k++) {
            EdgePath other = all.get(k);
            if (other == self || !extents.get(k).intersects(candidate.expanded(1, 1, 1, 1))) {
                continue;
            }
            List<Point> route = other.route();
            for (int i = 1; i < route.size(); i++) {
                if (crosses(candidate, route.get(i - 1), route.get(i))) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Whether an axis-parallel segment (ELK routes orthogonally) passes through the rectangle. */
    private static boolean crosses(Rect rect, Point a, Point b) {
        double minX = Math.min(a.x(), b.x());
        double maxX = Math.max(a.x(), b.x());
        double minY = Math.min(a.y(), b.y());
        double maxY = Math.max(a.y(), b.y());
        return maxX >= rect.x() && minX <= rect.maxX() && maxY >= rect.y() && minY <= rect.maxY();
    }
}

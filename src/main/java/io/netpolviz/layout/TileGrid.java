package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-level layout's second level: places the tiles (each a box laid out alone) in a grid of
 * rows and columns and routes the links between them through the corridors between the cells.
 * Every link leaves its tile on the right and enters the other on the left; a link to the next
 * column runs down (or up) the corridor between the two, any other goes round through the corridor
 * between rows. Each link has a track of its own in every corridor it uses, and its chip sits just
 * left of where it enters, in room the corridor keeps for chips. The grid is chosen among every
 * order of the tiles and every number of columns (up to {@link #ORDERS_UP_TO_TILES} tiles; beyond,
 * the order ELK gave) for the fewest links that must go round, then the best fit to a screen.
 */
final class TileGrid {

    /** A link between two tiles: where it leaves and enters them (relative to each tile) and its chip's size. */
    record Link(int from, int to, Point exit, Point entry, double chipWidth, double chipHeight) {
    }

    /** A link's route between its exit and its entry, and its chip's top-left corner, in grid coordinates. */
    record Routed(List<Point> route, Point chip) {
    }

    /** Where each tile goes (its top-left corner), the links' routes, and the size of the grid. */
    record Placed(List<Point> tiles, List<Routed> links, double width, double height) {
    }

    /**
     * Which cell each tile takes (row-major) in a grid of {@code columns} columns. A link leaves
     * its tile on the side that faces the other tile's column and enters the other on the side
     * that faces back; between two tiles of one column it leaves and enters on the grid's outer side.
     */
    record Arrangement(int[] cell, int columns) {

        int column(int tile) {
            return cell[tile] % columns;
        }

        int row(int tile) {
            return cell[tile] / columns;
        }

        boolean exitsEast(int from, int to) {
            return column(to) > column(from) || column(to) == column(from) && !(column(from) == 0 && columns > 1);
        }

        boolean entersWest(int from, int to) {
            return column(to) > column(from) || column(to) == column(from) && column(from) == 0 && columns > 1;
        }

        /** The corridor (0 left of column 0) a link runs down after leaving its tile. */
        int exitCorridor(int from, int to) {
            return column(from) + (exitsEast(from, to) ? 1 : 0);
        }

        int entryCorridor(int from, int to) {
            return column(to) + (entersWest(from, to) ? 0 : 1);
        }

        boolean direct(Link link) {
            return exitCorridor(link.from(), link.to()) == entryCorridor(link.from(), link.to());
        }
    }

    /** What a link against the flow costs: as much as one that goes round, since it turns back inside a tile too. */
    static final double LEFTWARD = 1;

    /** Up to this many tiles every order is tried (720 orders of 6). */
    static final int ORDERS_UP_TO_TILES = 6;

    private final double track;
    private final double gap;
    private final double screenWidth;
    private final double screenHeight;

    /** {@code track}: the distance between two lines in a corridor; {@code gap}: a corridor's margin on each side. */
    TileGrid(double track, double gap, double screenWidth, double screenHeight) {
        this.track = track;
        this.gap = gap;
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    /** The grid for tiles of these sizes and these links: see the class comment for what is weighed. */
    Arrangement arrange(List<Rect> sizes, List<Link> links) {
        int n = sizes.size();
        List<int[]> orders = new ArrayList<>();
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        if (n <= ORDERS_UP_TO_TILES) {
            permutations(identity, 0, orders);
        } else {
            orders.add(identity);
        }
        Arrangement best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int columns = 1; columns <= n; columns++) {
            for (int[] order : orders) {
                int[] cell = new int[n];
                for (int slot = 0; slot < n; slot++) {
                    cell[order[slot]] = slot;
                }
                Arrangement arrangement = new Arrangement(cell, columns);
                double score = score(route(sizes, links, arrangement, tile -> false), links, arrangement);
                if (score < bestScore - 1e-9) {
                    best = arrangement;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /**
     * Links that must go round through a corridor between rows weigh most, then how far the grid
     * overflows the screen, then links against the flow (right to left) and within a column.
     */
    private double score(Placed placed, List<Link> links, Arrangement arrangement) {
        double cost = 0;
        for (Link link : links) {
            int from = arrangement.column(link.from());
            int to = arrangement.column(link.to());
            cost += (arrangement.direct(link) ? 0 : 1) + (to < from ? LEFTWARD : 0) + (to == from ? 0.2 : 0);
        }
        double overflow = Math.max(placed.width() / screenWidth, placed.height() / screenHeight);
        return cost + 20 * Math.max(0, overflow - 1) + 0.01 * overflow;
    }

    /**
     * Places the tiles as arranged and routes every link. A tile {@code eastward} (one whose layers
     * run right to left, most of its links leaving or entering on the east) hugs its cell's east side.
     */
    Placed route(List<Rect> sizes, List<Link> links, Arrangement arrangement, java.util.function.IntPredicate eastward) {
        int n = sizes.size();
        int columns = arrangement.columns();
        int rows = (n + columns - 1) / columns;
        double[] columnWidth = new double[columns];
        double[] rowHeight = new double[rows];
        for (int i = 0; i < n; i++) {
            columnWidth[arrangement.column(i)] = Math.max(columnWidth[arrangement.column(i)], sizes.get(i).width());
            rowHeight[arrangement.row(i)] = Math.max(rowHeight[arrangement.row(i)], sizes.get(i).height());
        }
        // Corridor j is left of column j (columns + 1 of them); corridor k is above row k.
        int[] verticalTracks = new int[columns + 1];
        double[] chipsLeft = new double[columns + 1];
        double[] chipsRight = new double[columns + 1];
        List<List<Integer>> horizontalTracks = new ArrayList<>();
        for (int k = 0; k <= rows; k++) {
            horizontalTracks.add(new ArrayList<>());
        }
        int[] roundCorridor = new int[links.size()];
        for (int l = 0; l < links.size(); l++) {
            Link link = links.get(l);
            int exitCorridor = arrangement.exitCorridor(link.from(), link.to());
            int entryCorridor = arrangement.entryCorridor(link.from(), link.to());
            verticalTracks[exitCorridor]++;
            if (arrangement.entersWest(link.from(), link.to())) {
                chipsRight[entryCorridor] = Math.max(chipsRight[entryCorridor], link.chipWidth() + gap);
            } else {
                chipsLeft[entryCorridor] = Math.max(chipsLeft[entryCorridor], link.chipWidth() + gap);
            }
            if (!arrangement.direct(link)) {
                verticalTracks[entryCorridor]++;
                int fromRow = arrangement.row(link.from());
                int toRow = arrangement.row(link.to());
                roundCorridor[l] = fromRow == toRow ? (fromRow + 1 == rows && fromRow > 0 ? fromRow : fromRow + 1) : Math.max(fromRow, toRow);
                horizontalTracks.get(roundCorridor[l]).add(l);
            }
        }
        double[] trackX = new double[columns + 1];
        double[] columnX = new double[columns];
        double x = 0;
        for (int j = 0; j <= columns; j++) {
            trackX[j] = x + gap + chipsLeft[j];
            x += 2 * gap + chipsLeft[j] + Math.max(0, verticalTracks[j] - 1) * track + chipsRight[j];
            if (j < columns) {
                columnX[j] = x;
                x += columnWidth[j];
            }
        }
        double width = x;
        double[] corridorY = new double[rows + 1];
        double[] rowY = new double[rows];
        double y = 0;
        for (int k = 0; k <= rows; k++) {
            corridorY[k] = y + gap;
            y += 2 * gap + Math.max(0, horizontalTracks.get(k).size() - 1) * track;
            if (k < rows) {
                rowY[k] = y;
                y += rowHeight[k];
            }
        }
        double height = y;
        List<Point> corners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double slack = eastward.test(i) ? columnWidth[arrangement.column(i)] - sizes.get(i).width() : 0;
            corners.add(new Point(columnX[arrangement.column(i)] + slack, rowY[arrangement.row(i)]));
        }
        // Each corridor's vertical runs: where each link starts and ends its run down the corridor.
        List<java.util.Map<Integer, double[]>> runs = new ArrayList<>();
        for (int j = 0; j <= columns; j++) {
            runs.add(new java.util.LinkedHashMap<>());
        }
        for (int l = 0; l < links.size(); l++) {
            Link link = links.get(l);
            double exitY = at(corners.get(link.from()), link.exit()).y();
            double entryY = at(corners.get(link.to()), link.entry()).y();
            int exitCorridor = arrangement.exitCorridor(link.from(), link.to());
            int entryCorridor = arrangement.entryCorridor(link.from(), link.to());
            double exitSide = arrangement.exitsEast(link.from(), link.to()) ? LEFT : RIGHT;
            double entrySide = arrangement.entersWest(link.from(), link.to()) ? RIGHT : LEFT;
            if (arrangement.direct(link)) {
                runs.get(exitCorridor).put(l, new double[] {exitY, exitSide, entryY, entrySide});
            } else {
                double roundY = roundY(corridorY, horizontalTracks, roundCorridor, l);
                runs.get(exitCorridor).put(l, new double[] {exitY, exitSide, roundY, entryCorridor > exitCorridor ? RIGHT : LEFT});
                runs.get(entryCorridor).put(l, new double[] {roundY, entryCorridor > exitCorridor ? LEFT : RIGHT, entryY, entrySide});
            }
        }
        List<List<Integer>> tracks = runs.stream().map(TileGrid::tracks).toList();
        List<Routed> routed = new ArrayList<>();
        for (int l = 0; l < links.size(); l++) {
            Link link = links.get(l);
            Point exit = at(corners.get(link.from()), link.exit());
            Point entry = at(corners.get(link.to()), link.entry());
            int exitCorridor = arrangement.exitCorridor(link.from(), link.to());
            int entryCorridor = arrangement.entryCorridor(link.from(), link.to());
            double firstX = trackX[exitCorridor] + tracks.get(exitCorridor).indexOf(l) * track;
            List<Point> route = new ArrayList<>(List.of(exit, new Point(firstX, exit.y())));
            if (arrangement.direct(link)) {
                route.add(new Point(firstX, entry.y()));
            } else {
                double roundY = roundY(corridorY, horizontalTracks, roundCorridor, l);
                double lastX = trackX[entryCorridor] + tracks.get(entryCorridor).indexOf(l) * track;
                route.add(new Point(firstX, roundY));
                route.add(new Point(lastX, roundY));
                route.add(new Point(lastX, entry.y()));
            }
            route.add(entry);
            int toColumn = arrangement.column(link.to());
            double chipX = arrangement.entersWest(link.from(), link.to()) ? columnX[toColumn] - gap / 2 - link.chipWidth()
                    : columnX[toColumn] + columnWidth[toColumn] + gap / 2;
            routed.add(new Routed(route, new Point(chipX, entry.y() - link.chipHeight() / 2)));
        }
        return new Placed(corners, routed, width, height);
    }

    private double roundY(double[] corridorY, List<List<Integer>> horizontalTracks, int[] roundCorridor, int link) {
        return corridorY[roundCorridor[link]] + horizontalTracks.get(roundCorridor[link]).indexOf(link) * track;
    }

    /** Which side of its track a run's horizontal end lies on. */
    private static final double LEFT = 0;
    private static final double RIGHT = 1;

    /**
     * The order of a corridor's tracks, left to right. Each run is (start y, side, end y, side);
     * a run's horizontal end crosses another run's track when it lies within that run's height
     * and reaches over to it. Adjacent tracks are swapped while that crosses less: a swap changes
     * only the crossings of its own two runs, so this ends.
     */
    private static List<Integer> tracks(java.util.Map<Integer, double[]> runs) {
        List<Integer> order = new ArrayList<>(runs.keySet());
        order.sort(java.util.Comparator.comparingDouble((Integer l) -> runs.get(l)[0]).thenComparingInt(l -> l));
        boolean swapped = true;
        while (swapped) {
            swapped = false;
            for (int i = 0; i + 1 < order.size(); i++) {
                double[] left = runs.get(order.get(i));
                double[] right = runs.get(order.get(i + 1));
                if (crossings(right, left) < crossings(left, right)) {
                    java.util.Collections.swap(order, i, i + 1);
                    swapped = true;
                }
            }
        }
        return order;
    }

    /** The crossings of two runs when {@code left}'s track is left of {@code right}'s. */
    private static int crossings(double[] left, double[] right) {
        int count = 0;
        for (int end = 0; end < 4; end += 2) {
            count += right[end + 1] == LEFT && within(right[end], left) ? 1 : 0;
            count += left[end + 1] == RIGHT && within(left[end], right) ? 1 : 0;
        }
        return count;
    }

    private static boolean within(double y, double[] run) {
        return y > Math.min(run[0], run[2]) && y < Math.max(run[0], run[2]);
    }

    private static Point at(Point corner, Point relative) {
        return new Point(corner.x() + relative.x(), corner.y() + relative.y());
    }

    private static void permutations(int[] items, int from, List<int[]> out) {
        if (from == items.length) {
            out.add(items.clone());
            return;
        }
        for (int i = from; i < items.length; i++) {
            swap(items, from, i);
            permutations(items, from + 1, out);
            swap(items, from, i);
        }
    }

    private static void swap(int[] items, int a, int b) {
        int keep = items[a];
        items[a] = items[b];
        items[b] = keep;
    }
}

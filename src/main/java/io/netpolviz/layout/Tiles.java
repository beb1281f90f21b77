package io.netpolviz.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The two-level layout's first level: every top-level box (or loose node) gets a tile of its own,
 * an invisible node that ELK lays out alone, so that one box's layers never stretch another's. An
 * edge between two tiles becomes three ELK edges: from its source to a port on its tile's right
 * side, from that port to a port on the other tile's left side (the only part the top level
 * routes, and the one that carries the chip), and from there to its target. ELK lays the tiles'
 * insides out first and then places the tiles, keeping the ports where the insides put them.
 */
final class Tiles {

    /** The parts of an edge between tiles, in drawing order; the middle one (between the tiles) carries the chip. */
    record Split(List<ElkEdge> parts) {
    }

    private final ElkNode root;
    private final java.util.function.Consumer<ElkNode> configure;
    private final Map<String, ElkNode> byItem = new LinkedHashMap<>();

    /** Which tiles (by their place in {@link #all()}) lay their layers out right to left. */
    private final java.util.function.IntPredicate flipped;

    Tiles(ElkNode root, java.util.function.Consumer<ElkNode> configure, java.util.function.IntPredicate flipped) {
        this.root = root;
        this.configure = configure;
        this.flipped = flipped;
    }

    /** The tile that holds the top-level item {@code id} (a box or a loose node), made on first use. */
    ElkNode tile(String id) {
        return byItem.computeIfAbsent(id, key -> {
            ElkNode tile = ElkGraphUtil.createNode(root);
            tile.setIdentifier("tile:" + key);
            configure.accept(tile);
            if (flipped.test(byItem.size())) {
                tile.setProperty(CoreOptions.DIRECTION, org.eclipse.elk.core.options.Direction.LEFT);
            }
            tile.setProperty(CoreOptions.PADDING, new ElkPadding(0));
            tile.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);
            return tile;
        });
    }

    /** Whether {@code node} is one of the tiles. */
    boolean isTile(ElkNode node) {
        return node != null && node.getParent() == root && byItem.containsValue(node);
    }

    /** The tile a node lies in, or null for a node at the top level that is not in a tile. */
    ElkNode tileOf(ElkNode node) {
        ElkNode current = node;
        while (current != null && current.getParent() != root) {
            current = current.getParent();
        }
        return isTile(current) ? current : null;
    }

    /** The edge from {@code source} to {@code target}, split where it leaves one tile and enters another. */
    Split split(ElkNode source, ElkNode target, String key, boolean exitEast, boolean entryWest) {
        // ELK layered connects a tile's port only to a node directly in the tile, so a node deeper
        // in goes there through a point-sized gateway in the tile's first or last layer.
        ElkNode exitGate = gate(tileOf(source), exitEast, key + "#out");
        ElkNode entryGate = gate(tileOf(target), !entryWest, key + "#in");
        ElkPort exit = port(tileOf(source), exitEast ? PortSide.EAST : PortSide.WEST, key + "#out");
        ElkPort entry = port(tileOf(target), entryWest ? PortSide.WEST : PortSide.EAST, key + "#in");
        ElkEdge between = ElkGraphUtil.createSimpleEdge(exit, entry);
        // The top level's fixed layouter wants a section; TileGrid draws the route itself.
        ElkGraphUtil.createEdgeSection(between);
        return new Split(List.of(ElkGraphUtil.createSimpleEdge(source, exitGate), ElkGraphUtil.createSimpleEdge(exitGate, exit),
                between, ElkGraphUtil.createSimpleEdge(entry, entryGate),
                ElkGraphUtil.createSimpleEdge(entryGate, target)));
    }

    /** A gate in the tile's layer on its east or west side: the last layer when its layers run left to right. */
    private ElkNode gate(ElkNode tile, boolean east, String id) {
        LayerConstraint layer = east != flipped.test(indexOf(tile)) ? LayerConstraint.LAST : LayerConstraint.FIRST;
        ElkNode gate = ElkGraphUtil.createNode(tile);
        gate.setIdentifier("gate:" + id);
        gate.setDimensions(0, 0);
        gate.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, layer);
        return gate;
    }

    private static ElkPort port(ElkNode tile, PortSide side, String id) {
        ElkPort port = ElkGraphUtil.createPort(tile);
        port.setIdentifier(id);
        port.setProperty(CoreOptions.PORT_SIDE, side);
        port.setDimensions(0, 0);
        return port;
    }

    /** The tile's place in {@link #all()}: the same in every layout of one graph. */
    int indexOf(ElkNode tile) {
        return all().indexOf(tile);
    }

    /** Every tile, in the order they were made. */
    List<ElkNode> all() {
        return new ArrayList<>(byItem.values());
    }
}

package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.EdgeLabelSideSelection;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Runs ELK layered over one hierarchical graph: namespaces are compound nodes holding their
 * workloads, external peers and collapsed namespaces sit at the top level, and every port of an
 * edge is an ELK edge label so ELK reserves room for it. Hierarchy handling INCLUDE_CHILDREN lets
 * ELK lay out all levels at once, so edges between namespaces are routed across box borders.
 */
final class ElkLayout {

    /** The laid-out boxes and edges, in diagram coordinates, and the size of the area they fill. */
    record Result(List<NamespaceBox> namespaces, List<NodeBox> nodes, List<EdgePath> edges, double width,
            double height) {
    }

    private final LayoutOptions options;
    private final Direction direction;
    private final double spacing;
    private final EdgeLabelDesigner chips;
    /** Whether the graph has so many edges that node placement must favour speed over area. */
    private boolean large;

    /**
     * Above this many edges, network simplex node placement takes seconds to minutes (233 edges
     * among 18 nodes: 9.5 s against 1.8 s for Brandes-Koepf; 111 among 12: 2.0 s against 1.2 s),
     * so the faster placement is used. Lessons stay well below it.
     */
    static final int NETWORK_SIMPLEX_UP_TO_EDGES = 100;

    /** {@code down} lays layers out top to bottom instead of left to right. */
    ElkLayout(LayoutOptions options, boolean down) {
        this.options = options;
        this.direction = down ? Direction.DOWN : Direction.RIGHT;
        this.spacing = options.spacing();
        this.chips = new EdgeLabelDesigner(options);
    }

    /**
     * Lays out {@code nodes} (designed, at the origin) and the graph's edges, with the area's
     * top-left corner at (originX, originY). {@code namespaces} are the boxes to draw, keyed by name.
     */
    Result run(ReachabilityGraph graph, List<NodeBox> nodes, Map<String, NamespaceBox> namespaces,
            double originX, double originY) {
        large = graph.edges().size() > NETWORK_SIMPLEX_UP_TO_EDGES;
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));

        Map<String, GraphEdge> inside = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            if (edge.sourceId().equals(edge.targetId()) && GraphEdge.isBox(edge.sourceId())) {
                inside.put(GraphEdge.boxNamespace(edge.sourceId()), edge);
            }
        }
        Map<String, ElkNode> namespaceNodes = new LinkedHashMap<>();
        // The zone of open namespaces first: the namespace boxes it holds are made inside it.
        List<NamespaceBox> ordered = new ArrayList<>(namespaces.values());
        ordered.sort((a, b) -> Boolean.compare(!a.name().equals(GraphNode.OPEN_ZONE), !b.name().equals(GraphNode.OPEN_ZONE)));
        for (NamespaceBox unsized : ordered) {
            NamespaceBox box = inside.containsKey(unsized.name()) ? withRoomForInside(unsized, inside.get(unsized.name())) : unsized;
            ElkNode compound = ElkGraphUtil.createNode(graph.zone().contains(box.name()) && namespaceNodes.containsKey(GraphNode.OPEN_ZONE)
                    ? namespaceNodes.get(GraphNode.OPEN_ZONE) : root);
            compound.setIdentifier("ns:" + box.name());
            configure(compound);
            compound.setProperty(CoreOptions.PADDING,
                    new ElkPadding(box.topInset(), box.sideInset(), box.sideInset(), box.sideInset()));
            compound.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            compound.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
                    new KVector(box.bounds().width(), box.bounds().height()));
            compound.setDimensions(box.bounds().width(), box.bounds().height());
            namespaceNodes.put(box.name(), compound);
        }

        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        for (NodeBox node : nodes) {
            // Address blocks sit in the outside box when the picture has one.
            String box = graph.boxOf(node.id()).orElse(
                    node.namespace().isEmpty() && node.icon() == IconKind.EXTERNAL ? GraphNode.OUTSIDE : node.namespace());
            ElkNode parent = namespaceNodes.getOrDefault(box, root);
            ElkNode elkNode = ElkGraphUtil.createNode(parent);
            elkNode.setIdentifier(node.id());
            elkNode.setDimensions(node.bounds().width(), node.bounds().height());
            // A node that many edges reach grows taller so their ends stay apart.
            elkNode.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.PORTS, SizeConstraint.MINIMUM_SIZE));
            elkNode.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(node.bounds().width(), node.bounds().height()));
            elkNode.setProperty(CoreOptions.SPACING_PORT_PORT, 6 * spacing);
            elkNodes.put(node.id(), elkNode);
        }

        LayoutHints hints = LayoutHints.of(graph);
        Map<GraphEdge, ElkEdge> elkEdges = new LinkedHashMap<>();
        Map<GraphEdge, ElkNode> stubs = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            if (inside.containsValue(edge) || hints.withheld().contains(edge)) {
                continue;
            }
            ElkNode source;
            ElkNode target;
            if (GraphEdge.ANYWHERE.equals(edge.sourceId()) || GraphEdge.ANYWHERE.equals(edge.targetId())) {
                // "Everywhere" is drawn as a small disc of its own beside the other end, so the edge stays short.
                boolean fromAnywhere = GraphEdge.ANYWHERE.equals(edge.sourceId());
                ElkNode other = end(fromAnywhere ? edge.targetId() : edge.sourceId(), elkNodes, namespaceNodes);
                ElkNode stub = ElkGraphUtil.createNode(other.getParent());
                stub.setIdentifier("anywhere:" + edge.key());
                stub.setDimensions(stubDiameter(), stubDiameter());
                stubs.put(edge, stub);
                source = fromAnywhere ? stub : other;
                target = fromAnywhere ? other : stub;
            } else {
                source = end(edge.sourceId(), elkNodes, namespaceNodes);
                target = end(edge.targetId(), elkNodes, namespaceNodes);
            }
            ElkEdge elkEdge = hints.reversed().contains(edge) ? ElkGraphUtil.createSimpleEdge(target, source)
                    : ElkGraphUtil.createSimpleEdge(source, target);
            elkEdge.setIdentifier(edge.key());
            Rect size = chips.design(edge.labelPorts(), 0, 0).bounds();
            ElkLabel label = ElkGraphUtil.createLabel(edge.key(), elkEdge);
            label.setDimensions(size.width(), size.height());
            // At the tail: ELK makes room for it beside the source instead of giving it a layer of its own
            // (a centre label is a dummy node, a layer of labels between every two layers of nodes).
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.TAIL);
            elkEdges.put(edge, elkEdge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        KVector origin = new KVector(originX, originY);
        List<NamespaceBox> placedNamespaces = new ArrayList<>();
        for (NamespaceBox box : ordered) {
            ElkNode compound = namespaceNodes.get(box.name());
            KVector at = absolute(compound, origin);
            placedNamespaces.add(new NamespaceBox(box.name(),
                    new Rect(at.x, at.y, compound.getWidth(), compound.getHeight()),
                    box.titleBaseline(), box.sideInset(), box.topInset(), false));
        }
        Map<String, NamespaceBox> placedBoxes = new LinkedHashMap<>();
        placedNamespaces.forEach(box -> placedBoxes.put(box.name(), box));
        List<NodeBox> placedNodes = new ArrayList<>();
        for (NodeBox node : nodes) {
            KVector at = absolute(elkNodes.get(node.id()), origin);
            ElkNode elkNode = elkNodes.get(node.id());
            placedNodes.add(node.movedBy(at.x - node.bounds().x(), at.y - node.bounds().y())
                    .resized(elkNode.getWidth(), elkNode.getHeight()));
        }
        Map<String, NodeBox> placedById = new LinkedHashMap<>();
        placedNodes.forEach(node -> placedById.put(node.id(), node));
        List<EdgePath> placedEdges = new ArrayList<>();
        Rect area = new Rect(originX, originY, root.getWidth(), root.getHeight());
        List<Rect> inTheWay = new ArrayList<>(placedNodes.stream().map(NodeBox::bounds).toList());
        for (NamespaceBox box : placedNamespaces) {
            // A detour runs across a box's border where it must, never through its title.
            double title = options.measurer().measure(box.name(), options.typography().namespaceTitle()).width();
            inTheWay.add(new Rect(box.bounds().x(), box.bounds().y(), box.titleBaseline().x() + title, box.topInset()));
        }
        DetourRouter router = new DetourRouter(inTheWay, 12 * spacing, area);
        elkEdges.forEach((edge, elkEdge) -> router.avoidCrossing(edgePath(edge, elkEdge, origin, placedById, placedBoxes).route()));
        for (GraphEdge edge : graph.edges()) {
            ElkEdge elkEdge = elkEdges.get(edge);
            EdgePath path;
            if (hints.withheld().contains(edge)) {
                List<Point> route = router.route(boundsOf(edge.sourceId(), placedById, placedBoxes), boundsOf(edge.targetId(), placedById, placedBoxes));
                path = path(edge, route, chips.design(edge.labelPorts(), route.get(0).x(), route.get(0).y()));
            } else if (elkEdge == null) {
                path = insideLoop(edge, placedBoxes.get(GraphEdge.boxNamespace(edge.sourceId())));
            } else {
                path = edgePath(edge, elkEdge, origin, placedById, placedBoxes);
                if (hints.reversed().contains(edge)) {
                    List<Point> route = new ArrayList<>(path.route());
                    java.util.Collections.reverse(route);
                    path = path.withRoute(route, path.labels(), path.chip());
                }
            }
            ElkNode stub = stubs.get(edge);
            if (stub != null) {
                KVector at = absolute(stub, origin);
                path = path.withStub(new Rect(at.x, at.y, stub.getWidth(), stub.getHeight()));
            }
            placedEdges.add(path);
        }
        placedEdges = ChipSpreader.spread(placedEdges, placedNodes, placedNamespaces, options, area);
        return new Result(placedNamespaces, placedNodes, placedEdges, root.getWidth(), root.getHeight());
    }

    private void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, direction);
        graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.RANDOM_SEED, (int) options.randomSeed());
        graph.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 24 * spacing);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 9 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4 * spacing);
        graph.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 3 * spacing);
        graph.setProperty(LayeredOptions.EDGE_LABELS_SIDE_SELECTION, EdgeLabelSideSelection.SMART_UP);
        // Most edges cross namespace borders, so every sweep of the crossing minimisation runs across the whole
        // hierarchy (1) rather than box by box: the shop's lines into the data box crossed 12 times at ELK's 0.1, 9 at 1.
        graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_HIERARCHICAL_SWEEPINESS, 1.0);
        // Network simplex packs layers tighter than the default Brandes-Koepf: on 60-node graphs
        // about a third less area, at the price of a few more bends.
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY,
                large ? NodePlacementStrategy.BRANDES_KOEPF : NodePlacementStrategy.NETWORK_SIMPLEX);
    }

    private static KVector absolute(ElkNode node, KVector origin) {
        KVector at = new KVector(origin);
        for (ElkNode current = node; current != null && current.getParent() != null; current = current.getParent()) {
            at.add(current.getX(), current.getY());
        }
        return at;
    }

    /** The ELK node an edge end stands for: a node, or a namespace's compound node for a box end. */
    private static ElkNode end(String id, Map<String, ElkNode> nodes, Map<String, ElkNode> namespaces) {
        ElkNode node = GraphEdge.isBox(id) ? namespaces.get(GraphEdge.boxNamespace(id)) : nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("edge end " + id + " is neither a node nor a namespace box of the picture");
        }
        return node;
    }

    /** The disc that stands for "everywhere" at the far end of an edge: room for the word "all". */
    private double stubDiameter() {
        return Math.max(24 * spacing, options.measurer().measure("all", options.typography().badge()).width() + 10 * spacing);
    }

    /** Where a loop and its chip go in a namespace box's title strip, right of the title. */
    private double insideLoopWidth() {
        return 30 * spacing;
    }

    /** A box wide enough for its title, the loop of its inside edge and that edge's chip. */
    private NamespaceBox withRoomForInside(NamespaceBox box, GraphEdge edge) {
        Rect chip = chips.design(edge.labelPorts(), 0, 0).bounds();
        double width = box.bounds().width() + insideLoopWidth() + chip.width() + 8 * spacing;
        double height = Math.max(box.bounds().height(), box.topInset() + box.sideInset());
        return new NamespaceBox(box.name(), new Rect(0, 0, width, height), box.titleBaseline(), box.sideInset(),
                Math.max(box.topInset(), chip.height() + 10 * spacing), false);
    }

    /**
     * The edge from a namespace box to itself: a small loop after the box's title, with the chip
     * after it, both inside the title strip, so it crosses nothing and reads as "among these".
     */
    private EdgePath insideLoop(GraphEdge edge, NamespaceBox box) {
        double titleEnd = box.bounds().x() + box.titleBaseline().x()
                + options.measurer().measure(box.name(), options.typography().namespaceTitle()).width();
        double middleY = box.bounds().y() + box.topInset() / 2;
        double radius = 7 * spacing;
        double centerX = titleEnd + 10 * spacing + radius;
        List<Point> route = new ArrayList<>();
        // Three quarters of a circle, clockwise from the left, so the arrowhead points down into the box.
        for (int step = 0; step <= 9; step++) {
            double angle = Math.PI + step * (1.5 * Math.PI / 9);
            route.add(new Point(centerX + radius * Math.cos(angle), middleY + radius * Math.sin(angle)));
        }
        EdgeLabelDesigner.Chip chip = chips.design(edge.labelPorts(), 0, 0);
        chip = chip.movedTo(centerX + radius + 8 * spacing, middleY - chip.bounds().height() / 2);
        return path(edge, route, chip);
    }

    private EdgePath path(GraphEdge edge, List<Point> route, EdgeLabelDesigner.Chip chip) {
        List<PortStyle> styles = chip.entries().stream().map(PortLabel::style).toList();
        return new EdgePath(edge.key(), edge.sourceId(), edge.targetId(), route, EdgeStyle.of(styles),
                edge.anyChanged(), chip.entries(), chip.bounds(), null, false);
    }

    /** Edge points and edge labels are relative to the edge's containing node (ELK's convention). */
    private EdgePath edgePath(GraphEdge edge, ElkEdge elkEdge, KVector origin, Map<String, NodeBox> placed,
            Map<String, NamespaceBox> boxes) {
        KVector offset = absolute(elkEdge.getContainingNode(), origin);
        List<Point> route = new ArrayList<>();
        for (ElkEdgeSection section : elkEdge.getSections()) {
            addPoint(route, section.getStartX() + offset.x, section.getStartY() + offset.y);
            for (ElkBendPoint bend : section.getBendPoints()) {
                addPoint(route, bend.getX() + offset.x, bend.getY() + offset.y);
            }
            addPoint(route, section.getEndX() + offset.x, section.getEndY() + offset.y);
        }
        if (route.size() < 2) {
            // ELK routes every edge it is given; should one come back without a route, draw it
            // straight rather than fail the whole picture.
            Rect source = boundsOf(edge.sourceId(), placed, boxes);
            Rect target = boundsOf(edge.targetId(), placed, boxes);
            route.clear();
            route.add(NodeDrag.borderPoint(source, target.center()));
            route.add(NodeDrag.borderPoint(target, source.center()));
        }
        ElkLabel label = elkEdge.getLabels().get(0);
        EdgeLabelDesigner.Chip chip = chips.design(edge.labelPorts(), label.getX() + offset.x, label.getY() + offset.y);
        return path(edge, route, chip);
    }

    private static Rect boundsOf(String id, Map<String, NodeBox> nodes, Map<String, NamespaceBox> boxes) {
        return GraphEdge.isBox(id) ? boxes.get(GraphEdge.boxNamespace(id)).bounds() : nodes.get(id).bounds();
    }

    private static void addPoint(List<Point> route, double x, double y) {
        Point point = new Point(x, y);
        if (route.isEmpty() || !route.get(route.size() - 1).equals(point)) {
            route.add(point);
        }
    }
}

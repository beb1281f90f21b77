package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PortVerdict;
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
    private final PortLabelDesigner portLabels;
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
        this.portLabels = new PortLabelDesigner(options);
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

        Map<String, ElkNode> namespaceNodes = new LinkedHashMap<>();
        for (NamespaceBox box : namespaces.values()) {
            ElkNode compound = ElkGraphUtil.createNode(root);
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
            ElkNode parent = namespaceNodes.getOrDefault(node.namespace(), root);
            ElkNode elkNode = ElkGraphUtil.createNode(parent);
            elkNode.setIdentifier(node.id());
            elkNode.setDimensions(node.bounds().width(), node.bounds().height());
            // A node that many edges reach grows taller so their ends stay apart.
            elkNode.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.PORTS, SizeConstraint.MINIMUM_SIZE));
            elkNode.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(node.bounds().width(), node.bounds().height()));
            elkNode.setProperty(CoreOptions.SPACING_PORT_PORT, 6 * spacing);
            elkNodes.put(node.id(), elkNode);
        }

        Map<GraphEdge, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.sourceId()), elkNodes.get(edge.targetId()));
            elkEdge.setIdentifier(edge.key());
            for (PortVerdict port : edge.ports()) {
                Rect size = portLabels.design(port, 0, 0).bounds();
                ElkLabel label = ElkGraphUtil.createLabel(port.port().display(), elkEdge);
                label.setDimensions(size.width(), size.height());
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.put(edge, elkEdge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        KVector origin = new KVector(originX, originY);
        List<NamespaceBox> placedNamespaces = new ArrayList<>();
        for (NamespaceBox box : namespaces.values()) {
            ElkNode compound = namespaceNodes.get(box.name());
            KVector at = absolute(compound, origin);
            placedNamespaces.add(new NamespaceBox(box.name(),
                    new Rect(at.x, at.y, compound.getWidth(), compound.getHeight()),
                    box.titleBaseline(), box.sideInset(), box.topInset(), false));
        }
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
        for (Map.Entry<GraphEdge, ElkEdge> entry : elkEdges.entrySet()) {
            placedEdges.add(edgePath(entry.getKey(), entry.getValue(), origin, placedById));
        }
        return new Result(placedNamespaces, placedNodes, placedEdges, root.getWidth(), root.getHeight());
    }

    private void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, direction);
        graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.RANDOM_SEED, (int) options.randomSeed());
        graph.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 26 * spacing);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12 * spacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4 * spacing);
        graph.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 3 * spacing);
        graph.setProperty(LayeredOptions.EDGE_LABELS_SIDE_SELECTION, EdgeLabelSideSelection.SMART_UP);
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

    /** Edge points and edge labels are relative to the edge's containing node (ELK's convention). */
    private EdgePath edgePath(GraphEdge edge, ElkEdge elkEdge, KVector origin, Map<String, NodeBox> placed) {
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
            Rect source = placed.get(edge.sourceId()).bounds();
            Rect target = placed.get(edge.targetId()).bounds();
            route.clear();
            route.add(NodeDrag.borderPoint(source, target.center()));
            route.add(NodeDrag.borderPoint(target, source.center()));
        }
        List<PortLabel> labels = new ArrayList<>();
        for (int i = 0; i < edge.ports().size(); i++) {
            ElkLabel label = elkEdge.getLabels().get(i);
            labels.add(portLabels.design(edge.ports().get(i), label.getX() + offset.x, label.getY() + offset.y));
        }
        List<PortStyle> styles = labels.stream().map(PortLabel::style).toList();
        return new EdgePath(edge.key(), edge.sourceId(), edge.targetId(), route, EdgeStyle.of(styles),
                edge.anyChanged(), labels, false);
    }

    private static void addPoint(List<Point> route, double x, double y) {
        Point point = new Point(x, y);
        if (route.isEmpty() || !route.get(route.size() - 1).equals(point)) {
            route.add(point);
        }
    }
}

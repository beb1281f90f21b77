package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagramTest {

    private final Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());

    @Test
    void nodeAtFindsTheNodeUnderAPoint() {
        Rect web = diagram.node("prod/web").orElseThrow().bounds();
        assertEquals(Optional.of("prod/web"), diagram.nodeAt(web.centerX(), web.centerY()));
        assertEquals(Optional.of("prod/web"), diagram.nodeAt(web.x() + 1, web.maxY() - 1));
        assertEquals(Optional.empty(), diagram.nodeAt(web.x() - 5, web.centerY()));
        assertEquals(Optional.empty(), diagram.nodeAt(diagram.bounds().x() + 1, diagram.bounds().y() + 1));
    }

    @Test
    void edgeAtFindsAnEdgeNearItsLine() {
        // A point on a line away from every label chip and every other edge (a chip sits on its line, so short lines may have none).
        EdgePath edge = null;
        Point a = null;
        Point b = null;
        Point onLine = null;
        for (EdgePath path : diagram.edges()) {
            for (int i = 1; i < path.route().size() && onLine == null; i++) {
                a = path.route().get(i - 1);
                b = path.route().get(i);
                for (double t = 0.05; t < 1 && onLine == null; t += 0.05) {
                    Point candidate = new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
                    boolean clear = diagram.edges().stream().allMatch(other -> other.chip() == null
                            || !other.chip().expanded(8, 8, 8, 8).contains(candidate.x(), candidate.y()))
                            && diagram.edges().stream().filter(other -> other != path).allMatch(other -> other.distanceTo(candidate) > 12);
                    onLine = clear ? candidate : null;
                }
            }
            if (onLine != null) {
                edge = path;
                break;
            }
        }
        assertNotNull(onLine, "some edge of the shop has a stretch of line clear of chips and other edges");
        double midX = onLine.x();
        double midY = onLine.y();
        boolean horizontal = Math.abs(b.y() - a.y()) < Math.abs(b.x() - a.x());
        double nearX = horizontal ? midX : midX + 3;
        double nearY = horizontal ? midY + 3 : midY;
        double farX = horizontal ? midX : midX + 6;
        double farY = horizontal ? midY + 6 : midY;
        assertEquals(Optional.of(edge.key()), diagram.edgeAt(nearX, nearY, 4));
        assertEquals(Optional.empty(), diagram.edgeAt(farX, farY, 4), "just beyond the tolerance");
        Point title = diagram.titleBaseline();
        assertEquals(Optional.empty(), diagram.edgeAt(title.x(), title.y(), 4));
    }

    @Test
    void edgeAtFindsAnEdgeByItsPortLabel() {
        EdgePath edge = diagram.edge("payments/gateway->payments/ledger").orElseThrow();
        Rect label = edge.labels().get(edge.labels().size() - 1).bounds();
        assertEquals(Optional.of(edge.key()), diagram.edgeAt(label.maxX() - 2, label.centerY(), 0));
        assertEquals(java.util.OptionalInt.of(edge.labels().size() - 1), edge.labelAt(label.maxX() - 2, label.centerY()),
                "a click on a port of the label is a click on that port");
    }

    @Test
    void namespaceAtFindsTheBoxByItsTitle() {
        NamespaceBox prod = diagram.namespace("prod").orElseThrow();
        Point title = prod.absoluteTitleBaseline();
        assertEquals(Optional.of("prod"), diagram.namespaceAt(title.x() + 2, title.y() - 2));
        NodeBox internet = diagram.node("ext:0.0.0.0/0").orElseThrow();
        assertEquals(Optional.empty(), diagram.namespaceAt(internet.bounds().centerX(), internet.bounds().centerY()));
    }

    @Test
    void hiddenElementsAreNotHit() {
        Diagram filtered = diagram.showingOnly(List.of(), List.of("prod/api"), List.of());
        Rect web = filtered.node("prod/web").orElseThrow().bounds();
        assertEquals(Optional.empty(), filtered.nodeAt(web.centerX(), web.centerY()));
        Rect label = filtered.edge("prod/web->prod/api").orElseThrow().labels().get(0).bounds();
        assertEquals(Optional.empty(), filtered.edgeAt(label.centerX(), label.centerY(), 0));
        Point title = filtered.namespace("payments").orElseThrow().absoluteTitleBaseline();
        assertEquals(Optional.empty(), filtered.namespaceAt(title.x() + 2, title.y() - 2));
        Point prodTitle = filtered.namespace("prod").orElseThrow().absoluteTitleBaseline();
        assertEquals(Optional.of("prod"), filtered.namespaceAt(prodTitle.x() + 2, prodTitle.y() - 2));
    }

    @Test
    void showingAFilteredGraphHidesTheRestWithoutMovingAnything() {
        ReachabilityGraph full = SampleGraphs.shop();
        List<GraphEdge> blockedOnly = full.edges().stream().filter(edge -> !edge.anyAllowed()).toList();
        ReachabilityGraph filtered = new ReachabilityGraph(List.of("prod"),
                full.nodes().stream().filter(node -> node.namespace().equals("prod") || node.isExternal()).toList(),
                blockedOnly.stream()
                        .filter(edge -> !edge.targetId().startsWith("payments/") && !edge.targetId().startsWith("kube-system/"))
                        .toList());
        Diagram shown = diagram.showingOnly(filtered.namespaces(), filtered.nodes().stream().map(GraphNode::id).toList(),
                filtered.edges().stream().map(GraphEdge::key).toList());
        assertFalse(shown.edge("prod/web->prod/db").orElseThrow().hidden());
        assertTrue(shown.edge("prod/web->prod/api").orElseThrow().hidden(), "allowed edges are filtered out");
        assertTrue(shown.node("payments/gateway").orElseThrow().hidden());
        assertTrue(shown.namespace("payments").orElseThrow().hidden());
        assertFalse(shown.namespace("prod").orElseThrow().hidden());
        assertEquals(diagram.nodes().stream().map(NodeBox::bounds).toList(),
                shown.nodes().stream().map(NodeBox::bounds).toList());
        assertEquals(diagram, shown.showingAll());
    }

    @Test
    void anEdgeHidesWithEitherEnd() {
        Diagram shown = diagram.showingOnly(List.of(), List.of("prod/api"),
                diagram.edges().stream().map(EdgePath::key).toList());
        assertTrue(shown.edge("prod/web->prod/api").orElseThrow().hidden());
        assertTrue(shown.edges().stream().allMatch(EdgePath::hidden));
    }

    @Test
    void movingANodeMovesOnlyItAndReroutesOnlyItsEdges() {
        Diagram moved = diagram.withNodeMoved("prod/debug", -30, 60);
        NodeBox before = diagram.node("prod/debug").orElseThrow();
        NodeBox after = moved.node("prod/debug").orElseThrow();
        assertEquals(before.bounds().translated(-30, 60), after.bounds());
        for (NodeBox other : diagram.nodes()) {
            if (!other.id().equals("prod/debug")) {
                assertEquals(other, moved.node(other.id()).orElseThrow());
            }
        }
        for (EdgePath edge : diagram.edges()) {
            if (!edge.sourceId().equals("prod/debug") && !edge.targetId().equals("prod/debug")) {
                assertEquals(edge, moved.edge(edge.key()).orElseThrow());
            }
        }
        EdgePath rerouted = moved.edge("prod/debug->prod/db").orElseThrow();
        Rect db = moved.node("prod/db").orElseThrow().bounds();
        assertEquals(2, rerouted.route().size());
        assertTrue(touches(after.bounds(), rerouted.route().get(0)), "starts on the moved box");
        assertTrue(touches(db, rerouted.route().get(1)), "ends on the target box");
        Rect label = rerouted.labels().get(0).bounds();
        assertTrue(rerouted.distanceTo(label.center()) < label.width(), "label follows its edge");
    }

    @Test
    void movingANodeOutOfItsBoxGrowsTheBoxAndTheBounds() {
        NamespaceBox prod = diagram.namespace("prod").orElseThrow();
        Diagram moved = diagram.withNodeMoved("prod/web", 0, -400);
        NamespaceBox grown = moved.namespace("prod").orElseThrow();
        Rect web = moved.node("prod/web").orElseThrow().bounds();
        assertTrue(grown.bounds().contains(web));
        assertTrue(grown.bounds().contains(prod.bounds()));
        assertTrue(web.y() - grown.bounds().y() >= grown.topInset() - 0.01, "the title keeps its room");
        assertTrue(moved.bounds().contains(grown.bounds()));
        assertTrue(moved.bounds().y() < 0, "bounds grow upwards: " + moved.bounds());
        assertEquals(moved.bounds(), moved.bounds().snappedOut(), "bounds stay in whole units");
        assertEquals(diagram.namespace("payments"), moved.namespace("payments"));
    }

    @Test
    void movingASelfLoopNodeCarriesTheLoopAlong() {
        ReachabilityGraph graph = new ReachabilityGraph(List.of("prod"),
                List.of(SampleGraphs.workload("prod", "w", WorkloadKind.POD, 1, false, Map.of())),
                List.of(SampleGraphs.edge("prod/w", "prod/w", SampleGraphs.allowed(SampleGraphs.tcp(1)))));
        Diagram loop = DiagramLayout.layout(graph, LayoutOptions.defaults());
        Diagram moved = loop.withNodeMoved("prod/w", 10, 20);
        EdgePath before = loop.edges().get(0);
        EdgePath after = moved.edges().get(0);
        assertEquals(before.route().stream().map(p -> p.translated(10, 20)).toList(), after.route());
        assertEquals(before.labels().get(0).bounds().translated(10, 20), after.labels().get(0).bounds());
    }

    @Test
    void movingAnUnknownNodeOrByNothingChangesNothing() {
        assertSame(diagram, diagram.withNodeMoved("nope/nothing", 10, 10));
        assertSame(diagram, diagram.withNodeMoved("prod/web", 0, 0));
        assertNotEquals(diagram, diagram.withNodeMoved("prod/web", 1, 0));
    }

    private static boolean touches(Rect box, Point point) {
        return box.expanded(0.5, 0.5, 0.5, 0.5).contains(point.x(), point.y())
                && !box.expanded(-0.5, -0.5, -0.5, -0.5).contains(point.x(), point.y());
    }
}

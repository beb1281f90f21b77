package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiagramLayoutTest {

    private static final LayoutOptions OPTIONS = LayoutOptions.defaults();

    @Test
    void sameGraphTwiceGivesEqualDiagrams() {
        assertEquals(DiagramLayout.layout(SampleGraphs.shop(), OPTIONS), DiagramLayout.layout(SampleGraphs.shop(), OPTIONS));
        ReachabilityGraph generated = SampleGraphs.generated(30, 7);
        assertEquals(DiagramLayout.layout(generated, OPTIONS), DiagramLayout.layout(generated, OPTIONS));
    }

    @Test
    void everyNodeEdgeAndPortGetsItsPlace() {
        ReachabilityGraph graph = SampleGraphs.shop();
        Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
        assertEquals(graph.nodes().stream().map(GraphNode::id).toList(), diagram.nodes().stream().map(NodeBox::id).toList());
        assertEquals(List.of("kube-system", "payments", "prod"), diagram.namespaces().stream().map(NamespaceBox::name).toList());
        for (GraphEdge edge : graph.edges()) {
            EdgePath path = diagram.edge(edge.key()).orElseThrow();
            assertEquals(edge.labelPorts().stream().map(port -> port.display()).toList(),
                    path.labels().stream().map(PortLabel::display).toList());
        }
        EdgePath ledger = diagram.edge("payments/gateway->payments/ledger").orElseThrow();
        assertEquals("9000\u20139100", ledger.labels().get(1).text(), "a range reads as one entry, TCP unnamed");
        assertEquals(PortStyle.PARTIAL, ledger.labels().get(1).style());
        assertEquals(EdgeStyle.MIXED, diagram.edge("ext:0.0.0.0/0->prod/web").orElseThrow().style());
        assertEquals(EdgeStyle.BLOCKED, diagram.edge("prod/web->prod/db").orElseThrow().style());
        assertTrue(diagram.edge("prod/api->payments/gateway").orElseThrow().changed());
    }

    @Test
    void nodeBoxesSayWhatTheyStandFor() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
        NodeBox web = diagram.node("prod/web").orElseThrow();
        assertEquals("web", web.label());
        assertEquals("Deployment", web.caption());
        assertEquals(IconKind.WORKLOAD, web.icon());
        assertEquals(List.of("\u00D73"), web.badges().stream().map(Badge::text).toList());
        assertEquals(IconKind.DNS, diagram.node("kube-system/coredns").orElseThrow().icon());
        assertEquals(IconKind.POD, diagram.node("prod/debug").orElseThrow().icon());
        NodeBox exporter = diagram.node("kube-system/node-exporter").orElseThrow();
        assertEquals(List.of(BadgeKind.HOST_NETWORK), exporter.badges().stream().map(Badge::kind).toList());
        NodeBox internet = diagram.node("ext:0.0.0.0/0").orElseThrow();
        assertEquals(NodeStyle.EXTERNAL, internet.style());
        assertEquals("0.0.0.0/0", internet.label());
        assertEquals("", internet.namespace());
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void noTwoPortLabelsOverlapOnAThirtyNodeGraph(long seed) {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.generated(30, seed), OPTIONS);
        List<PortLabel> labels = diagram.edges().stream().flatMap(edge -> edge.labels().stream()).toList();
        assertTrue(labels.size() > 60, "the generated graph should have many labels, has " + labels.size());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).bounds().intersects(labels.get(j).bounds()),
                        labels.get(i) + " overlaps " + labels.get(j));
            }
        }
    }

    /** A chip tells which line it belongs to by sitting next to it (ELK placed chips at the tail, then they are spread). */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void everyChipSitsNextToItsOwnLine(long seed) {
        for (ReachabilityGraph graph : List.of(SampleGraphs.shop(), SampleGraphs.generated(30, seed))) {
            Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
            for (EdgePath edge : diagram.edges()) {
                if (edge.chip() == null || edge.isSelfLoop()) {
                    continue;
                }
                Rect chip = edge.chip();
                double nearest = java.util.stream.Stream.of(new Point(chip.x(), chip.y()), new Point(chip.maxX(), chip.y()),
                        new Point(chip.x(), chip.maxY()), new Point(chip.maxX(), chip.maxY()), chip.center())
                        .mapToDouble(edge::distanceTo).min().orElseThrow();
                assertTrue(nearest <= 2 * chip.height(), edge.key() + "'s chip is " + nearest + " px from its line");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void noTwoNodesOverlapAndNoLabelCoversANode(long seed) {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.generated(30, seed), OPTIONS);
        List<NodeBox> nodes = diagram.nodes();
        assertEquals(32, nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).bounds().intersects(nodes.get(j).bounds()),
                        nodes.get(i).id() + " overlaps " + nodes.get(j).id());
            }
            for (EdgePath edge : diagram.edges()) {
                for (PortLabel label : edge.labels()) {
                    assertFalse(label.bounds().intersects(nodes.get(i).bounds()),
                            edge.key() + " " + label.text() + " covers " + nodes.get(i).id());
                }
            }
        }
    }

    @Test
    void aSixtyWorkloadClusterHasNoOverlapsEither() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.tiered(60, 11), OPTIONS);
        assertEquals(62, diagram.nodes().size(), "60 workloads with DNS, and 2 external peers");
        List<Rect> boxes = new ArrayList<>(diagram.nodes().stream().map(NodeBox::bounds).toList());
        boxes.addAll(allLabelBounds(diagram));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
    }

    @Test
    void aNodeThatManyEdgesReachGrowsSoTheirEndsStayApart() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.tiered(60, 11), OPTIONS);
        NodeBox dns = diagram.node("kube-system/coredns").orElseThrow();
        NodeBox db = diagram.node("team-a/db").orElseThrow();
        assertTrue(dns.bounds().height() > 2 * db.bounds().height(), dns.bounds() + " vs " + db.bounds());
        List<Point> ends = diagram.edges().stream()
                .filter(edge -> edge.targetId().equals(dns.id()))
                .map(edge -> edge.route().get(edge.route().size() - 1))
                .toList();
        assertTrue(ends.size() > 8);
        for (int i = 0; i < ends.size(); i++) {
            for (int j = i + 1; j < ends.size(); j++) {
                assertTrue(ends.get(i).distanceTo(ends.get(j)) >= 4, "edge ends " + ends.get(i) + " " + ends.get(j));
            }
        }
        double textTop = dns.labelBaseline().y() - 13;
        double textBottom = dns.captionBaseline().y();
        assertEquals(dns.bounds().centerY(), (textTop + textBottom) / 2, 8, "text stays vertically centred");
    }

    @Test
    void nodesOfANamespaceLieInsideItsBoxAndExternalPeersOutsideEveryBox() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.generated(30, 7), OPTIONS);
        for (NodeBox node : diagram.nodes()) {
            for (NamespaceBox box : diagram.namespaces()) {
                if (box.name().equals(node.namespace())) {
                    assertTrue(box.bounds().contains(node.bounds()), node.id() + " outside its box " + box.name());
                    assertTrue(node.bounds().y() >= box.bounds().y() + box.topInset() - 0.01,
                            node.id() + " covers the title of " + box.name());
                } else {
                    assertFalse(box.bounds().intersects(node.bounds()), node.id() + " inside foreign box " + box.name());
                }
            }
        }
    }

    @Test
    void namespaceBoxesDoNotOverlap() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.generated(30, 8), OPTIONS);
        List<NamespaceBox> boxes = diagram.namespaces();
        assertTrue(boxes.size() >= 4);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).bounds().intersects(boxes.get(j).bounds()),
                        boxes.get(i).name() + " overlaps " + boxes.get(j).name());
            }
        }
    }

    @Test
    void edgesRunFromTheSourceBorderToTheTargetBorder() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
        for (EdgePath edge : diagram.edges()) {
            Rect source = diagram.node(edge.sourceId()).orElseThrow().bounds();
            Rect target = diagram.node(edge.targetId()).orElseThrow().bounds();
            assertTrue(onBorder(source, edge.route().get(0)), edge.key() + " starts off its source: " + edge.route());
            assertTrue(onBorder(target, edge.route().get(edge.route().size() - 1)),
                    edge.key() + " ends off its target: " + edge.route());
        }
    }

    @Test
    void edgeLabelsSitNextToTheirOwnEdge() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
        for (EdgePath edge : diagram.edges()) {
            for (PortLabel label : edge.labels()) {
                double distance = edge.distanceTo(label.bounds().center());
                double reach = label.bounds().height() * edge.labels().size() + label.bounds().width();
                assertTrue(distance < reach, edge.key() + " label " + label.text() + " is " + distance + " away");
            }
        }
    }

    @Test
    void everythingLiesWithinTheBounds() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.generated(30, 9), OPTIONS);
        Rect bounds = diagram.bounds();
        assertEquals(new Rect(0, 0, Math.ceil(bounds.width()), Math.ceil(bounds.height())), bounds);
        diagram.nodes().forEach(node -> assertTrue(bounds.contains(node.bounds()), node.id()));
        diagram.namespaces().forEach(box -> assertTrue(bounds.contains(box.bounds()), box.name()));
        diagram.edges().forEach(edge -> assertTrue(bounds.contains(edge.extent()), edge.key()));
        assertTrue(bounds.contains(diagram.legend().bounds()));
        for (NodeBox node : diagram.nodes()) {
            assertFalse(diagram.legend().bounds().intersects(node.bounds()), "legend covers " + node.id());
        }
    }

    @Test
    void legendListsEveryEdgeStyleButOnlyTheNodeKindsPresent() {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
        List<LegendSymbol> symbols = diagram.legend().entries().stream().map(LegendEntry::symbol).toList();
        assertEquals(List.of(LegendSymbol.ALLOWED_EDGE, LegendSymbol.MIXED_EDGE, LegendSymbol.BLOCKED_EDGE,
                LegendSymbol.PARTIAL_PORT, LegendSymbol.CHANGED_EDGE, LegendSymbol.POD, LegendSymbol.WORKLOAD,
                LegendSymbol.DNS, LegendSymbol.EXTERNAL, LegendSymbol.HOST_NETWORK), symbols);
        List<LegendEntry> entries = diagram.legend().entries();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                assertFalse(entries.get(i).symbolBounds().intersects(entries.get(j).symbolBounds()));
            }
        }
    }

    @Test
    void namespaceBoxIsWideEnoughForALongTitle() {
        String longName = "a-namespace-with-a-rather-long-name-for-one-small-pod";
        ReachabilityGraph graph = new ReachabilityGraph(List.of(longName),
                List.of(SampleGraphs.workload(longName, "p", WorkloadKind.POD, 1, false, Map.of())), List.of());
        Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
        double titleWidth = OPTIONS.measurer().measure(longName, OPTIONS.typography().namespaceTitle()).width();
        NamespaceBox box = diagram.namespace(longName).orElseThrow();
        assertTrue(box.bounds().width() >= titleWidth + 2 * box.sideInset() - 0.01,
                "box " + box.bounds().width() + " for title " + titleWidth);
    }

    @Test
    void anEmptyNamespaceStillGetsItsBox() {
        ReachabilityGraph graph = new ReachabilityGraph(List.of("empty", "prod"),
                List.of(SampleGraphs.workload("prod", "p", WorkloadKind.POD, 1, false, Map.of())), List.of());
        Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
        NamespaceBox empty = diagram.namespace("empty").orElseThrow();
        NamespaceBox prod = diagram.namespace("prod").orElseThrow();
        assertTrue(empty.bounds().width() > 0 && empty.bounds().height() >= empty.topInset());
        assertFalse(empty.bounds().intersects(prod.bounds()));
    }

    @Test
    void collapsedNamespaceIsANodeInsteadOfABox() {
        GraphNode collapsed = new GraphNode("ns:billing", NodeType.NAMESPACE, "billing", "billing", null, 12, false,
                Map.of());
        GraphNode web = SampleGraphs.workload("prod", "web", WorkloadKind.DEPLOYMENT, 1, false, Map.of());
        ReachabilityGraph graph = new ReachabilityGraph(List.of("billing", "prod"), List.of(collapsed, web),
                List.of(SampleGraphs.edge("prod/web", "ns:billing", SampleGraphs.allowed(SampleGraphs.tcp(443)))));
        Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
        assertEquals(List.of("prod"), diagram.namespaces().stream().map(NamespaceBox::name).toList());
        NodeBox node = diagram.node("ns:billing").orElseThrow();
        assertEquals(IconKind.NAMESPACE, node.icon());
        assertEquals(NodeStyle.NAMESPACE, node.style());
    }

    @Test
    void selfLoopsAreRoutedAndLabelled() {
        GraphNode pod = SampleGraphs.workload("prod", "worker", WorkloadKind.DEPLOYMENT, 2, false, Map.of());
        ReachabilityGraph graph = new ReachabilityGraph(List.of("prod"), List.of(pod),
                List.of(SampleGraphs.edge("prod/worker", "prod/worker", SampleGraphs.allowed(SampleGraphs.tcp(7000)))));
        Diagram diagram = DiagramLayout.layout(graph, OPTIONS);
        EdgePath loop = diagram.edge("prod/worker->prod/worker").orElseThrow();
        assertTrue(loop.route().size() >= 3, "a loop needs bends: " + loop.route());
        assertFalse(loop.labels().get(0).bounds().intersects(diagram.node("prod/worker").orElseThrow().bounds()));
        assertTrue(diagram.namespace("prod").orElseThrow().bounds().contains(loop.extent()));
    }

    @Test
    void flowDirectionDecidesWhereTargetsGo() {
        ReachabilityGraph graph = SampleGraphs.shop();
        Diagram across = DiagramLayout.layout(graph, OPTIONS.withDirection(FlowDirection.LEFT_TO_RIGHT));
        Diagram down = DiagramLayout.layout(graph, OPTIONS.withDirection(FlowDirection.TOP_TO_BOTTOM));
        Rect webAcross = across.node("prod/web").orElseThrow().bounds();
        Rect apiAcross = across.node("prod/api").orElseThrow().bounds();
        Rect webDown = down.node("prod/web").orElseThrow().bounds();
        Rect apiDown = down.node("prod/api").orElseThrow().bounds();
        assertTrue(apiAcross.x() >= webAcross.maxX(), "left to right puts api right of web");
        assertTrue(apiDown.y() >= webDown.maxY(), "top to bottom puts api below web");
        assertTrue(across.bounds().width() > across.bounds().height());
        assertTrue(down.bounds().height() > down.bounds().width());
    }

    @Test
    void bestFitPicksTheShapeCloserToAScreen() {
        ReachabilityGraph graph = SampleGraphs.shop();
        Diagram best = DiagramLayout.layout(graph, OPTIONS.withDirection(FlowDirection.BEST_FIT));
        Diagram across = DiagramLayout.layout(graph, OPTIONS.withDirection(FlowDirection.LEFT_TO_RIGHT));
        Diagram down = DiagramLayout.layout(graph, OPTIONS.withDirection(FlowDirection.TOP_TO_BOTTOM));
        double screen = 16.0 / 10.0;
        Diagram closer = Math.abs(Math.log(aspect(across) / screen)) <= Math.abs(Math.log(aspect(down) / screen))
                ? across : down;
        assertEquals(closer, best);
    }

    @Test
    void presentationFontsMakeLargerBoxesAndLabels() {
        Diagram standard = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
        Diagram large = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS.withTypography(Typography.presentation()));
        assertTrue(large.node("prod/web").orElseThrow().bounds().height()
                > standard.node("prod/web").orElseThrow().bounds().height());
        PortLabel small = standard.edge("prod/web->prod/api").orElseThrow().labels().get(0);
        PortLabel big = large.edge("prod/web->prod/api").orElseThrow().labels().get(0);
        assertTrue(big.bounds().width() > small.bounds().width() * 1.3);
        assertEquals(Typography.presentation(), large.typography());
    }

    @Test
    void otherSeedsStillGiveAValidLayout() {
        Diagram seeded = DiagramLayout.layout(SampleGraphs.generated(20, 3), OPTIONS.withRandomSeed(42));
        assertEquals(22, seeded.nodes().size());
        assertNotEquals(0, seeded.bounds().width());
    }

    @Test
    void emptyGraphGivesTitleAndLegendOnly() {
        Diagram diagram = DiagramLayout.layout(new ReachabilityGraph(List.of(), List.of(), List.of()), OPTIONS);
        assertTrue(diagram.nodes().isEmpty());
        assertTrue(diagram.bounds().contains(diagram.legend().bounds()));
        assertEquals(LayoutOptions.DEFAULT_TITLE, diagram.title());
    }

    private static double aspect(Diagram diagram) {
        return diagram.bounds().width() / diagram.bounds().height();
    }

    private static boolean onBorder(Rect box, Point point) {
        double tolerance = 1.0;
        boolean inside = box.expanded(tolerance, tolerance, tolerance, tolerance).contains(point.x(), point.y());
        boolean nearVertical = Math.abs(point.x() - box.x()) <= tolerance || Math.abs(point.x() - box.maxX()) <= tolerance;
        boolean nearHorizontal = Math.abs(point.y() - box.y()) <= tolerance || Math.abs(point.y() - box.maxY()) <= tolerance;
        return inside && (nearVertical || nearHorizontal);
    }

    static List<Rect> allLabelBounds(Diagram diagram) {
        List<Rect> result = new ArrayList<>();
        diagram.edges().forEach(edge -> edge.labels().forEach(label -> result.add(label.bounds())));
        return result;
    }
}

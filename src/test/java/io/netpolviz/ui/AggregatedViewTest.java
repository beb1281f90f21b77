package io.netpolviz.ui;

import io.netpolviz.view.Details;
import io.netpolviz.view.Picture;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceEvaluator;
import io.netpolviz.view.WorkspaceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.model.PolicyId;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated cluster too large to read workload by workload, opened through the view-model: it
 * opens collapsed, a namespace opens into its workloads and closes again, toggles restyle the
 * summary edges without moving anything, and expansions nobody could read are refused.
 */
class AggregatedViewTest {

    @TempDir
    Path folder;

    private MainViewModel model;

    @AfterEach
    void close() {
        if (model != null) {
            model.close();
        }
    }

    /** 1,000 pods in 4 namespaces: several hundred workloads, too many to draw one by one. */
    private void openMediumCluster() throws Exception {
        ClusterGenerator.generate(new ClusterShape(1000, 160, 4, 2, false)).writeTo(folder);
        model = Lessons.synchronousModel();
        model.open(List.of(folder));
    }

    private Diagram diagram() {
        return model.diagramProperty().get();
    }

    private Set<NodeType> nodeTypes() {
        return model.workspaceProperty().get().frame().nodes().stream().map(GraphNode::type).collect(Collectors.toSet());
    }

    @Test
    void aClusterOfHundredsOfWorkloadsOpensWithEveryNamespaceCollapsed() throws Exception {
        openMediumCluster();
        Workspace open = model.workspaceProperty().get();
        assertTrue(open.isAggregated());
        assertEquals(Set.of(NodeType.NAMESPACE, NodeType.EXTERNAL), nodeTypes());
        assertEquals(open.snapshot().namespaces().size(), open.frame().nodes().stream().filter(GraphNode::isCollapsed).count());
        assertTrue(diagram().nodes().stream().anyMatch(node -> node.id().equals("ns:kube-system") && !node.hidden()));
        assertTrue(diagram().namespaces().isEmpty(), "no namespace box: each namespace is a node");
        assertTrue(model.statusProperty().get().startsWith("Opened"), model.statusProperty().get());
    }

    @Test
    void expandingANamespaceShowsItsPartsThenAPartItsWorkloadsAndCollapsingBringsTheNodeBack() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        int workloads = model.node("ns:" + namespace).orElseThrow().workloads();
        model.regrouping().expand("ns:" + namespace);
        Diagram open = diagram();
        assertTrue(open.node("ns:" + namespace).isEmpty());
        assertTrue(open.namespace(namespace).isPresent(), "the opened namespace gets its box");
        assertTrue(open.node("ns:kube-system").isPresent(), "the others stay collapsed");
        assertEquals(namespace, model.regrouping().regroupedProperty().get().zoomTo());
        // With this many workloads the namespace opens into its tiers, each a node in its box.
        List<GraphNode> inside = model.workspaceProperty().get().frame().nodes().stream()
                .filter(node -> namespace.equals(node.namespace())).toList();
        assertTrue(inside.stream().allMatch(GraphNode::isPart), inside.toString());
        assertTrue(inside.stream().allMatch(node -> open.node(node.id()).orElseThrow().namespace().equals(namespace)));
        assertEquals(workloads, inside.stream().mapToInt(GraphNode::workloads).sum());

        GraphNode smallest = inside.stream().min(java.util.Comparator.comparingInt(GraphNode::workloads)).orElseThrow();
        model.regrouping().expand(smallest.id());
        assertTrue(diagram().node(smallest.id()).isEmpty());
        List<NodeBox> shown = diagram().nodes().stream().filter(node -> node.namespace().equals(namespace) && !node.id().startsWith("part:"))
                .toList();
        assertEquals(smallest.workloads(), shown.size());
        // The summary edge from one of its workloads to collapsed kube-system sums up that workload's pairs with kube-system's
        // workloads; the picture draws it, or one edge from the namespace's box that stands for its workloads' DNS edges.
        var aggregate = model.evaluationProperty().get().picture().aggregate();
        GraphEdge toDns = aggregate.graph().edges().stream()
                .filter(edge -> edge.sourceId().equals(shown.get(0).id()) && edge.targetId().equals("ns:kube-system"))
                .findFirst().orElseThrow();
        assertEquals(aggregate.members("ns:kube-system").size(), aggregate.summary(toDns.key()).orElseThrow().pairs());
        List<String> drawn = model.evaluationProperty().get().picture().graph().edges().stream().map(GraphEdge::key).toList();
        assertTrue(drawn.contains(toDns.key()) || drawn.contains(GraphEdge.key(GraphEdge.boxId(namespace), "ns:kube-system")), drawn.toString());

        model.regrouping().collapseNamespace(namespace);
        assertTrue(diagram().node("ns:" + namespace).isPresent());
        assertTrue(diagram().nodes().stream().noneMatch(node -> node.namespace().equals(namespace)));
    }

    @Test
    void withEveryEdgeDrawnAToggleRestylesSummaryEdgesWithoutLayingOutAgain() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        model.regrouping().expand("ns:" + namespace);
        // "All edges": a toggle changes verdicts, never which summary edges are drawn.
        model.filters().showEdges(ViewFilter.EdgeFilter.ALL);
        Diagram before = diagram();
        Workspace laidOut = model.workspaceProperty().get();
        PolicyId defaultDeny = new PolicyId(namespace, "default-deny");
        model.switches().toggle(defaultDeny);
        Diagram after = diagram();
        assertTrue(laidOut == model.workspaceProperty().get(), "a toggle is no new picture");
        assertEquals(before.nodes().stream().map(NodeBox::bounds).toList(), after.nodes().stream().map(NodeBox::bounds).toList());
        assertEquals(before.edges().stream().map(EdgePath::route).toList(), after.edges().stream().map(EdgePath::route).toList());
        assertEquals(before.edges().stream().map(EdgePath::key).toList(), after.edges().stream().map(EdgePath::key).toList());
        Set<String> changed = model.flashProperty().get().edgeKeys();
        assertFalse(changed.isEmpty(), "switching off a default-deny opens paths");
        assertTrue(changed.stream().allMatch(key -> after.edge(key).orElseThrow().changed()));
        assertNotEquals(before.edges().stream().map(EdgePath::style).toList(), after.edges().stream().map(EdgePath::style).toList());

        model.switches().undo();
        assertEquals(before.edges().stream().map(EdgePath::style).toList(), diagram().edges().stream().map(EdgePath::style).toList());
    }

    @Test
    void byDefaultAToggleDrawsTheSummaryEdgesItOpensMarkedInTheShapeOfThePictureOnShow() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        model.regrouping().expand("ns:" + namespace);
        Picture before = model.evaluationProperty().get().picture();
        Set<String> drawnBefore = keys(before.graph().edges());
        model.switches().toggle(new PolicyId(namespace, "default-deny"));
        Picture after = model.evaluationProperty().get().picture();

        // What matters is drawn: every summary edge that allows something or that the toggle changed; the rest is counted.
        Set<String> expected = after.aggregate().graph().edges().stream().filter(edge -> edge.anyAllowed() || edge.anyChanged())
                .map(GraphEdge::key).collect(Collectors.toSet());
        assertEquals(expected, keys(after.graph().edges()));
        long left = after.aggregate().graph().edges().stream().filter(edge -> !expected.contains(edge.key())).mapToLong(GraphEdge::pairs).sum();
        assertEquals(left, after.omitted().pairs());
        Set<String> opened = new java.util.TreeSet<>(keys(after.graph().edges()));
        opened.removeAll(drawnBefore);
        assertFalse(opened.isEmpty(), "switching off a default-deny opens paths the picture did not draw");
        assertTrue(opened.stream().allMatch(key -> diagram().edge(key).orElseThrow().changed()), "and marks them");
        assertTrue(model.flashProperty().get().edgeKeys().containsAll(opened));
        assertEquals(before.layoutSeed(), after.layoutSeed());
        assertEquals(before.layoutDown(), after.layoutDown());

        model.switches().undo();
        Picture undone = model.evaluationProperty().get().picture();
        assertTrue(opened.stream().allMatch(key -> undone.edge(key).map(edge -> !edge.anyAllowed() && edge.anyChanged()).orElse(true)),
                "closed again: gone, or drawn blocked as just changed");
    }

    private static Set<String> keys(List<GraphEdge> edges) {
        return edges.stream().map(GraphEdge::key).collect(Collectors.toSet());
    }

    @Test
    void expandAllOpensOneLevelAndRefusesTheLevelNobodyCouldRead() throws Exception {
        openMediumCluster();
        model.regrouping().expandAll();
        Workspace namespacesOpen = model.workspaceProperty().get();
        assertTrue(namespacesOpen.frame().nodes().stream().noneMatch(node -> node.id().startsWith("ns:")), "every namespace open");
        assertTrue(namespacesOpen.frame().nodes().stream().anyMatch(GraphNode::isPart), "into its parts");
        assertTrue(namespacesOpen.engine().workloadEndpoints().size() > Grouping.READABLE_NODES);
        model.regrouping().expandAll();
        assertTrue(namespacesOpen == model.workspaceProperty().get(), "every workload would be too many: nothing changes");
        assertTrue(model.statusProperty().get().contains("readable up to " + Grouping.READABLE_NODES), model.statusProperty().get());
        model.regrouping().collapseAll();
        assertEquals(Set.of(NodeType.NAMESPACE, NodeType.EXTERNAL), nodeTypes());
    }

    @Test
    void searchingForAWorkloadShowsTheCollapsedNamespaceThatHoldsIt() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        GraphNode member = model.evaluationProperty().get().picture().aggregate().members("ns:" + namespace).get(0);
        model.filters().search(member.id());
        Diagram shown = diagram();
        assertTrue(shown.node("ns:" + namespace).isPresent());
        // Only the namespace that holds it, and what its edges reach: laid out from what is shown.
        Set<String> reached = shown.edges().stream()
                .flatMap(edge -> java.util.stream.Stream.of(edge.sourceId(), edge.targetId())).collect(Collectors.toSet());
        assertFalse(shown.edges().isEmpty());
        assertTrue(shown.edges().stream()
                .allMatch(edge -> edge.sourceId().equals("ns:" + namespace) || edge.targetId().equals("ns:" + namespace)));
        assertTrue(shown.nodes().stream().allMatch(node -> node.id().equals("ns:" + namespace) || reached.contains(node.id())));
    }

    @Test
    void aSummaryEdgeExplainsHowManyPairsItStandsForWithExamples() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        String key = GraphEdge.key("ns:" + namespace, "ns:kube-system");
        model.selection().selectEdge(key);
        Details details = model.selection().detailsProperty().get();
        assertTrue(details.text().contains("workload pairs"), details.text());
        assertTrue(details.text().contains("Some pairs that may connect"), details.text());
        assertTrue(details.text().contains("UDP 53"), details.text());
        assertEquals(key, details.edgeKey());
    }

    @Test
    void selectingAPolicyLightsUpTheCollapsedNamespacesOfWhatItSelects() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        model.selection().selectPolicy(new PolicyId(namespace, "allow-dns"));
        Details details = model.selection().detailsProperty().get();
        assertEquals(Set.of("ns:" + namespace), details.subjects());
        assertTrue(details.peers().contains("ns:kube-system"), details.peers().toString());
    }

    @Test
    void aCollapsedNamespaceSurvivesAReload() throws Exception {
        openMediumCluster();
        String namespace = firstApplicationNamespace();
        model.regrouping().expand("ns:" + namespace);
        model.reload();
        assertTrue(diagram().namespace(namespace).isPresent());
        assertTrue(diagram().node("ns:kube-system").isPresent());
    }

    @Test
    void aboveTheLintLimitTheWarningsListSaysItWasSkipped() throws Exception {
        ClusterGenerator.generate(new ClusterShape(1300, 100, 6, 1, false)).writeTo(folder);
        model = Lessons.synchronousModel();
        model.open(List.of(folder));
        int workloads = model.workspaceProperty().get().engine().workloadEndpoints().size();
        assertTrue(workloads > WorkspaceEvaluator.LINT_UP_TO_WORKLOADS, workloads + " workloads");
        assertTrue(model.problems().warnings().isEmpty());
        assertTrue(model.problems().warningsNoteProperty().get().contains("up to " + WorkspaceEvaluator.LINT_UP_TO_WORKLOADS + " workloads"),
                model.problems().warningsNoteProperty().get());
    }

    @Test
    void belowTheLintLimitWarningsAreComputedAndNoNoteIsShown() throws Exception {
        openMediumCluster();
        assertTrue(model.workspaceProperty().get().engine().workloadEndpoints().size() <= WorkspaceEvaluator.LINT_UP_TO_WORKLOADS);
        assertEquals("", model.problems().warningsNoteProperty().get());
    }

    @Test
    void aLiveClusterUpdateKeepsWhatTheUserOpenedAndCollapsesNamespacesNewSinceThen() throws Exception {
        var snapshot = ClusterGenerator.generate(new ClusterShape(1000, 160, 4, 2, false)).snapshot();
        Workspace first = WorkspaceLoader.fromSnapshot(snapshot, null, Set.of(), (fraction, message) -> { });
        assertTrue(first.isAggregated());
        List<String> namespaces = List.copyOf(Grouping.namespacesWithWorkloads(first.engine()));
        String opened = namespaces.stream().filter(name -> name.startsWith("payments")).findFirst().orElseThrow();
        String unseen = namespaces.stream().filter(name -> name.startsWith("orders")).findFirst().orElseThrow();
        Grouping kept = first.grouping().expanding(opened);
        Set<String> known = new java.util.TreeSet<>(namespaces);
        known.remove(unseen);
        // What the user had collapsed, unseen included, is opened here: only its being new collapses it.
        Grouping keptWithUnseenOpen = kept.expanding(unseen);
        Workspace updated = WorkspaceLoader.fromSnapshot(snapshot, keptWithUnseenOpen, known, (fraction, message) -> { });
        assertFalse(updated.grouping().isCollapsed(opened), "the user's expansion survives the update");
        assertTrue(updated.grouping().isCollapsed(unseen), "a namespace new since the last snapshot arrives collapsed");
        assertTrue(updated.frame().node("ns:" + unseen).isPresent());
        assertTrue(updated.frame().node("ns:" + opened).isEmpty());
    }

    private String firstApplicationNamespace() {
        return model.workspaceProperty().get().frame().nodes().stream().filter(GraphNode::isCollapsed).map(GraphNode::name)
                .filter(name -> !name.equals("kube-system") && !name.equals("monitoring")).findFirst().orElseThrow();
    }
}

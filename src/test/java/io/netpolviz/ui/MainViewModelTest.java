package io.netpolviz.ui;

import io.netpolviz.view.Details;
import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.RuleMarker;
import io.netpolviz.view.Selection;
import io.netpolviz.view.SourceExcerpt;

import io.netpolviz.graph.ViewFilter;
import static io.netpolviz.ui.Lessons.FRONTEND_TO_API;
import static io.netpolviz.ui.Lessons.TEST_RUNNER_TO_PAYMENTS;
import static io.netpolviz.ui.Lessons.TUTORIAL;
import static io.netpolviz.ui.Lessons.portStyles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.LintFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final PolicyId DNS = new PolicyId("production", "allow-dns-egress");

    private MainViewModel model;

    @BeforeEach
    void openTutorial() {
        model = Lessons.synchronousModel();
        model.open(List.of(TUTORIAL));
        // A lesson opens at its first step; these tests read its last, with every policy.
        model.lesson().goToStep(5);
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aLessonInStepsOpensAtItsFirstStepWithTheStepCaption() {
        model.open(List.of(TUTORIAL));
        assertEquals(1, model.lesson().stepProperty().get());
        assertEquals(5, model.lesson().stepCountProperty().get());
        assertEquals("Step 1: Wide open", model.lesson().stepTitleProperty().get());
        assertTrue(model.titleProperty().get().contains("01-tutorial"), model.titleProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void anEmptyPolicyListSaysWhyItIsEmpty(@TempDir Path scratch) throws Exception {
        assertEquals("", PolicyPanel.placeholder(model), "the tutorial has policies: the list is not empty");

        model.open(List.of(scratch.resolve("no-such-folder")));
        assertTrue(PolicyPanel.placeholder(model).startsWith("Nothing could be read from no-such-folder: see Load problems"),
                PolicyPanel.placeholder(model));

        Path empty = Files.createDirectory(scratch.resolve("empty"));
        model.open(List.of(empty));
        assertTrue(PolicyPanel.placeholder(model).startsWith("No NetworkPolicy and no pods or workloads here"), PolicyPanel.placeholder(model));

        Files.writeString(empty.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: main, image: nginx}]}\n");
        model.open(List.of(empty));
        assertEquals("No NetworkPolicy: every pod can reach every other.", PolicyPanel.placeholder(model));
    }

    @Test
    void thePolicyListGroupsPoliciesUnderTheirNamespaceWithPodCounts() {
        List<PolicyRow> rows = model.switches().policies();
        assertEquals(new PolicyRow.NamespaceHeading("production", 9, 9), rows.get(0));
        PolicyRow.PolicySwitch denyAll = model.switches().policyRow(DENY_ALL).orElseThrow();
        // frontend ×3, backend-api ×2, database ×1, payment-service ×2.
        assertEquals(8, denyAll.selectedPods());
        assertTrue(denyAll.on());
    }

    @Test
    void switchingOffDenyAllOpensTheTestRunnersPathToPaymentsAndSwitchingItOnClosesItAgain() {
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
        model.switches().toggle(DENY_ALL);
        assertEquals(List.of(PortStyle.ALLOWED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
        assertFalse(model.switches().policyRow(DENY_ALL).orElseThrow().on());
        assertTrue(model.flashProperty().get().edgeKeys().contains(TEST_RUNNER_TO_PAYMENTS));
        model.switches().toggle(DENY_ALL);
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
    }

    @Test
    void undoAndRedoReplayTheSwitches() {
        model.switches().toggle(DENY_ALL);
        assertTrue(model.switches().canUndoProperty().get());
        model.switches().undo();
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
        assertTrue(model.switches().policyRow(DENY_ALL).orElseThrow().on());
        assertTrue(model.switches().canRedoProperty().get());
        model.switches().redo();
        assertEquals(List.of(PortStyle.ALLOWED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
    }

    @Test
    void allOffOpensEverythingAndAllOnRestoresIt() {
        model.switches().allOff();
        Diagram open = model.diagramProperty().get();
        assertTrue(open.edges().stream().allMatch(edge -> edge.labels().stream().allMatch(l -> l.style() == PortStyle.ALLOWED)));
        assertTrue(model.switches().policies().stream().noneMatch(row -> row instanceof PolicyRow.PolicySwitch s && s.on()));
        model.switches().allOn();
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_PAYMENTS));
    }

    @Test
    void aToggleRestylesWithoutMovingAnything() {
        Diagram before = model.diagramProperty().get();
        model.switches().toggle(DENY_ALL);
        Diagram after = model.diagramProperty().get();
        assertEquals(before.nodes().stream().map(NodeBox::bounds).toList(), after.nodes().stream().map(NodeBox::bounds).toList());
        assertEquals(before.edges().stream().map(EdgePath::route).toList(), after.edges().stream().map(EdgePath::route).toList());
    }

    @Test
    void aDraggedNodeKeepsItsPlaceAcrossAToggle() {
        String id = "production/database";
        Rect before = model.diagramProperty().get().node(id).orElseThrow().bounds();
        model.moveNode(id, 40, -25);
        model.switches().toggle(DENY_ALL);
        Rect after = model.diagramProperty().get().node(id).orElseThrow().bounds();
        assertEquals(before.x() + 40, after.x(), 1e-9);
        assertEquals(before.y() - 25, after.y(), 1e-9);
    }

    @Test
    void steppingBackShowsFewerPoliciesOnTheSameLayout() {
        Map<String, Rect> before = bounds(model.diagramProperty().get());
        model.lesson().previousStep();
        assertEquals(4, model.lesson().stepProperty().get());
        assertEquals("Step 4: The missing egress halves", model.lesson().stepTitleProperty().get());
        assertTrue(model.switches().policyRow(DNS).isEmpty(), "step 4 has no DNS policy yet");
        assertEquals(before, bounds(model.diagramProperty().get()));
    }

    @Test
    void theFirstStepHasNoPoliciesAndEveryVisibleEdgeAllowed() {
        model.lesson().goToStep(1);
        assertTrue(model.switches().policies().isEmpty());
        Diagram diagram = model.diagramProperty().get();
        List<EdgePath> visible = diagram.edges().stream().filter(edge -> !edge.hidden()).toList();
        assertFalse(visible.isEmpty());
        assertTrue(visible.stream().allMatch(edge -> edge.labels().stream().allMatch(l -> l.style() == PortStyle.ALLOWED)));
    }

    @Test
    void stepThreeWarnsThatTheIngressAllowIsHalfOpenBecauseDenyAllBlocksFrontendEgress() {
        model.lesson().goToStep(3);
        List<LintFinding> halfOpen = model.problems().warnings().stream()
                .filter(finding -> finding.kind() == LintFinding.Kind.HALF_OPEN_PATH).toList();
        assertTrue(halfOpen.stream().anyMatch(finding -> finding.endpointIds().equals(List.of("production/frontend", "production/backend-api"))),
                "half-open findings: " + halfOpen);
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), FRONTEND_TO_API));
    }

    @Test
    void selectingAWarningAboutAHalfOpenPathSelectsThatConnection() {
        model.lesson().goToStep(3);
        LintFinding finding = model.problems().warnings().stream()
                .filter(f -> f.kind() == LintFinding.Kind.HALF_OPEN_PATH && f.endpointIds().get(0).equals("production/frontend"))
                .findFirst().orElseThrow();
        model.selection().selectWarning(finding);
        assertEquals(new Selection.Edge(FRONTEND_TO_API), model.selection().selectionProperty().get());
    }

    @Test
    void anEdgeExplanationSpellsOutBothSidesAndShowsTheAdmittingRulesYaml() {
        model.selection().selectEdge(FRONTEND_TO_API);
        Details details = model.selection().detailsProperty().get();
        assertEquals("production/frontend \u2192 production/backend-api", details.title());
        assertTrue(details.text().contains("Egress from production/frontend"), details.text());
        assertTrue(details.text().contains("Ingress to production/backend-api"), details.text());
        assertTrue(details.text().contains("YAML of production/allow-frontend-egress-to-api"), details.text());
        // The admitting rule's own lines are marked in the gutter.
        assertTrue(details.text().contains(RuleMarker.MARK + "  - to:"), details.text());
        assertEquals(FRONTEND_TO_API, details.edgeKey());
    }

    @Test
    void aBlockedEdgeShowsTheYamlOfThePolicyThatIsolatesIt() {
        model.selection().selectEdge(TEST_RUNNER_TO_PAYMENTS);
        String text = model.selection().detailsProperty().get().text();
        assertTrue(text.contains("YAML of production/deny-all (isolates ingress and admits nothing here)"), text);
    }

    @Test
    void theExplanationFollowsAToggle() {
        model.selection().selectEdge(TEST_RUNNER_TO_PAYMENTS);
        assertTrue(model.selection().detailsProperty().get().text().contains("DENIED"));
        model.switches().toggle(DENY_ALL);
        assertTrue(model.selection().detailsProperty().get().text().contains("ALLOWED"), model.selection().detailsProperty().get().text());
    }

    @Test
    void selectingAPolicyLightsUpThePodsItSelectsAndThePeersItNames() {
        model.selection().selectPolicy(new PolicyId("production", "allow-frontend-to-backend"));
        Details details = model.selection().detailsProperty().get();
        assertEquals(Set.of("production/backend-api"), details.subjects());
        assertEquals(Set.of("production/frontend"), details.peers());
        assertTrue(details.text().contains("Selects pods app=backend-api"), details.text());
    }

    @Test
    void selectingANodeListsItsPoliciesAndIsolation() {
        model.selection().selectNode("production/database");
        String text = model.selection().detailsProperty().get().text();
        assertTrue(text.contains("StatefulSet production/database"), text);
        assertTrue(text.contains("Labels: app=database,tier=data"), text);
        assertTrue(text.contains("Ingress is isolated by"), text);
        assertTrue(text.contains("production/database-egress"), text);
    }

    @Test
    void blockedOnlyHidesAllowedEdgesWithoutMovingNodes() {
        Map<String, Rect> before = bounds(model.diagramProperty().get());
        model.filters().showEdges(ViewFilter.EdgeFilter.BLOCKED);
        Diagram filtered = model.diagramProperty().get();
        assertTrue(filtered.edge(FRONTEND_TO_API).orElseThrow().hidden());
        assertFalse(filtered.edge(TEST_RUNNER_TO_PAYMENTS).orElseThrow().hidden());
        assertEquals(before, bounds(filtered));
    }

    @Test
    void changedOnlyShowsWhatTheLastToggleFlipped() {
        model.switches().toggle(DENY_ALL);
        model.filters().showEdges(ViewFilter.EdgeFilter.CHANGED);
        Diagram filtered = model.diagramProperty().get();
        assertFalse(filtered.edge(TEST_RUNNER_TO_PAYMENTS).orElseThrow().hidden());
        // frontend -> backend-api was allowed before and after.
        assertTrue(filtered.edge(FRONTEND_TO_API).orElseThrow().hidden());
    }

    @Test
    void focusShowsOnlyOneNodesEdges() {
        model.filters().focus("production/database");
        Diagram filtered = model.diagramProperty().get();
        assertTrue(filtered.edges().stream().filter(edge -> !edge.hidden())
                .allMatch(edge -> edge.sourceId().equals("production/database") || edge.targetId().equals("production/database")));
        assertTrue(filtered.edge(FRONTEND_TO_API).orElseThrow().hidden());
    }

    @Test
    void hitTestingFindsTheNodeUnderAPoint() {
        Rect box = model.diagramProperty().get().node("production/frontend").orElseThrow().bounds();
        assertEquals(new Selection.Node("production/frontend"), model.hit(box.centerX(), box.centerY(), 4).orElseThrow());
    }

    @Test
    void exportWritesPngAndSvgOfTheShownDiagram(@TempDir Path folder) throws Exception {
        Path png = folder.resolve("tutorial.png");
        Path svg = folder.resolve("tutorial.svg");
        model.exporter().export(png);
        model.exporter().export(svg);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] head = new byte[4];
        System.arraycopy(Files.readAllBytes(png), 0, head, 0, 4);
        assertArrayEquals(signature, head);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void aBrokenManifestBecomesADiagnosticThatLinksToItsLine(@TempDir Path folder) throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.yaml"), String.join("\n",
                "apiVersion: networking.k8s.io/v1",
                "kind: NetworkPolicy",
                "metadata:",
                "  name: bad-cidr",
                "  namespace: default",
                "spec:",
                "  podSelector: {}",
                "  ingress:",
                "  - from:",
                "    - ipBlock:",
                "        cidr: 10.0.0.0/33",
                ""));
        model.open(List.of(folder));
        assertFalse(model.problems().diagnostics().isEmpty(), "expected a diagnostic for the bad CIDR");
        var diagnostic = model.problems().diagnostics().get(0);
        assertTrue(diagnostic.where().file().endsWith("broken.yaml"), diagnostic.display());
        assertTrue(diagnostic.where().line() > 0, diagnostic.display());
        model.problems().showSource(diagnostic.where(), diagnostic.message());
        SourceExcerpt excerpt = model.problems().sourceProperty().get();
        assertNotNull(excerpt);
        assertEquals(Files.readString(broken), excerpt.text());
        assertEquals(diagnostic.where().line(), excerpt.line());
    }

    @Test
    void openingANewPlaceForgetsSwitchesAndRemembersThePlace() {
        model.switches().toggle(DENY_ALL);
        model.open(List.of(Path.of("sample-clusters/02-cross-namespace")));
        assertFalse(model.switches().canUndoProperty().get());
        assertEquals(0, model.lesson().stepCountProperty().get());
        assertEquals(List.of(Path.of("sample-clusters/02-cross-namespace").toAbsolutePath().normalize()),
                model.recent().places().get(0));
    }

    @Test
    void openingSomethingMissingReportsItInsteadOfFailing() {
        model.open(List.of(Path.of("sample-clusters/no-such-lesson")));
        assertFalse(model.busyProperty().get());
        assertFalse(model.problems().diagnostics().isEmpty());
    }

    private static Map<String, Rect> bounds(Diagram diagram) {
        return diagram.nodes().stream().collect(Collectors.toMap(NodeBox::id, NodeBox::bounds, (a, b) -> a, java.util.TreeMap::new));
    }

    @SuppressWarnings("unused")
    private static <T> Function<T, T> same() {
        return t -> t;
    }
}

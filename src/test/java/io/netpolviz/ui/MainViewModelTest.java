package io.netpolviz.ui;

import io.netpolviz.view.Details;
import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.RuleMarker;
import io.netpolviz.view.Selection;
import io.netpolviz.view.SourceExcerpt;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.view.Evaluated;
import static io.netpolviz.ui.Lessons.FRONTEND_TO_API;
import static io.netpolviz.ui.Lessons.TEST_RUNNER_TO_PAYMENTS;
import static io.netpolviz.ui.Lessons.TUTORIAL;
import static io.netpolviz.ui.Lessons.edgeTelling;
import static io.netpolviz.ui.Lessons.edgesTelling;
import static io.netpolviz.ui.Lessons.pair;
import static io.netpolviz.ui.Lessons.portStyles;
import static io.netpolviz.ui.Lessons.stated;
import static io.netpolviz.ui.Lessons.tellingStyles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final PolicyId DNS = new PolicyId("production", "allow-dns-egress");
    /** Admits frontend into backend-api, as allow-frontend-to-api does too: switching one off changes no verdict. */
    private static final PolicyId FRONTEND_TO_BACKEND = new PolicyId("production", "allow-frontend-to-backend");
    private static final String DATABASE = "production/database";
    private static final String PAYMENTS = "production/payment-service";
    /** Blocked at step 5, and drawn: database-egress names backend-api, whose ingress admits only others. */
    private static final String DATABASE_TO_API = "production/database->production/backend-api";

    private MainViewModel model;

    @BeforeEach
    void openTutorial() {
        model = Lessons.synchronousModel();
        // A lesson opens at its first step; these tests read its last, with every policy, as opened there.
        model.open(List.of(TUTORIAL), 5);
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
        // Blocked, and no rule names the pair: the picture counts it under the title instead of drawing it.
        assertFalse(pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed());
        assertTrue(edgesTelling(evaluated(), TEST_RUNNER_TO_PAYMENTS).isEmpty());
        assertTrue(model.diagramProperty().get().note().text().contains("more pairs are blocked"), model.diagramProperty().get().note().text());

        model.switches().toggle(DENY_ALL);
        assertEquals(PortSet.ALL, pair(model, TEST_RUNNER_TO_PAYMENTS).allowed());
        GraphEdge opened = edgeTelling(model, TEST_RUNNER_TO_PAYMENTS);
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.ALLOWED));
        assertTrue(opened.anyChanged(), opened.key() + " is marked changed");
        assertTrue(model.flashProperty().get().edgeKeys().contains(opened.key()), model.flashProperty().get().toString());
        assertFalse(model.switches().policyRow(DENY_ALL).orElseThrow().on());

        model.switches().toggle(DENY_ALL);
        assertFalse(pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed());
        // Closed by the last toggle: drawn blocked and marked, not only counted.
        GraphEdge closed = edgeTelling(model, TEST_RUNNER_TO_PAYMENTS);
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.BLOCKED));
        assertTrue(closed.anyChanged(), closed.key() + " is marked changed");
    }

    @Test
    void undoAndRedoReplayTheSwitches() {
        model.switches().toggle(DENY_ALL);
        assertTrue(model.switches().canUndoProperty().get());
        model.switches().undo();
        assertFalse(pair(model, TEST_RUNNER_TO_PAYMENTS).anyAllowed());
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.BLOCKED));
        assertTrue(model.switches().policyRow(DENY_ALL).orElseThrow().on());
        assertTrue(model.switches().canRedoProperty().get());
        model.switches().redo();
        assertEquals(PortSet.ALL, pair(model, TEST_RUNNER_TO_PAYMENTS).allowed());
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.ALLOWED));
    }

    @Test
    void allOffOpensEverythingAndAllOnRestoresIt() {
        Map<String, PortSet> before = verdicts(evaluated());
        model.switches().allOff();
        assertTrue(evaluated().picture().pairs().pairs().stream().allMatch(pair -> pair.allowed().equals(PortSet.ALL)));
        Diagram open = model.diagramProperty().get();
        assertFalse(open.edges().isEmpty());
        assertTrue(open.edges().stream().allMatch(edge -> edge.labels().stream().allMatch(l -> l.style() == PortStyle.ALLOWED)));
        assertEquals(0, evaluated().picture().omitted().pairs(), "nothing blocked, nothing left out");
        assertTrue(open.note().isEmpty());
        assertTrue(model.switches().policies().stream().noneMatch(row -> row instanceof PolicyRow.PolicySwitch s && s.on()));

        model.switches().allOn();
        assertEquals(before, verdicts(evaluated()));
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.BLOCKED));
    }

    @Test
    void aToggleThatChangesNoDrawnEdgeMovesNothing() {
        Diagram before = model.diagramProperty().get();
        Evaluated shownBefore = evaluated();
        model.switches().toggle(FRONTEND_TO_BACKEND);
        assertFalse(model.switches().policyRow(FRONTEND_TO_BACKEND).orElseThrow().on());
        assertNotSame(shownBefore.evaluation(), evaluated().evaluation(), "the toggle was evaluated");
        assertEquals(verdicts(shownBefore), verdicts(evaluated()), "allow-frontend-to-api admits the same");
        Diagram after = model.diagramProperty().get();
        assertEquals(edgeTexts(before), edgeTexts(after));
        assertEquals(before.nodes().stream().map(NodeBox::bounds).toList(), after.nodes().stream().map(NodeBox::bounds).toList());
        assertEquals(before.edges().stream().map(EdgePath::route).toList(), after.edges().stream().map(EdgePath::route).toList());
        assertEquals(before.edges().stream().map(EdgePath::chip).toList(), after.edges().stream().map(EdgePath::chip).toList());
    }

    @Test
    void aToggleThatChangesTheDrawnEdgesLaysThemOutAgainWithTheSameSeedAndDirection() {
        io.netpolviz.view.Picture before = evaluated().picture();
        model.switches().toggle(DENY_ALL);
        io.netpolviz.view.Picture after = evaluated().picture();
        assertNotEquals(before.graph().edges().stream().map(GraphEdge::key).toList(), after.graph().edges().stream().map(GraphEdge::key).toList());
        assertEquals(before.layoutSeed(), after.layoutSeed());
        assertEquals(before.layoutDown(), after.layoutDown());
    }

    @Test
    void aDraggedNodeKeepsItsPlaceAcrossAToggle() {
        Rect before = model.diagramProperty().get().node(DATABASE).orElseThrow().bounds();
        model.moveNode(DATABASE, 40, -25);
        List<String> edgesBefore = edgeTexts(model.diagramProperty().get());
        model.switches().toggle(DENY_ALL);
        assertNotEquals(edgesBefore, edgeTexts(model.diagramProperty().get()), "the toggle draws other edges: a new layout");
        Rect after = model.diagramProperty().get().node(DATABASE).orElseThrow().bounds();
        assertEquals(before.x() + 40, after.x(), 1e-9);
        assertEquals(before.y() - 25, after.y(), 1e-9);
        model.switches().toggle(FRONTEND_TO_BACKEND);
        Rect again = model.diagramProperty().get().node(DATABASE).orElseThrow().bounds();
        assertEquals(after, again, "and across a toggle that draws nothing new");
    }

    @Test
    void steppingBackShowsTheEarlierStepsVerdictsAndMarksWhatTheStepChanged() {
        Map<String, Rect> stepFive = bounds(model.diagramProperty().get());
        model.lesson().previousStep();
        assertEquals(4, model.lesson().stepProperty().get());
        assertEquals("Step 4: The missing egress halves", model.lesson().stepTitleProperty().get());
        assertTrue(model.switches().policyRow(DNS).isEmpty(), "step 4 has no DNS policy yet");
        // Without it, production's pods reach kube-dns no more: drawn blocked, marked and flashing.
        String frontendToDns = "production/frontend->kube-system/kube-dns";
        assertFalse(pair(model, frontendToDns).anyAllowed());
        GraphEdge closed = edgeTelling(model, frontendToDns);
        assertTrue(tellingStyles(model, frontendToDns).stream().allMatch(style -> style == PortStyle.BLOCKED));
        assertTrue(closed.anyChanged());
        assertTrue(model.flashProperty().get().edgeKeys().contains(closed.key()), model.flashProperty().get().toString());
        // What step 4 already allowed is drawn as at step 5, unmarked.
        assertEquals(PortSet.of(PortRange.single(Protocol.TCP, 8080)), pair(model, FRONTEND_TO_API).allowed());
        assertFalse(edgeTelling(model, FRONTEND_TO_API).anyChanged());

        model.lesson().nextStep();
        assertEquals(stepFive, bounds(model.diagramProperty().get()), "a step is laid out alike whichever way one comes to it");
    }

    @Test
    void theFirstStepHasNoPoliciesAndDrawsItsOpenNetworkWithFewerEdgesThanPairs() {
        model.lesson().goToStep(1);
        assertTrue(model.switches().policies().isEmpty());
        Evaluated first = evaluated();
        List<PairVerdicts.Pair> pairs = first.picture().pairs().pairs();
        assertTrue(pairs.stream().allMatch(pair -> pair.allowed().equals(PortSet.ALL)));
        // Nothing is hidden: every pair is told, allowed, by a drawn edge.
        pairs.forEach(pair -> edgeTelling(model, pair.key()));
        Diagram diagram = model.diagramProperty().get();
        assertTrue(diagram.edges().stream().allMatch(edge -> edge.labels().stream().allMatch(l -> l.style() == PortStyle.ALLOWED)));
        assertTrue(diagram.edges().size() < pairs.size(), diagram.edges().size() + " edges for " + pairs.size() + " pairs");
    }

    @Test
    void stepThreeWarnsThatTheIngressAllowIsHalfOpenBecauseDenyAllBlocksFrontendEgress() {
        model.lesson().goToStep(3);
        List<LintFinding> halfOpen = model.problems().warnings().stream()
                .filter(finding -> finding.kind() == LintFinding.Kind.HALF_OPEN_PATH).toList();
        assertTrue(halfOpen.stream().anyMatch(finding -> finding.endpointIds().equals(List.of("production/frontend", "production/backend-api"))),
                "half-open findings: " + halfOpen);
        // Half-open pairs are the story: drawn on an edge of their own.
        assertTrue(pair(model, FRONTEND_TO_API).halfOpen());
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
    void aHalfOpenWarningSelectsItsConnectionEvenWhereTheFilterDoesNotDrawIt() {
        model.lesson().goToStep(3);
        model.filters().showEdges(ViewFilter.EdgeFilter.ALLOWED);
        assertTrue(edgesTelling(evaluated(), FRONTEND_TO_API).isEmpty(), "blocked: not drawn under Allowed only");
        LintFinding finding = model.problems().warnings().stream()
                .filter(f -> f.kind() == LintFinding.Kind.HALF_OPEN_PATH && f.endpointIds().get(0).equals("production/frontend"))
                .findFirst().orElseThrow();
        model.selection().selectWarning(finding);
        assertEquals(new Selection.Edge(FRONTEND_TO_API), model.selection().selectionProperty().get());
        assertTrue(model.selection().detailsProperty().get().text().contains("\u2717 Egress of production/frontend"),
                model.selection().detailsProperty().get().text());
    }

    @Test
    void anEdgeExplanationSpellsOutBothSidesAndShowsTheAdmittingRulesYaml() {
        model.selection().selectEdge(FRONTEND_TO_API);
        Details details = model.selection().detailsProperty().get();
        assertEquals("production/frontend \u2192 production/backend-api", details.title());
        assertTrue(details.text().contains("Egress of production/frontend"), details.text());
        assertTrue(details.text().contains("Ingress of production/backend-api"), details.text());
        assertTrue(details.text().contains("production/allow-frontend-egress-to-api: the rule that admits is marked"), details.text());
        // The admitting rule's own lines are marked in the gutter.
        assertTrue(details.text().contains(RuleMarker.MARK + "  - to:"), details.text());
        assertEquals(FRONTEND_TO_API, details.edgeKey());
    }

    @Test
    void aBlockedEdgeShowsTheYamlOfThePolicyThatIsolatesIt() {
        assertEquals(List.of(PortStyle.BLOCKED), portStyles(model.diagramProperty().get(), DATABASE_TO_API));
        model.selection().selectEdge(DATABASE_TO_API);
        String text = model.selection().detailsProperty().get().text();
        assertTrue(text.contains("production/deny-all: isolates ingress and has no ingress rules"), text);
    }

    @Test
    void aBlockedPairTheViewOnlyCountsIsDrawnWhileItsNodeIsSelectedAndStaysDrawnWhenClicked() {
        assertTrue(edgesTelling(evaluated(), TEST_RUNNER_TO_PAYMENTS).isEmpty());
        model.selection().selectNode(PAYMENTS);
        GraphEdge drawn = edgeTelling(model, TEST_RUNNER_TO_PAYMENTS);
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.BLOCKED));
        // Every pair of the selected node is told, with its verdict, while it is selected.
        evaluated().picture().pairs().pairs().stream()
                .filter(pair -> pair.source() != pair.destination())
                .filter(pair -> pair.source().id().equals(PAYMENTS) || pair.destination().id().equals(PAYMENTS))
                .forEach(pair -> edgeTelling(model, pair.key()));

        // Clicking the edge its selection drew explains it, and it stays drawn.
        model.selection().selectEdge(drawn.key());
        assertTrue(model.diagramProperty().get().edge(drawn.key()).isPresent(), "the clicked edge stays under the pointer");
        Details details = model.selection().detailsProperty().get();
        assertEquals(drawn.key(), details.edgeKey());
        assertFalse(details.text().contains("not in the diagram"), details.text());

        model.selection().clearSelection();
        assertTrue(edgesTelling(evaluated(), TEST_RUNNER_TO_PAYMENTS).isEmpty(), "only counted again");
    }

    @Test
    void selectingANodeMovesNothing() {
        java.util.List<io.netpolviz.layout.Rect> before = model.diagramProperty().get().nodes().stream()
                .map(io.netpolviz.layout.NodeBox::bounds).toList();
        model.selection().selectNode(PAYMENTS);
        assertFalse(model.evaluationProperty().get().picture().selection().isEmpty(), "its blocked pairs are drawn on top");
        assertEquals(before, model.diagramProperty().get().nodes().stream().map(io.netpolviz.layout.NodeBox::bounds).toList(),
                "the picture under the pointer stays where it is");
    }

    @Test
    void theExplanationFollowsAToggle() {
        // A pair has its explanation whether it has an edge of its own, shares one, or is only counted.
        model.selection().selectEdge(TEST_RUNNER_TO_PAYMENTS);
        Details blocked = model.selection().detailsProperty().get();
        assertEquals(TEST_RUNNER_TO_PAYMENTS, blocked.edgeKey());
        assertTrue(blocked.text().startsWith("\u2717 blocked"), blocked.text());
        model.switches().toggle(DENY_ALL);
        Details allowed = model.selection().detailsProperty().get();
        assertEquals(TEST_RUNNER_TO_PAYMENTS, allowed.edgeKey());
        assertTrue(allowed.text().startsWith("\u2713 allowed"), allowed.text());
        assertFalse(allowed.text().contains("DENIED") || allowed.text().contains("\u2717 blocked"), allowed.text());
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
        assertTrue(text.contains("Kind: StatefulSet"), text);
        assertTrue(text.contains("Labels: app=database,tier=data"), text);
        assertTrue(text.contains("Ingress\nIsolated by"), text);
        assertTrue(text.contains("production/database-egress"), text);
    }

    @Test
    void blockedOnlyDrawsTheBlockedPairsAndCountsTheAllowedOnes() {
        model.filters().showEdges(ViewFilter.EdgeFilter.BLOCKED);
        Evaluated filtered = evaluated();
        assertFalse(filtered.picture().graph().edges().isEmpty());
        assertTrue(filtered.picture().graph().edges().stream().allMatch(edge -> stated(edge).isEmpty()), "no drawn edge allows anything");
        assertTrue(model.diagramProperty().get().edges().stream().allMatch(edge -> edge.labels().stream()
                .noneMatch(label -> label.style() == PortStyle.ALLOWED)));
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.BLOCKED));
        // An allowed pair is told by no edge, not even a blocked one that would misread it.
        List<PairVerdicts.Pair> allowed = filtered.picture().pairs().pairs().stream().filter(PairVerdicts.Pair::anyAllowed).toList();
        assertTrue(allowed.stream().anyMatch(pair -> pair.key().equals(FRONTEND_TO_API)));
        allowed.forEach(pair -> assertTrue(edgesTelling(filtered, pair.key()).isEmpty(), pair.key()));
        assertEquals(allowed.size(), filtered.picture().omitted().pairs());
        assertTrue(model.diagramProperty().get().note().text().startsWith(allowed.size() + " allowed pairs not shown"),
                model.diagramProperty().get().note().text());
    }

    @Test
    void changedOnlyShowsWhatTheLastToggleFlipped() {
        model.switches().toggle(DENY_ALL);
        model.filters().showEdges(ViewFilter.EdgeFilter.CHANGED);
        Evaluated filtered = evaluated();
        assertFalse(filtered.picture().graph().edges().isEmpty(), "the filter is drawn against what the toggle changed");
        assertTrue(filtered.picture().graph().edges().stream().allMatch(GraphEdge::anyChanged));
        assertTrue(tellingStyles(model, TEST_RUNNER_TO_PAYMENTS).stream().allMatch(style -> style == PortStyle.ALLOWED));
        // frontend -> backend-api was allowed before and after.
        assertTrue(edgesTelling(filtered, FRONTEND_TO_API).isEmpty());
        assertTrue(model.diagramProperty().get().note().text().contains("unchanged pairs not shown"), model.diagramProperty().get().note().text());
    }

    @Test
    void aSelectionAfterAToggleKeepsTheToggleMarks() {
        model.switches().toggle(DENY_ALL);
        long flashes = model.flashProperty().get().serial();
        model.selection().selectNode(DATABASE);
        // The selection draws database's pairs too, so the edges may be grouped otherwise; the marks stay.
        GraphEdge telling = edgeTelling(model, TEST_RUNNER_TO_PAYMENTS);
        assertTrue(telling.anyChanged(), "still marked changed after the redraw");
        assertTrue(model.diagramProperty().get().edge(telling.key()).orElseThrow().changed());
        assertEquals(flashes, model.flashProperty().get().serial(), "drawing the same verdicts again does not flash them again");
    }

    @Test
    void focusDrawsEveryPairOfOneNodeAndNothingElse() {
        model.filters().focus(DATABASE);
        Evaluated focused = evaluated();
        assertTrue(focused.picture().graph().edges().stream()
                .allMatch(edge -> edge.sourceId().equals(DATABASE) || edge.targetId().equals(DATABASE)));
        List<PairVerdicts.Pair> ofDatabase = focused.picture().pairs().pairs().stream()
                .filter(pair -> pair.source().id().equals(DATABASE) || pair.destination().id().equals(DATABASE)).toList();
        assertTrue(ofDatabase.stream().anyMatch(pair -> !pair.anyAllowed()), "blocked ones too");
        ofDatabase.forEach(pair -> edgeTelling(model, pair.key()));
        assertTrue(edgesTelling(focused, FRONTEND_TO_API).isEmpty());
        Set<String> ends = focused.picture().graph().edges().stream()
                .flatMap(edge -> java.util.stream.Stream.of(edge.sourceId(), edge.targetId())).collect(Collectors.toSet());
        assertTrue(model.diagramProperty().get().nodes().stream().allMatch(node -> node.id().equals(DATABASE) || ends.contains(node.id())),
                "laid out from what is shown: no node without an edge");
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

    private Evaluated evaluated() {
        return model.evaluationProperty().get();
    }

    /** Every pair's allowed ports. */
    private static Map<String, PortSet> verdicts(Evaluated evaluated) {
        Map<String, PortSet> verdicts = new TreeMap<>();
        evaluated.picture().pairs().pairs().forEach(pair -> verdicts.put(pair.key(), pair.allowed()));
        return verdicts;
    }

    /** Each drawn edge with its label as it reads. */
    private static List<String> edgeTexts(Diagram diagram) {
        return diagram.edges().stream()
                .map(edge -> edge.key() + " " + edge.labels().stream().map(io.netpolviz.layout.PortLabel::display).toList()).toList();
    }

    private static Map<String, Rect> bounds(Diagram diagram) {
        return diagram.nodes().stream().collect(Collectors.toMap(NodeBox::id, NodeBox::bounds, (a, b) -> a, java.util.TreeMap::new));
    }

    @SuppressWarnings("unused")
    private static <T> Function<T, T> same() {
        return t -> t;
    }
}

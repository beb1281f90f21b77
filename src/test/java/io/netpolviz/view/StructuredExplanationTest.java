package io.netpolviz.view;

import static io.netpolviz.view.TutorialSteps.FRONTEND_TO_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.model.PolicyId;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Mark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The explanation pane's content as blocks: the verdict first, each side once with its deciding policies as links, the fix, the YAML. */
class StructuredExplanationTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final PolicyId FRONTEND_TO_API_POLICY = new PolicyId("production", "allow-frontend-to-api");

    private static Evaluated stepThree;

    @BeforeAll
    static void openTheTutorialAtStepThree() throws Exception {
        stepThree = TutorialSteps.tutorial(3);
    }

    @Test
    void stepThreeFrontendToBackendApiIsBlockedBecauseDenyAllIsolatesTheFrontendsEgress() {
        Details details = SelectionDetails.describe(new Selection.Edge(FRONTEND_TO_API), stepThree);
        List<Block> blocks = details.blocks();
        assertEquals("production/frontend \u2192 production/backend-api", details.title());

        Explanation.Verdict verdict = assertInstanceOf(Explanation.Verdict.class, blocks.get(0), "the verdict comes first");
        assertEquals(Mark.BLOCKED, verdict.mark());
        assertEquals("on TCP 8080", Explanation.join(verdict.about()));

        List<Explanation.Side> sides = blocks.stream().filter(Explanation.Side.class::isInstance).map(Explanation.Side.class::cast).toList();
        assertEquals(2, sides.size(), "two halves, each once: " + details.text());
        Explanation.Side egress = sides.get(0);
        Explanation.Side ingress = sides.get(1);
        assertEquals("Egress of production/frontend", egress.title());
        assertEquals(Mark.BLOCKED, egress.mark());
        assertTrue(egress.text().contains(new Explanation.Link("production/deny-all", new Selection.Policy(DENY_ALL))), egress.toString());
        assertEquals("Ingress of production/backend-api", ingress.title());
        assertEquals(Mark.ALLOWED, ingress.mark());
        assertTrue(ingress.text().contains(new Explanation.Link("production/allow-frontend-to-api", new Selection.Policy(FRONTEND_TO_API_POLICY))),
                ingress.toString());

        Explanation.Fix fix = blocks.stream().filter(Explanation.Fix.class::isInstance).map(Explanation.Fix.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no fix in " + details.text()));
        assertEquals("Add an egress rule allowing production/backend-api on TCP 8080 to a policy in namespace production that selects "
                + "production/frontend.", Explanation.join(fix.text()));
        assertTrue(blocks.indexOf(fix) > blocks.indexOf(ingress), "the fix follows the sides");

        List<Explanation.Code> yaml = blocks.stream().filter(Explanation.Code.class::isInstance).map(Explanation.Code.class::cast).toList();
        Explanation.Code admitting = yaml.stream().filter(code -> Explanation.join(code.caption()).startsWith(FRONTEND_TO_API_POLICY.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no YAML of the admitting policy in " + details.text()));
        assertTrue(admitting.lines().stream().anyMatch(line -> line.marked() && line.text().strip().equals("- from:")), admitting.toString());
        assertTrue(yaml.stream().anyMatch(code -> Explanation.join(code.caption()).startsWith(DENY_ALL.toString())),
                "the policy that only isolates shows too");
        assertTrue(blocks.indexOf(admitting) > blocks.indexOf(fix), "YAML comes last");
    }

    @Test
    void anEdgeIsNamedOnceAndTheVerdictIsInTheLegendsWords() {
        for (GraphEdge edge : stepThree.picture().graph().edges()) {
            Details details = SelectionDetails.describe(new Selection.Edge(edge.key()), stepThree);
            String text = details.text();
            assertFalse(text.contains("DENIED") || text.contains("ALLOWED"), text);
            assertFalse(text.contains("\u2500\u2500\u2500") || text.contains("____"), "no text rules: " + text);
            assertTrue(details.title().contains("\u2192"), details.title());
            assertFalse(text.contains(details.title()), "the title names the connection, the text does not again: " + text);
            assertEquals(1, details.blocks().stream().filter(Explanation.Verdict.class::isInstance).count(), text);
        }
    }

    @Test
    void aClickOnOnePortOfALabelExplainsThatPortOnly() throws Exception {
        Evaluated shop = TutorialSteps.open(Path.of("sample-clusters/05-shop"), 0, false, Set.of());
        GraphEdge edge = shop.picture().edge("storefront/search->data/postgres").orElseThrow();
        assertEquals(List.of("5432", "9187"), edge.labelPorts().stream().map(port -> port.text()).toList());

        Selection.Edge clicked = Selection.Edge.ofLabel(edge, 1);
        assertEquals(List.of(io.netpolviz.policy.PortRange.single(io.netpolviz.model.Protocol.TCP, 9187)), clicked.ports());
        Details details = SelectionDetails.describe(clicked, shop);
        Explanation.Verdict verdict = assertInstanceOf(Explanation.Verdict.class, details.blocks().get(0));
        assertEquals("on TCP 9187", Explanation.join(verdict.about()));
        assertEquals(Set.of(1), details.labelEntries(), "only the clicked entry is framed on the diagram");
        String sides = details.blocks().stream().filter(Explanation.Side.class::isInstance).map(block -> Explanation.plain(List.of(block)))
                .reduce("", String::concat);
        assertTrue(sides.contains("on TCP 9187"), sides);
        assertFalse(sides.contains("5432"), "the port not clicked is not explained: " + sides);
        assertTrue(Explanation.links(details.blocks()).contains(new Explanation.Link("\u2717 5432", Selection.Edge.ofLabel(edge, 0))),
                "the other port is one click away: " + details.text());
        assertTrue(Explanation.links(details.blocks()).contains(new Explanation.Link("all its ports", new Selection.Edge(edge.key()))));

        Details whole = SelectionDetails.describe(new Selection.Edge(edge.key()), shop);
        assertEquals("on TCP 5432 and TCP 9187", Explanation.join(((Explanation.Verdict) whole.blocks().get(0)).about()));
        assertEquals(Set.of(), whole.labelEntries());
    }

    @Test
    void anEdgeThatSaysAPortByNameListsEachPairWithItsNumber() throws Exception {
        Evaluated shop = TutorialSteps.open(Path.of("sample-clusters/05-shop"), 0, false, Set.of());
        GraphEdge scrape = shop.picture().edge("monitoring/prometheus->anywhere").orElseThrow();
        assertEquals(List.of("metrics"), scrape.labelPorts().stream().map(port -> port.text()).toList());

        Details details = SelectionDetails.describe(new Selection.Edge(scrape.key()), shop);
        assertEquals(Mark.ALLOWED, ((Explanation.Verdict) details.blocks().get(0)).mark());
        assertEquals("on the port named metrics", Explanation.join(((Explanation.Verdict) details.blocks().get(0)).about()));
        String text = details.text();
        assertTrue(text.contains("monitoring/prometheus \u2192 data/redis: TCP 9121"), text);
        assertTrue(text.contains("monitoring/prometheus \u2192 data/postgres: TCP 9187"), text);
        // Its exceptions are the pairs of the open zone, all ports; never a store, which reads its own number from it.
        assertTrue(text.contains("monitoring/prometheus \u2192 kube-system/kube-dns: allowed on all"), text);
        assertFalse(text.contains("data/redis: allowed on"), text);
        // The pair explained is explained on its own number, not on "every TCP port".
        assertTrue(text.contains("Why, for monitoring/prometheus \u2192 data/elasticsearch on TCP 9114"), text);
    }

    @Test
    void aLabelWithOneEntrySelectsTheWholeEdge() {
        GraphEdge edge = stepThree.picture().edge(FRONTEND_TO_API).orElseThrow();
        assertEquals(new Selection.Edge(FRONTEND_TO_API), Selection.Edge.ofLabel(edge, 0));
    }

    @Test
    void anEdgeForAGroupOfPairsSaysWhatItStandsForInBlocks() throws Exception {
        Evaluated stepFive = TutorialSteps.tutorial(5);
        GraphEdge dns = stepFive.picture().edge("box:production->kube-system/kube-dns").orElseThrow();
        Details details = SelectionDetails.describe(new Selection.Edge(dns.key()), stepFive);
        assertEquals("every workload of production \u2192 kube-system/kube-dns", details.title());
        assertEquals(Mark.ALLOWED, ((Explanation.Verdict) details.blocks().get(0)).mark());
        assertTrue(details.text().contains("This edge stands for 4 workload pairs"), details.text());
        assertTrue(details.blocks().contains(new Explanation.Heading("The pairs it stands for")), details.text());
        assertTrue(Explanation.links(details.blocks()).contains(new Explanation.Link("production/frontend",
                new Selection.Node("production/frontend"))), details.text());
        assertEquals(2, details.blocks().stream().filter(Explanation.Side.class::isInstance).count(), "one pair explained, both sides");

        Details udp = SelectionDetails.describe(Selection.Edge.ofLabel(dns, 1), stepFive);
        assertEquals("on UDP 53", Explanation.join(((Explanation.Verdict) udp.blocks().get(0)).about()));
        assertTrue(udp.text().contains("on UDP 53:") || udp.text().contains("on UDP 53\n"), udp.text());
    }

    @Test
    void aNodeAndAPolicyHaveFactsAndLinks() {
        Details node = SelectionDetails.describe(new Selection.Node("production/frontend"), stepThree);
        assertTrue(node.blocks().contains(new Explanation.Fact("Labels", Explanation.text("app=frontend,tier=web"))), node.text());
        assertTrue(Explanation.links(node.blocks()).contains(new Explanation.Link("production/deny-all", new Selection.Policy(DENY_ALL))),
                node.text());
        assertNull(node.edgeKey());

        Details policy = SelectionDetails.describe(new Selection.Policy(FRONTEND_TO_API_POLICY), stepThree);
        assertTrue(policy.text().contains("Selects pods app=backend-api"), policy.text());
        assertTrue(Explanation.links(policy.blocks()).contains(new Explanation.Link("production/backend-api",
                new Selection.Node("production/backend-api"))), policy.text());
        assertInstanceOf(Explanation.Code.class, policy.blocks().get(policy.blocks().size() - 1), "its YAML ends it");
    }

    @Test
    void theBundledTutorialIsExplainedWithoutTemporaryPathsOrMarkdownMarks() throws Exception {
        Path extracted = BundledSample.extract();
        for (int step = 1; step <= 5; step++) {
            Evaluated evaluated = TutorialSteps.open(extracted, step, true, Set.of());
            List<Selection> selections = new java.util.ArrayList<>();
            selections.add(Selection.NOTHING);
            evaluated.picture().graph().edges().forEach(edge -> selections.add(new Selection.Edge(edge.key())));
            evaluated.workspace().endpoints().keySet().forEach(id -> selections.add(new Selection.Node(id)));
            evaluated.workspace().engine().policies().forEach(policy -> selections.add(new Selection.Policy(policy.id())));
            for (Selection selection : selections) {
                Details details = SelectionDetails.describe(selection, evaluated);
                String shown = details.title() + "\n" + details.text();
                assertFalse(shown.contains(extracted.toString()), "a temporary path in " + shown);
                assertFalse(shown.contains(System.getProperty("java.io.tmpdir")), "a temporary path in " + shown);
                assertFalse(shown.contains("`"), "Markdown backticks in " + shown);
                assertFalse(shown.contains("**"), "Markdown stars in " + shown);
            }
        }
    }

    @Test
    void portsBlockedForTheSameReasonsAreExplainedOnceWithOneFix() throws Exception {
        Evaluated shop = TutorialSteps.open(Path.of("sample-clusters/05-shop"), 0, false, Set.of());
        Details details = SelectionDetails.describe(new Selection.Edge("storefront/search->data/postgres"), shop);
        assertEquals(2, details.blocks().stream().filter(Explanation.Side.class::isInstance).count(), details.text());
        List<Explanation.Fix> fixes = details.blocks().stream().filter(Explanation.Fix.class::isInstance).map(Explanation.Fix.class::cast).toList();
        assertEquals(1, fixes.size(), details.text());
        assertEquals("Add an ingress rule admitting storefront/search on TCP 5432 and TCP 9187 to a policy in namespace data that selects "
                + "data/postgres.", Explanation.join(fixes.get(0).text()));
    }

    @Test
    void theFixWidensTheRuleThatAlreadyNamesThePeerWhenOnlyThePortIsMissing() throws Exception {
        int found = 0;
        for (String lesson : List.of("01-tutorial", "02-cross-namespace", "03-egress-internet", "04-ports", "05-shop")) {
            Evaluated evaluated = TutorialSteps.open(Path.of("sample-clusters", lesson), 0, false, Set.of());
            for (GraphEdge edge : evaluated.picture().graph().edges()) {
                var source = evaluated.workspace().endpoints().get(edge.sourceId());
                var destination = evaluated.workspace().endpoints().get(edge.targetId());
                if (source == null || destination == null) {
                    continue;
                }
                for (var port : edge.ports()) {
                    var verdict = evaluated.evaluation().verdict(source, destination, port.port().protocol(), port.port().first());
                    var side = !verdict.egress().allows() ? verdict.egress() : verdict.ingress();
                    if (verdict.allowed() || side.peerMatchedRules().isEmpty()) {
                        continue;
                    }
                    String fix = new io.netpolviz.policy.Explainer(evaluated.evaluation()).fix(verdict).orElseThrow();
                    assertTrue(fix.startsWith("Add " + verdict.protocol() + " " + verdict.port() + " to the ports of "
                            + side.peerMatchedRules().get(0).display()), fix);
                    found++;
                }
            }
        }
        assertTrue(found > 0, "no lesson has a rule that names a peer on other ports");
    }
}

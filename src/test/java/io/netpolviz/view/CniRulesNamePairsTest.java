package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.load.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "What matters" draws a blocked pair that a Calico or Cilium rule names, as it draws one a NetworkPolicy
 * rule names (the tutorial's frontend → backend-api, lesson 07's staging → prod/db): the rule was written
 * for that pair, so its ✗ is part of the story, not one of the many blocked pairs no rule names. A rule
 * for "every address" or "every pod" (Calico's 0.0.0.0/0 Pass, Cilium's world and cluster entities) names
 * no pair and leaves the rest counted under the title.
 */
class CniRulesNamePairsTest {

    @Test
    void theThreatFeedsDenyOfLesson10IsDrawnWithoutClickingTheBlock() throws Exception {
        // https://docs.tigera.io/calico/latest/reference/resources/globalnetworkset: "When Calico is calculating the set of
        // IPs that should match a source/destination selector within a global network policy rule, ... it includes the CIDRs
        // from any network sets that match the selector"; security.block-threats denies "selector: threat == 'high'".
        Evaluated step4 = TutorialSteps.open(Path.of("sample-clusters/10-calico-tiers"), 4, false, Set.of());

        GraphEdge threat = drawn(step4, "ext:203.0.113.0/24->yaobank/customer");
        assertFalse(threat.anyAllowed(), threat.toString());
        assertTrue(pairs(step4).pair(threat.key()).halfOpen(), "the Deny rule names the set's block");
        // Each Deny names its peer and cuts it off from what an Allow or Pass of the same side lets on: the internet's Pass
        // to the customer on 80, and customer-not-database's final Allow on the customer's egress. The bank's other pods
        // admit nothing from the feed, so its Deny on them changes nothing a rule opened: counted, not drawn.
        assertEquals(List.of("yaobank/customer->yaobank/database", "yaobank/customer->ext:198.51.100.66/32",
                "yaobank/customer->ext:203.0.113.0/24", "ext:198.51.100.66/32->yaobank/customer", "ext:203.0.113.0/24->yaobank/customer"),
                halfOpen(step4));
    }

    @Test
    void aCiliumDenyNamingTheXwingIsDrawnAndTheClusterEntityNamesNoOne() throws Exception {
        // https://docs.cilium.io/en/stable/security/policy/language/#deny-policies: "Deny policies take precedence over allow
        // policies" — deny-xwing's ingressDeny fromEndpoints names the xwing; deathstar-open's allow of the cluster entity
        // names every pod and no pod in particular.
        Evaluated step3 = TutorialSteps.open(Path.of("sample-clusters/11-cilium-deny"), 3, false, Set.of());

        GraphEdge xwing = drawn(step3, "default/xwing->default/deathstar");
        assertFalse(xwing.anyAllowed(), xwing.toString());
        assertTrue(pairs(step3).pair(xwing.key()).halfOpen());
        for (PairVerdicts.Pair pair : pairs(step3).pairs()) {
            if (pair.halfOpen()) {
                assertTrue(pair.key().equals(xwing.key()), "only deny-xwing names a blocked pair: " + pair.key());
            }
        }
    }

    @Test
    void everyStepOfTheLayeredLessonsDrawsEveryAllowedConnectionWithItsPortsAndNothingFalse() throws Exception {
        // As NothingAllowedIsHiddenTest does for the NetworkPolicy lessons: the pairs drawn above must not hide or misread others.
        for (String lesson : List.of("07-admin-tiers", "10-calico-tiers", "11-cilium-deny")) {
            StepSequence steps = StepSequence.detect(Path.of("sample-clusters", lesson)).orElseThrow();
            for (int step = 1; step <= steps.size(); step++) {
                ReadabilityPictures.Shown shown = ReadabilityPictures.ofWorkloads(lesson + " step " + step, ReadabilityPictures.Kind.LESSON,
                        new ManifestLoader().load(steps.pathsUpTo(step)), null);
                int allowed = NothingAllowedIsHiddenTest.assertEveryPairReadsRight(shown);
                assertTrue(allowed > 0, shown.name() + " allows nothing?");
            }
        }
    }

    private static List<String> halfOpen(Evaluated evaluated) {
        return pairs(evaluated).pairs().stream().filter(PairVerdicts.Pair::halfOpen).map(PairVerdicts.Pair::key).toList();
    }

    private static PairVerdicts pairs(Evaluated evaluated) {
        return evaluated.picture().pairs();
    }

    private static GraphEdge drawn(Evaluated evaluated, String key) {
        return evaluated.picture().graph().edges().stream().filter(edge -> edge.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not drawn: " + evaluated.picture().graph().edges().stream()
                        .map(GraphEdge::key).toList()));
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An address block a Calico rule names, clicked in the picture, lists that rule. Lesson 10 step 4: the
 * GlobalNetworkSet threat-feed (labelled threat: high) holds 203.0.113.0/24, and security.block-threats
 * denies "source: selector: threat == 'high'" — Calico's docs (https://docs.tigera.io/calico/latest/reference/resources/globalnetworkset):
 * "A global network set ... can be matched by label selectors in policy rules". The pane said "No rule names it".
 */
class CalicoAddressNodeTest {

    @Test
    void aBlockInANetworkSetNamesTheCalicoRuleThatPicksItsSet() throws Exception {
        Evaluated step4 = TutorialSteps.open(Path.of("sample-clusters/10-calico-tiers"), 4, false, Set.of(), "ext:203.0.113.0/24");

        String text = SelectionDetails.describe(new Selection.Node("ext:203.0.113.0/24"), step4).text();

        assertTrue(text.contains("Rules that name it"), text);
        assertFalse(text.contains("No rule names it"), text);
        assertTrue(text.contains("ingress rule 1: Deny (through GlobalNetworkSet threat-feed)"), text);
    }
}

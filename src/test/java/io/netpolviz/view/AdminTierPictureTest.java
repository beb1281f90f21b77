package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.load.ManifestLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default picture of lesson 07 tells its story: a NetworkPolicy rule that an Admin-tier Deny
 * overrides is a blocked pair a rule names, drawn with an edge of its own that the student can
 * click, as the step's guide asks ("staging/tester → prod/db is now ✗ blocked. Click the edge").
 */
class AdminTierPictureTest {

    private static final Path LESSON = Path.of("sample-clusters/07-admin-tiers");

    @Test
    void aNetworkPolicyAllowAnAdminDenyOverridesIsDrawnAsItsOwnBlockedEdge() throws Exception {
        StepSequence steps = StepSequence.detect(LESSON).orElseThrow();
        ReadabilityPictures.Shown first = ReadabilityPictures.ofWorkloads("step 1", ReadabilityPictures.Kind.LESSON,
                new ManifestLoader().load(steps.pathsUpTo(1)), null);
        GraphEdge allowed = first.picture().graph().edges().stream().filter(edge -> edge.key().equals("staging/tester->prod/db"))
                .findFirst().orElseThrow(() -> new AssertionError("step 1 draws the allowed path"));
        assertTrue(allowed.anyAllowed(), allowed.toString());

        ReadabilityPictures.Shown second = ReadabilityPictures.ofWorkloads("step 2", ReadabilityPictures.Kind.LESSON,
                new ManifestLoader().load(steps.pathsUpTo(2)), null);
        GraphEdge denied = second.picture().graph().edges().stream().filter(edge -> edge.key().equals("staging/tester->prod/db"))
                .findFirst().orElseThrow(() -> new AssertionError("the overridden allow has no edge of its own: "
                        + second.picture().graph().edges().stream().map(GraphEdge::key).toList()));
        assertFalse(denied.anyAllowed(), denied.toString());
        assertTrue(second.picture().pairs().pair("staging/tester->prod/db").halfOpen(), "a rule names it and it stays blocked");
    }
}

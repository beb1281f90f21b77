package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code analyze} marks the allowed ports on which a Cilium L7 rule filters requests at run time,
 * as the edge labels do: lesson 11's step 2 (Cilium's sw_l3_l4_l7_policy.yaml) lets the Empire
 * land on TCP 80, where only {@code POST /v1/request-landing} passes.
 */
class AnalyzeRunTimeFilterTest {

    private static final String STEP1 = "sample-clusters/11-cilium-deny/1-star-wars";
    private static final String STEP2 = "sample-clusters/11-cilium-deny/2-l3-l4-l7";

    @Test
    void theTextTableMarksPort80OfTheImperialShipsAndSaysWhatTheMarkMeans() {
        CliRun run = CliRun.of("analyze", STEP1, STEP2);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("default/tiefighter  default/deathstar   TCP 80 L7\n"), run.out());
        assertTrue(run.out().contains("default/xwing       default/deathstar   none\n"), run.out());
        assertTrue(run.out().contains("default/xwing       default/tiefighter  all\n"), run.out());
        assertTrue(run.out().contains(RunTimeFilterMarks.MEANING), run.out());
    }

    @Test
    void jsonNamesTheFilteredPortsOnlyWhereThereAreSome() {
        String out = CliRun.of("analyze", STEP1, STEP2, "--format", "json").out();
        assertTrue(out.contains("\"to\": \"default/deathstar\",\n      \"allowed\": [\"TCP 80\"],\n      \"filteredAtRunTime\": [\"TCP 80\"]"), out);
        assertEquals(2, out.split("filteredAtRunTime", -1).length - 1, "tiefighter and the deathstar's second pod: " + out);
    }

    @Test
    void withoutAnL7RuleNothingIsMarked() {
        CliRun run = CliRun.of("analyze", STEP1);
        assertFalse(run.out().contains("L7"), run.out());
        assertFalse(CliRun.of("analyze", STEP1, "--format", "json").out().contains("filteredAtRunTime"));
    }
}

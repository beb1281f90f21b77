package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legend of a picture drawn with stand-ins says what a dashed workload box is; a picture of real workloads has no such entry. */
class StandInLegendTest {

    private static final String ENTRY = "stand-in: pods a policy names, no manifest read";

    @TempDir
    Path dir;

    @Test
    void aPolicyOnlyPictureExplainsItsStandInsInTheLegend() throws IOException {
        Path recipes = dir.resolve("recipes.svg");
        Path lesson = dir.resolve("lesson.svg");
        assertEquals(0, CliRun.of("export", "src/test/resources/policy-only/recipes", "--svg", recipes.toString()).exitCode());
        assertEquals(0, CliRun.of("export", "sample-clusters/02-cross-namespace", "--svg", lesson.toString()).exitCode());

        assertTrue(Files.readString(recipes).contains(ENTRY), "the stand-ins' legend entry");
        assertFalse(Files.readString(lesson).contains(ENTRY), "no stand-ins, no entry");
    }
}

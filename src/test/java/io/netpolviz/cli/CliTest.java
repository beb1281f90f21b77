package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static final String TUTORIAL = "sample-clusters/01-tutorial";

    /** Step 3 of the tutorial lesson: the later steps' policies switched off. */
    @Test
    void versionNamesTheBuildMavenMadeAndJava() {
        for (String word : new String[] {"--version", "version", "-V"}) {
            CliRun run = CliRun.of(word);
            assertEquals(0, run.exitCode(), run.err());
            // The pom's version, filled in at build time: never the placeholder, never "unknown" in a build.
            assertTrue(run.out().matches("NetPolViz \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)\n"), run.out());
        }
    }

    @Test
    void explainSaysTheTutorialsFrontendIsBlockedByItsOwnEgress() {
        CliRun run = CliRun.of("explain", TUTORIAL, "production/frontend", "production/backend-api", "8080/TCP",
                "--off", "production/allow-frontend-egress-to-api", "--off", "production/allow-api-egress-to-database",
                "--off", "production/allow-database-from-api", "--off", "production/allow-dns-egress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Verdict: DENIED"), run.out());
        assertTrue(run.out().contains("Egress is isolated by production/deny-all"), run.out());
        assertTrue(run.out().contains("Admitted by production/allow-frontend-to-api ingress rule #0"), run.out());
        assertTrue(run.out().contains("add an egress rule to a policy that selects production/frontend"), run.out());
    }

    @Test
    void explainAfterTheEgressHalvesSaysAllowed() {
        CliRun run = CliRun.of("explain", TUTORIAL, "production/frontend", "production/backend-api", "8080/TCP");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Verdict: ALLOWED"), run.out());
    }

    @Test
    void checkAnswersGoodLinesAndNamesBadOnes() {
        String probes = String.join("\n",
                "production/frontend\tproduction/backend-api\t8080\tTCP",
                "production/nope\tproduction/backend-api\t8080\tTCP",
                "production/frontend\tproduction/backend-api\t99999\tTCP",
                "just one column",
                "production/frontend\tproduction/backend-api\t8080\tICMP",
                "production/frontend\text:not-an-ip\t443\tTCP",
                "production/frontend\tproduction/database\t5432\tTCP") + "\n";
        CliRun run = CliRun.withInput(probes, "check", "--manifests", TUTORIAL, "--probes", "-", "--explain");
        assertEquals(1, run.exitCode());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].startsWith("production/frontend\tproduction/backend-api\t8080\tTCP\tallow\tallowed: "), lines[0]);
        assertTrue(lines[1].startsWith("production/frontend\tproduction/database\t5432\tTCP\tdeny\tdenied: "), lines[1]);
        for (int line = 2; line <= 6; line++) {
            assertTrue(run.err().contains("probes line " + line + ": error: "), "line " + line + " reported: " + run.err());
        }
        assertTrue(run.err().contains("unknown endpoint 'production/nope'"), run.err());
    }

    @Test
    void checkReadsProbesFromAFile(@TempDir Path dir) throws IOException {
        Path probes = dir.resolve("probes.tsv");
        Files.writeString(probes, "# comment\n\nstaging/test-runner\tproduction/backend-api\t8080\tTCP\n");
        CliRun run = CliRun.of("check", "--manifests", TUTORIAL, "--probes", probes.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("staging/test-runner\tproduction/backend-api\t8080\tTCP\tallow\n", run.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of().exitCode());
        assertEquals(2, CliRun.of("frobnicate").exitCode());
        assertEquals(2, CliRun.of("analyze", TUTORIAL, "--format", "xml").exitCode());
        assertEquals(2, CliRun.of("analyze").exitCode());
        assertEquals(2, CliRun.of("check", "--manifests", TUTORIAL).exitCode());
        assertEquals(2, CliRun.of("explain", TUTORIAL, "production/frontend", "production/backend-api", "http").exitCode());
        assertEquals(2, CliRun.of("analyze", TUTORIAL, "--off", "production/no-such-policy").exitCode());
        assertEquals(0, CliRun.of("help").exitCode());
    }

    @Test
    void brokenManifestsExitWithOneAndStillReport(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: c\n    image: x\n");
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n");
        CliRun run = CliRun.of("analyze", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("default/web"), run.out());
        assertTrue(run.out().contains("bad.yaml:"), run.out());
    }

    @Test
    void whatIfSwitchOffChangesTheAnswer() {
        CliRun on = CliRun.withInput("production/frontend\tproduction/backend-api\t8080\tTCP\n",
                "check", "--manifests", TUTORIAL, "--probes", "-", "--off", "production/allow-frontend-egress-to-api");
        assertTrue(on.out().endsWith("\tdeny\n"), on.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"txt", "json", "csv", "md", "dot"})
    void analyzeFormatsMatchTheirGoldenFiles(String format) throws IOException {
        CliRun run = CliRun.of("analyze", TUTORIAL, "--format", format);
        assertEquals(0, run.exitCode(), run.err());
        Golden.assertMatches("analyze-tutorial." + format, run.out());
        assertEquals(run.out(), CliRun.of("analyze", TUTORIAL, "--format", format).out(), "deterministic");
    }
}

package io.netpolviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lint} prints the app's warnings and nothing else, with an exit code a CI step can gate on. */
class LintCommandTest {

    private static final String TUTORIAL = "sample-clusters/01-tutorial";

    @Test
    void theTutorialsHalfOpenPathIsAWarningAndExitsFour() {
        CliRun run = CliRun.of("lint", TUTORIAL);

        assertEquals(LintCommand.FOUND, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("warning: production/database may send to production/backend-api on TCP 5432"), run.out());
        assertTrue(run.out().endsWith("1 warning.\n"), run.out());
    }

    /**
     * The bank allows DNS to every namespace ({@code to: [{namespaceSelector: {}}]}, port 53) and each service
     * admits only its callers: that DNS rule names no service, so the 130 pairs it cannot open are no mistake.
     * The one rule written for a pair that does not work is: statements' egress names the ledger, whose ingress
     * forgot it.
     */
    @Test
    void aRuleForEveryPodIsNoHalfOpenPathButARuleNamingThePeerIs() {
        CliRun run = CliRun.of("lint", "src/test/resources/apps/bank");

        assertEquals(LintCommand.FOUND, run.exitCode(), run.err());
        assertEquals(java.util.List.of("warning: core/statements may send to core/ledger on TCP 8080, but core/ledger's ingress is isolated by "
                + "core/default-deny, core/ledger-ingress and does not admit it, so the connection is blocked. Add an ingress rule for core/ledger."),
                run.out().lines().filter(line -> line.startsWith("warning: ")).toList());
    }

    @Test
    void aLessonWithoutMistakesExitsZero() {
        CliRun run = CliRun.of("lint", "sample-clusters/02-cross-namespace");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("No warnings: none of the usual mistakes found.\n", run.out());
    }

    @Test
    void jsonAndMarkdownCarryEachFindingsKindAndPolicy() {
        CliRun json = CliRun.of("lint", "sample-clusters/05-shop", "--format", "json");
        CliRun md = CliRun.of("lint", "sample-clusters/05-shop", "--format", "md");

        assertTrue(json.out().contains("\"kind\": \"peer-matches-nothing\",\n      \"severity\": \"warning\""), json.out());
        assertTrue(json.out().contains("\"policy\": \"data/redis\""), json.out());
        assertTrue(md.out().startsWith("| severity | kind | policy | message |\n|---|---|---|---|\n| warning | peer-matches-nothing | data/redis |"),
                md.out());
        assertEquals(json.out().split("\"kind\"").length - 1, md.out().lines().count() - 2, "the same findings in both");
    }

    @Test
    void brokenInputIsExitOneEvenWithWarnings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {}\n");

        CliRun run = CliRun.of("lint", dir.toString());

        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(run.err().contains("metadata.name is missing"), run.err());
    }

    @Test
    void analyzePrintsTheSameWarningsOnStandardError() {
        CliRun analyze = CliRun.of("analyze", TUTORIAL, "--format", "csv");
        CliRun lint = CliRun.of("lint", TUTORIAL);

        assertEquals(lint.out().lines().filter(line -> line.startsWith("warning: ")).toList(),
                analyze.err().lines().filter(line -> line.startsWith("warning: ")).toList());
    }

    @Test
    void aPolicyThatLandedInDefaultWhileThePodsLiveElsewhereSaysWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-ingress}
                spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
                """);

        CliRun run = CliRun.of("lint", dir.toString());

        assertEquals(LintCommand.FOUND, run.exitCode(), run.err());
        assertTrue(run.out().contains("default/web-ingress selects no pod: its podSelector app=web matches nothing in namespace default,"
                + " so it has no effect. Namespace default holds no pods; they are in shop. A manifest without metadata.namespace lands"
                + " in default"), run.out());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertEquals(ExitCode.USAGE, CliRun.of("lint", TUTORIAL, "--format", "yaml").exitCode());
    }
}

package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.cluster.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} as a CI job and a reviewer use it: lesson 9's pull request against its main branch
 * from folders, git revisions and a live cluster; the exit codes and {@code --fail-on}; every format;
 * and what it says to a wrong command line or a side it cannot read.
 */
class DiffCommandTest {

    private static final Path LESSON = Path.of("sample-clusters/09-review-a-change");
    private static final String MAIN = LESSON.resolve("main").toString();
    private static final String PULL_REQUEST = LESSON.resolve("pull-request").toString();
    private static final List<String> CSV = List.of("diff-type,source,destination,before,after",
            "added,monitoring/prometheus,shop/api,none,TCP 9090",
            "changed,shop/api,data/redis,TCP 6379,TCP 6379-6380",
            "removed,shop/worker,data/postgres,TCP 5432,none");

    @TempDir
    Path dir;

    @Test
    void thePullRequestAddsChangesAndRemovesOnePairEach() {
        CliRun run = CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "csv");
        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(CSV, run.out().lines().toList());
        assertEquals(run.out(), CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "csv").out(), "same input, same bytes");
    }

    @Test
    void failOnNarrowsTheGateToWhatOpensOrWhatCloses() {
        assertEquals(ExitCode.OK, CliRun.of("diff", MAIN, MAIN).exitCode(), "nothing changed");
        assertEquals(ExitCode.CHANGED, CliRun.of("diff", MAIN, PULL_REQUEST, "--fail-on", "added").exitCode());
        assertEquals(ExitCode.CHANGED, CliRun.of("diff", MAIN, PULL_REQUEST, "--fail-on", "removed").exitCode());
        // Deleting the worker's own policy only closes: its egress stays isolated by default-deny.
        Path onlyClosing = side("closing", MAIN);
        deleteDocument(onlyClosing.resolve("shop-policies.yaml"), "name: worker");
        CliRun closing = CliRun.of("diff", MAIN, onlyClosing.toString(), "--format", "csv");
        assertEquals(ExitCode.CHANGED, closing.exitCode(), closing.out());
        assertEquals(ExitCode.OK, CliRun.of("diff", MAIN, onlyClosing.toString(), "--fail-on", "added").exitCode(), closing.out());
        assertEquals(ExitCode.CHANGED, CliRun.of("diff", MAIN, onlyClosing.toString(), "--fail-on", "removed").exitCode());
    }

    @Test
    void everyFormatCarriesTheSamePairs() {
        CliRun md = CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "md", "--explain");
        assertTrue(md.out().contains("| \u2795 added | `monitoring/prometheus` | `shop/api` | none | TCP 9090 | policy shop/allow-metrics added |"),
                md.out());
        assertTrue(md.out().contains("| \u2796 removed | `shop/worker` | `data/postgres` | TCP 5432 | none | policy shop/worker edited |"), md.out());
        assertTrue(md.out().contains("**1 added, 1 changed, 1 removed**"), md.out());

        CliRun json = CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "json");
        assertTrue(json.out().contains("\"diff-type\": \"changed\",\n      \"source\": \"shop/api\",\n      \"destination\": \"data/redis\",\n"
                + "      \"before\": \"TCP 6379\",\n      \"after\": \"TCP 6379-6380\",\n      \"opened\": \"TCP 6380\",\n      \"closed\": \"none\""),
                json.out());
        assertTrue(json.out().contains("\"summary\": {\n    \"added\": 1,\n    \"removed\": 1,\n    \"changed\": 1\n  }"), json.out());

        CliRun dot = CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "dot");
        assertTrue(dot.out().contains("\"shop/worker\" -> \"data/postgres\" [label=\"\u2212 TCP 5432\""), dot.out());
        assertTrue(dot.out().contains("\"monitoring/prometheus\" -> \"shop/api\" [label=\"+ TCP 9090\""), dot.out());

        CliRun txt = CliRun.of("diff", MAIN, PULL_REQUEST);
        assertTrue(txt.out().contains("changed  shop/api               data/redis             TCP 6379  \u2192  TCP 6379-6380"), txt.out());
    }

    @Test
    void gitRevisionsOfAFolderAreReadFromTheRepositoryWithoutACheckout() throws Exception {
        Path work = dir.resolve("repo");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            copyInto(Path.of(MAIN), deploy);
            commit(git, "as deployed");
            copyInto(Path.of(PULL_REQUEST), deploy);
            commit(git, "the pull request");
        }
        // The working tree moves on: the revisions still hold what they held.
        Files.writeString(deploy.resolve("shop-policies.yaml"), "not: [valid");

        CliRun run = CliRun.of("diff", "git:HEAD~1:" + deploy, "git:main:" + deploy, "--format", "csv");
        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(CSV, run.out().lines().toList());

        CliRun fromWorkingTree = CliRun.of("diff", "git:HEAD:" + deploy, deploy.toString(), "--format", "csv");
        assertEquals(ExitCode.INPUT_ERRORS, fromWorkingTree.exitCode(), "the broken file in the working tree is an input error");
        assertTrue(fromWorkingTree.err().contains("after: " + deploy.resolve("shop-policies.yaml")), fromWorkingTree.err());

        CliRun missing = CliRun.of("diff", "git:v9:" + deploy, "git:HEAD:" + deploy);
        assertEquals(ExitCode.INPUT_ERRORS, missing.exitCode());
        assertTrue(missing.err().contains("before side git:v9:" + deploy + ": revision 'v9' does not exist"), missing.err());
        CliRun noFolder = CliRun.of("diff", "git:HEAD:" + work.resolve("charts"), "git:HEAD:" + deploy);
        assertTrue(noFolder.err().contains("charts does not exist at revision 'HEAD'"), noFolder.err());
    }

    @Test
    void aLiveClusterIsComparedWithTheFolderThatWouldBeApplied() throws IOException {
        try (MockCluster cluster = MockCluster.start()) {
            Path kubeconfig = cluster.kubeconfig(dir);
            cluster.applyFolder(Path.of(MAIN));

            CliRun run = CliRun.of("diff", "cluster", PULL_REQUEST, "--kubeconfig", kubeconfig.toString(), "--format", "csv");
            assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
            assertEquals(CSV, run.out().lines().toList());

            CliRun named = CliRun.of("diff", "cluster:" + MockCluster.CONTEXT, PULL_REQUEST, "--before-kubeconfig", kubeconfig.toString(),
                    "--format", "csv");
            assertEquals(CSV, named.out().lines().toList(), named.err());
        }
    }

    @Test
    void usageErrorsSayWhatIsWrongAndExitWithTwo() {
        assertUsage(CliRun.of("diff", MAIN), "give two sides, BEFORE and AFTER (got 1)");
        assertUsage(CliRun.of("diff", MAIN, PULL_REQUEST, "--format", "xml"), "unknown format 'xml'");
        assertUsage(CliRun.of("diff", MAIN, PULL_REQUEST, "--fail-on", "some"), "--fail-on some: use added");
        assertUsage(CliRun.of("diff", MAIN, PULL_REQUEST, "--kubeconfig", "k"), "--kubeconfig goes with a side written cluster");
        assertUsage(CliRun.of("diff", MAIN, "cluster", "--before-namespace", "shop"), "--before-namespace goes with a before side written cluster");
        assertUsage(CliRun.of("diff", "cluster", "cluster"), "both sides read the same cluster");
        assertUsage(CliRun.of("diff", "git::deploy", MAIN), "names no revision");
        assertUsage(CliRun.of("diff", "cluster:", MAIN), "names no context");
    }

    @Test
    void helpSaysHowToWriteASideAndWhatTheExitCodesMean() {
        CliRun help = CliRun.of("diff", "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("git:REV:PATH") && help.out().contains("cluster:CONTEXT") && help.out().contains("--before-kubeconfig")
                && help.out().contains("3 connectivity changed"), help.out());
    }

    @Test
    void aSideThatCannotBeReadIsNamedAndExitsWithOne() {
        CliRun run = CliRun.of("diff", MAIN, dir.resolve("missing").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("after side " + dir.resolve("missing") + ": " + dir.resolve("missing") + " does not exist"), run.err());
    }

    @Test
    void aBrokenFileIsReportedWithItsSideAndTheRestIsStillCompared() throws IOException {
        Path broken = side("broken", PULL_REQUEST);
        Files.writeString(broken.resolve("extra.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: [oops]}\n");
        CliRun run = CliRun.of("diff", MAIN, broken.toString(), "--format", "csv");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), "input errors win over the change gate");
        assertEquals(CSV, run.out().lines().toList());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("after: " + broken.resolve("extra.yaml") + ":3:")), run.err());
    }

    private static void assertUsage(CliRun run, String message) {
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("usage: netpolviz diff BEFORE AFTER"), run.err());
    }

    private Path side(String name, String from) {
        try {
            Path copy = Files.createDirectories(dir.resolve(name));
            copyInto(Path.of(from), copy);
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes the YAML document of a file that contains {@code marker}. */
    private static void deleteDocument(Path file, String marker) {
        try {
            String[] documents = Files.readString(file).split("\n---\n");
            StringBuilder kept = new StringBuilder();
            for (String document : documents) {
                if (!document.contains(marker)) {
                    kept.append(kept.length() == 0 ? "" : "\n---\n").append(document);
                }
            }
            Files.writeString(file, kept.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

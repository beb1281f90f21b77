package io.netpolviz.cli;

import io.netpolviz.cluster.MockCluster;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live command that succeeds prints its answer and its own warnings, nothing else: no logging
 * provider's notices, no stack trace from the HTTP client shutting down after {@code main} returns. Those
 * come from a real JVM's exit, so the CLI runs here as its own process, several times, since the
 * shutdown race it guards against did not show on every run.
 */
class QuietExitTest {

    @TempDir
    Path dir;

    @Test
    void aSuccessfulLiveCommandLeavesStandardErrorEmptyAtExit() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.applyFolder(Path.of("sample-clusters/01-tutorial"));
            Path kubeconfig = cluster.kubeconfig(dir);
            for (int run = 0; run < 2; run++) {
                Process process = new ProcessBuilder(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        "io.netpolviz.Main", "analyze", "--kubeconfig", kubeconfig.toString(), "--format", "csv"))
                        .redirectOutput(dir.resolve("out-" + run + ".csv").toFile())
                        .redirectError(dir.resolve("err-" + run + ".txt").toFile())
                        .start();
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ends");
                String err = java.nio.file.Files.readString(dir.resolve("err-" + run + ".txt"), StandardCharsets.UTF_8);
                String out = java.nio.file.Files.readString(dir.resolve("out-" + run + ".csv"), StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), err);
                assertTrue(out.contains("production/frontend,production/backend-api,TCP 8080"), out);
                // NetPolViz's own lines only (the tutorial's half-open path is a warning): no logging provider's notice,
                // no stack trace of the HTTP client ending.
                assertTrue(err.lines().allMatch(line -> line.startsWith("warning: ") || line.startsWith("note: ")),
                        "run " + run + ": only NetPolViz's warnings on standard error:\n" + err);
                assertTrue(err.contains("warning: production/database may send to production/backend-api"), err);
            }
        }
    }

    private static String javaBinary() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}

package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure inside NetPolViz (here: standard input that breaks with an unchecked exception while
 * {@code check} reads its probes, which no command foresees) exits 70, never 1 (the input had
 * errors), says it is a bug and how to report it, and shows the stack trace only with --verbose.
 */
class InternalFailureTest {

    private static final String LESSON = "sample-clusters/01-tutorial/3-tutorial-allows";

    @Test
    void anUnexpectedFailureExitsSeventyWithAShortMessageAndNoStackTrace() {
        CliRun run = runWithBrokenInput("check", "--manifests", LESSON, "--probes", "-");

        assertEquals(70, run.exitCode());
        assertTrue(run.err().contains("netpolviz check: internal error: java.lang.IllegalStateException: the input broke"), run.err());
        assertTrue(run.err().contains("This is a bug in NetPolViz"), run.err());
        assertTrue(run.err().contains("--verbose for the stack trace"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run.err());
    }

    @Test
    void verboseAnywhereOnTheLineAddsTheStackTrace() {
        CliRun run = runWithBrokenInput("check", "--verbose", "--manifests", LESSON, "--probes", "-");

        assertEquals(70, run.exitCode());
        assertTrue(run.err().contains("\tat io.netpolviz.cli.CheckCommand"), run.err());
    }

    @Test
    void verboseIsNoUnknownOptionForAnOrdinaryCommand() {
        CliRun run = CliRun.of("--verbose", "analyze", "sample-clusters/01-tutorial/1-wide-open");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("production/frontend"), run.out());
    }

    @Test
    void theHelpNamesTheCodeForAFailureInside() {
        assertTrue(CliRun.of("help").out().contains("70 a failure inside NetPolViz"));
    }

    private static CliRun runWithBrokenInput(String... args) {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("the input broke");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(broken, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

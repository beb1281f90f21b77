package io.netpolviz.cli;

import io.netpolviz.view.ProductVersion;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the user reads when a command fails inside NetPolViz rather than on its input: a short
 * message that says it is a bug and how to report it, and the stack trace only when asked for
 * with {@code --verbose}, so that a normal run never ends in forty lines of Java.
 */
final class InternalFailure {

    /** Where a report goes, and what it needs. */
    static final String HOW_TO_REPORT = "This is a bug in NetPolViz, not a problem with your input. Please report it to the "
            + "NetPolViz project's issue tracker with the command line, the output of the same command run with "
            + Cli.VERBOSE + ", and \"" + ProductVersion.line() + "\".";

    private InternalFailure() {
    }

    static void report(String command, Throwable bug, boolean verbose, Terminal terminal) {
        terminal.printErrorLine("netpolviz " + command + ": internal error: " + bug);
        terminal.printErrorLine(HOW_TO_REPORT);
        if (verbose) {
            StringWriter trace = new StringWriter();
            bug.printStackTrace(new PrintWriter(trace));
            terminal.printErrorLine(trace.toString().replace("\r\n", "\n").stripTrailing());
        } else {
            terminal.printErrorLine("(run it again with " + Cli.VERBOSE + " for the stack trace)");
        }
        terminal.err().flush();
    }
}

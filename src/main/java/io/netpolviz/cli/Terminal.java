package io.netpolviz.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a command reads and writes: the real console, or streams a test captures. Lines end with
 * {@code \n} on every platform, never the platform's separator, so that the same input gives the
 * same bytes everywhere (golden files, diffs between machines).
 */
record Terminal(InputStream in, PrintStream out, PrintStream err) {

    /** Writes {@code text} and {@code \n} to standard output. */
    void printLine(Object text) {
        printLine(out, text);
    }

    /** Writes {@code text} and {@code \n} to standard error. */
    void printErrorLine(Object text) {
        printLine(err, text);
    }

    /** Writes {@code text} and {@code \n} to {@code stream}. */
    static void printLine(PrintStream stream, Object text) {
        stream.print(text + "\n");
    }
}

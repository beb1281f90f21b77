package io.netpolviz.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads and writes: the real console, or streams a test captures. */
record Terminal(InputStream in, PrintStream out, PrintStream err) {
}

package io.netpolviz.load;

/**
 * Where a line of a text that was read came from: itself for a file, the line of the Helm template
 * that produced it for a rendered chart ({@link TemplateLines}), so diagnostics point into what the
 * user wrote.
 */
@FunctionalInterface
interface LineMap {

    LineMap SAME = line -> line;

    /** The 1-based line written by the user that the 1-based line {@code read} stands for. */
    int sourceLine(int read);
}

package io.netpolviz.cli;

/** The CLI's exit codes. */
final class ExitCode {

    /** Done. */
    static final int OK = 0;
    /** The input (manifests or probes) had errors, or policies of a kind NetPolViz does not evaluate; the results were still printed. */
    static final int INPUT_ERRORS = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** {@code diff}: the two sides' connectivity differs (as far as {@code --fail-on} asks), so a CI job can gate on it. */
    static final int CHANGED = 3;

    private ExitCode() {
    }
}

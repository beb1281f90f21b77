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
    /**
     * A failure inside NetPolViz (a bug, not bad input): 70, BSD's {@code EX_SOFTWARE}, so that a
     * script can tell it from every answer a command gives on purpose.
     */
    static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}

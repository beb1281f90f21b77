package io.netpolviz.cli;

import java.util.Set;

/** One CLI command: its name, its usage line, the options it takes, and what it does. */
interface Command {

    String name();

    /** One line: the synopsis, as the help lists it. */
    String usage();

    /** Options that take no value. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Options that take a value. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Runs the command and returns the exit code. */
    int run(Arguments arguments, Terminal terminal) throws UsageException;
}

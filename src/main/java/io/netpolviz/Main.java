package io.netpolviz;

import io.netpolviz.cli.Cli;
import io.netpolviz.ui.DesktopLauncher;
import java.util.List;
import java.util.Locale;

/**
 * The entry point: a command runs the CLI, anything else (nothing, or paths to open) opens the
 * desktop app. It does not extend {@code Application}, so the JavaFX runtime also starts from a
 * plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        // --verbose is a switch of the whole program, the app's as much as each command's.
        boolean verbose = arguments.contains(Cli.VERBOSE);
        Logging.configure(verbose);
        List<String> rest = arguments.stream().filter(arg -> !arg.equals(Cli.VERBOSE)).toList();
        if (!rest.isEmpty() && isCliCommand(rest.get(0))) {
            System.exit(new Cli(System.in, System.out, System.err).run(arguments));
        }
        DesktopLauncher.launch(rest.toArray(String[]::new));
    }

    /**
     * Whether the first argument names a CLI command (or the help), in any case, so that a
     * mistyped {@code Check} gets the CLI's "unknown command" rather than the GUI trying to open a
     * file of that name; otherwise it is a path for the GUI to open.
     */
    public static boolean isCliCommand(String firstArgument) {
        return firstArgument != null
                && Cli.isCommand(firstArgument.toLowerCase(Locale.ROOT));
    }
}

package io.netpolviz;

import io.netpolviz.cli.Cli;
import io.netpolviz.ui.DesktopLauncher;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The entry point: a command runs the CLI, anything else (nothing, or paths to open) opens the
 * desktop app. It does not extend {@code Application}, so the JavaFX runtime also starts from a
 * plain class path.
 */
public final class Main {

    /**
     * Command words that are never paths, even before the CLI implements them all: the CLI answers
     * them (with "unknown command" and its help if need be) instead of the GUI trying to open them.
     */
    private static final Set<String> RESERVED_COMMANDS = Set.of(
            "check", "analyze", "explain", "export", "generate", "bench", "watch", "snapshot",
            "help", "--help", "-h", "version", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure();
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && isCliCommand(arguments.get(0))) {
            System.exit(new Cli(System.in, System.out, System.err).run(arguments));
        }
        DesktopLauncher.launch(args);
    }

    /** Whether the first argument names a CLI command; otherwise it is a path for the GUI to open. */
    public static boolean isCliCommand(String firstArgument) {
        return firstArgument != null
                && (Cli.isCommand(firstArgument) || RESERVED_COMMANDS.contains(firstArgument.toLowerCase(Locale.ROOT)));
    }
}

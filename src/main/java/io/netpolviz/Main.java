package io.netpolviz;

import io.netpolviz.ui.DesktopLauncher;
import java.util.Locale;
import java.util.Set;

/**
 * The entry point: a known command runs the command-line interface, anything else (nothing, or
 * paths to open) opens the desktop app. It does not extend {@code Application}, so the shaded jar
 * starts on a plain classpath.
 */
public final class Main {

    /** The first words that mean "run the CLI" rather than "open this path in the GUI". */
    private static final Set<String> CLI_COMMANDS = Set.of(
            "check", "analyze", "explain", "export", "generate", "bench", "watch", "snapshot",
            "help", "--help", "-h", "version", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && isCliCommand(args[0])) {
            System.exit(runCli(args));
        }
        DesktopLauncher.launch(args);
    }

    /** Whether the first argument names a CLI command; otherwise it is a path for the GUI to open. */
    public static boolean isCliCommand(String firstArgument) {
        return firstArgument != null && CLI_COMMANDS.contains(firstArgument.toLowerCase(Locale.ROOT));
    }

    /** The CLI's dispatch: the one line to replace once {@code io.netpolviz.cli} exists. */
    private static int runCli(String[] args) {
        System.err.println("netpolviz: the command '" + args[0] + "' is not available in this build");
        return 2;
    }
}

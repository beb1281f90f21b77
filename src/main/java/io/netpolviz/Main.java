package io.netpolviz;

import io.netpolviz.cli.Cli;
import java.util.List;

/**
 * The entry point: a command runs the CLI, anything else opens the desktop app. It does not
 * extend {@code Application}, so the JavaFX runtime also starts from a plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && Cli.isCommand(arguments.get(0))) {
            System.exit(new Cli(System.in, System.out, System.err).run(arguments));
        }
        System.err.println("The desktop app is not part of this build yet; run a command (help lists them).");
        System.exit(2);
    }
}

package io.netpolviz.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headless front door: dispatches a command line to a command and returns its exit code. */
public final class Cli {

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Terminal terminal;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this.terminal = new Terminal(in, out, err);
        for (Command command : List.of(new CheckCommand(), new AnalyzeCommand(), new ExplainCommand(), new ExportCommand(),
                new WatchCommand(), new SnapshotCommand(), new GenerateCommand(), new BenchCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** Whether {@code word} names a command (so {@code Main} knows not to open the GUI). */
    public static boolean isCommand(String word) {
        return new Cli(InputStream.nullInputStream(), System.out, System.err).commands.containsKey(word)
                || word.equals("help") || word.equals("--help") || word.equals("-h");
    }

    public int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            printHelp(terminal.out());
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            terminal.err().println("netpolviz: unknown command '" + args.get(0) + "'");
            printHelp(terminal.err());
            return ExitCode.USAGE;
        }
        try {
            Arguments arguments = Arguments.parse(args.subList(1, args.size()), command.flags(), command.valuedOptions());
            int code = command.run(arguments, terminal);
            terminal.out().flush();
            return code;
        } catch (LiveClusterSource.ClusterUnavailable e) {
            terminal.err().println("netpolviz " + command.name() + ": " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        } catch (UsageException e) {
            terminal.err().println("netpolviz " + command.name() + ": " + e.getMessage());
            terminal.err().println("usage: netpolviz " + command.usage());
            return ExitCode.USAGE;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("NetPolViz: see what Kubernetes NetworkPolicies really allow.");
        out.println();
        out.println("usage: java -jar netpolviz.jar [PATH...]          open the desktop app (a lesson opens at step 1)");
        out.println("       java -jar netpolviz.jar COMMAND [OPTIONS]");
        out.println();
        out.println("commands:");
        for (Command command : commands.values()) {
            out.println("  " + command.usage());
        }
        out.println();
        out.println("exit codes: 0 done, 1 the input had errors (results still printed), 2 usage error");
    }
}

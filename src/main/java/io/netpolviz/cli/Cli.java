package io.netpolviz.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headless front door: dispatches a command line to a command and returns its exit code. */
public final class Cli {

    /** The words that ask for the help rather than for a command. */
    private static final List<String> HELP_WORDS = List.of("help", "--help", "-h");
    private static final List<String> VERSION_WORDS = List.of("version", "--version", "-V");
    /** The switch, anywhere on the line, that turns the log on and shows an internal failure's stack trace. */
    public static final String VERBOSE = "--verbose";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Terminal terminal;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this.terminal = new Terminal(in, out, err);
        for (Command command : everyCommand()) {
            commands.put(command.name(), command);
        }
    }

    /** The command registry: every command, in the order the help lists them. */
    private static List<Command> everyCommand() {
        return List.of(new CheckCommand(), new AnalyzeCommand(), new ExplainCommand(), new SuggestCommand(), new PathsCommand(),
                new ReachCommand(), new LintCommand(), new ExportCommand(), new DiffCommand(), new WatchCommand(), new SnapshotCommand(),
                new GenerateCommand(), new BenchCommand());
    }

    /** Whether {@code word} names a command or asks for the help (so {@code Main} knows not to open the GUI). */
    public static boolean isCommand(String word) {
        return HELP_WORDS.contains(word) || VERSION_WORDS.contains(word) || everyCommand().stream().anyMatch(command -> command.name().equals(word));
    }

    public int run(List<String> commandLine) {
        boolean verbose = commandLine.contains(VERBOSE);
        List<String> args = commandLine.stream().filter(arg -> !arg.equals(VERBOSE)).toList();
        if (!args.isEmpty() && VERSION_WORDS.contains(args.get(0))) {
            terminal.printLine(io.netpolviz.view.ProductVersion.line());
            return ExitCode.OK;
        }
        if (args.isEmpty() || HELP_WORDS.contains(args.get(0))) {
            printHelp(terminal.out());
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            terminal.printErrorLine("netpolviz: unknown command '" + args.get(0) + "'");
            printHelp(terminal.err());
            return ExitCode.USAGE;
        }
        if (args.size() == 2 && HELP_WORDS.contains(args.get(1))) {
            // "diff --help": the command's own usage, which says what its options and sides mean.
            terminal.printLine("usage: netpolviz " + command.usage());
            return ExitCode.OK;
        }
        try {
            Arguments arguments = Arguments.parse(args.subList(1, args.size()), command.flags(), command.valuedOptions());
            int code = command.run(arguments, terminal);
            terminal.out().flush();
            return code;
        } catch (LiveClusterSource.ClusterUnavailable e) {
            terminal.printErrorLine("netpolviz " + command.name() + ": " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        } catch (UsageException e) {
            terminal.printErrorLine("netpolviz " + command.name() + ": " + e.getMessage());
            terminal.printErrorLine("usage: netpolviz " + command.usage());
            return ExitCode.USAGE;
        } catch (RuntimeException | Error bug) {
            InternalFailure.report(command.name(), bug, verbose, terminal);
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private void printHelp(PrintStream out) {
        StringBuilder help = new StringBuilder()
                .append("NetPolViz: see what Kubernetes NetworkPolicies really allow.\n\n")
                .append("usage: java -jar netpolviz.jar [PATH...]          open the desktop app (a lesson opens at step 1)\n")
                .append("       java -jar netpolviz.jar COMMAND [OPTIONS]\n\n")
                .append("commands:\n");
        for (Command command : commands.values()) {
            help.append("  ").append(command.usage()).append('\n');
        }
        help.append("\nexit codes: 0 done, 1 the input had errors (results still printed), 2 usage error, 3 diff: connectivity changed, 4 lint: warnings found,\n"
                + "            70 a failure inside NetPolViz (a bug: please report it)\n"
                + "options of every command: --verbose  log what NetPolViz does to standard error, and show a failure's stack trace\n");
        out.print(help);
    }
}

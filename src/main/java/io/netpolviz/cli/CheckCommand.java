package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: answers probe lines {@code SRC<TAB>DST<TAB>PORT<TAB>PROTOCOL} with a fifth
 * column, {@code allow} or {@code deny}, and with {@code --explain} a sixth with the reason. An
 * endpoint may be a workload, a bare pod or one pod of a workload; a workload whose pods do not all
 * carry its template's labels is answered for each group of its pods in the sixth column, and the
 * fifth says {@code mixed} when they disagree. A bad line gets an error naming its line number; the
 * other probes are still answered.
 */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check (--manifests PATH | --kubeconfig FILE [--context NAME] [--namespace NS]...) --probes FILE|- [--explain] [--off NS/POLICY]...";
    }

    @Override
    public Set<String> flags() {
        return Set.of("explain");
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(SourceOptions.VALUED);
        options.add("manifests");
        options.add("probes");
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + arguments.positional().get(0) + "'");
        }
        String probesPath = arguments.option("probes").orElseThrow(() -> new UsageException("--probes FILE is required (use - for standard input)"));
        List<String> lines = readProbes(probesPath, terminal);
        ClusterSnapshot snapshot = SourceOptions.load(arguments.options("manifests"), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate(SourceOptions.switchedOff(arguments, snapshot));
        Explainer explainer = new Explainer(evaluation);
        boolean explain = arguments.flag("explain");
        int badLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Optional<String> answer = answer(line, i + 1, engine, evaluation, explainer, explain, terminal);
            if (answer.isPresent()) {
                terminal.printLine(answer.get());
            } else {
                badLines++;
            }
        }
        return badLines > 0 || !snapshot.isComplete() ? ExitCode.INPUT_ERRORS : ExitCode.OK;
    }

    private static List<String> readProbes(String path, Terminal terminal) throws UsageException {
        try {
            if (path.equals("-")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
                return lines;
            }
            return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("cannot read probes from '" + path + "': " + e.getMessage());
        }
    }

    private static Optional<String> answer(String line, int number, PolicyEngine engine, Evaluation evaluation,
                                           Explainer explainer, boolean explain, Terminal terminal) {
        String[] columns = line.split("\t", -1);
        if (columns.length < 4) {
            return error(terminal, number, "expected 4 tab-separated columns SRC, DST, PORT, PROTOCOL; found " + columns.length);
        }
        List<Endpoint> sources = engine.resolveAll(columns[0].trim());
        if (sources.isEmpty()) {
            return error(terminal, number, NamedEndpoints.unknown(engine, columns[0].trim()));
        }
        List<Endpoint> destinations = engine.resolveAll(columns[1].trim());
        if (destinations.isEmpty()) {
            return error(terminal, number, NamedEndpoints.unknown(engine, columns[1].trim()));
        }
        int port;
        try {
            port = Integer.parseInt(columns[2].trim());
        } catch (NumberFormatException e) {
            return error(terminal, number, "port '" + columns[2] + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            return error(terminal, number, "port " + port + " is out of range (1-65535)");
        }
        Optional<Protocol> protocol = Protocol.parse(columns[3].trim().toUpperCase(Locale.ROOT));
        if (protocol.isEmpty()) {
            return error(terminal, number, "protocol '" + columns[3] + "' is not TCP, UDP or SCTP");
        }
        String echoed = String.join("\t", columns[0], columns[1], columns[2], columns[3]);
        if (sources.size() == 1 && destinations.size() == 1) {
            Verdict verdict = evaluation.verdict(sources.get(0), destinations.get(0), protocol.get(), port);
            String result = echoed + "\t" + (verdict.allowed() ? "allow" : "deny");
            return Optional.of(explain ? result + "\t" + explainer.oneLine(verdict) : result);
        }
        // A workload whose pods differ is answered pod group by pod group: one word only if they agree.
        List<String> parts = new ArrayList<>();
        Set<Boolean> answers = new HashSet<>();
        for (Endpoint source : sources) {
            for (Endpoint destination : destinations) {
                Verdict verdict = evaluation.verdict(source, destination, protocol.get(), port);
                answers.add(verdict.allowed());
                parts.add((verdict.allowed() ? "allow" : "deny") + " from " + NamedEndpoints.describe(source) + " to "
                        + NamedEndpoints.describe(destination) + (explain ? ": " + explainer.oneLine(verdict) : ""));
            }
        }
        String word = answers.size() > 1 ? "mixed" : answers.contains(true) ? "allow" : "deny";
        return Optional.of(echoed + "\t" + word + "\t" + String.join("; ", parts));
    }

    private static Optional<String> error(Terminal terminal, int number, String message) {
        terminal.printErrorLine("probes line " + number + ": error: " + message);
        return Optional.empty();
    }
}

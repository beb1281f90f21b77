package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of np-guard/netpol-analyzer's scenarios as written anew in
 * {@code src/test/resources/conformance/netpol-analyzer/<scenario>.yaml}: its pods (or
 * {@code # pods: houses}, the conformance houses of {@code conformance/houses.yaml}) and policies,
 * and as {@code # expect: from -> to: ports} lines that project's connectivity list for pod pairs
 * (its lines with an external address are not pod pairs and are left out). Every ordered pair of
 * distinct workloads is compared: a pair no line names must allow nothing.
 */
final class AnalyzerScenario {

    private static final Path DIRECTORY = Path.of("src/test/resources/conformance/netpol-analyzer");

    private final List<String> header = new ArrayList<>();
    private final Evaluation evaluation;

    private AnalyzerScenario(String name) {
        ClusterSnapshot snapshot = snapshot(name, header);
        assertEquals(List.of(), errors(snapshot), name + " loads without errors");
        evaluation = PolicyEngine.compile(snapshot).evaluate();
    }

    /** The scenario's manifests as the loader reads them, errors and all. */
    static ClusterSnapshot snapshot(String name) {
        return snapshot(name, new ArrayList<>());
    }

    static List<String> errors(ClusterSnapshot snapshot) {
        return snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(d -> d.message()).toList();
    }

    private static ClusterSnapshot snapshot(String name, List<String> header) {
        Path file = DIRECTORY.resolve(name + ".yaml");
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#")) {
                    header.add(line.substring(1).trim());
                }
            }
            List<Path> files = new ArrayList<>();
            if (header.contains("pods: houses")) {
                files.add(Path.of("src/test/resources/conformance/houses.yaml"));
            }
            files.add(file);
            return new ManifestLoader().load(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalyzerScenario load(String name) {
        return new AnalyzerScenario(name);
    }

    /** Asserts every pod pair against the scenario's expected list; returns how many pairs were compared. */
    static int check(String name) {
        AnalyzerScenario scenario = load(name);
        Map<String, String> expected = scenario.expected();
        Map<String, String> actual = scenario.allowedPairs();
        assertEquals(expected, actual, name);
        int workloads = scenario.evaluation.engine().workloadEndpoints().size();
        assertFalse(workloads < 2, name + " has pods");
        return workloads * (workloads - 1);
    }

    Evaluation evaluation() {
        return evaluation;
    }

    /**
     * The expected list, each pair's ports written as netpol-analyzer does ({@code all}, {@code TCP 1-79,81-65535,UDP 53}).
     * A {@code # workload: ns/owner = ns/pod-1 ns/pod-2} line expands a workload netpol-analyzer names by its
     * owner to each of our pods; a pair between two of them is not compared (the list cannot show it).
     */
    Map<String, String> expected() {
        Map<String, String> pairs = new TreeMap<>();
        Map<String, List<String>> workloads = workloads();
        for (String line : header) {
            if (line.startsWith("expect: ")) {
                String pair = line.substring("expect: ".length());
                int colon = pair.lastIndexOf(": ");
                String[] ends = pair.substring(0, colon).split(" -> ");
                for (String from : workloads.getOrDefault(ends[0], List.of(ends[0]))) {
                    for (String to : workloads.getOrDefault(ends[1], List.of(ends[1]))) {
                        pairs.put(from + " -> " + to, parse(pair.substring(colon + 2)).display());
                    }
                }
            }
        }
        return pairs;
    }

    private Map<String, List<String>> workloads() {
        Map<String, List<String>> workloads = new TreeMap<>();
        for (String line : header) {
            if (line.startsWith("workload: ")) {
                String[] sides = line.substring("workload: ".length()).split(" = ");
                workloads.put(sides[0], List.of(sides[1].split(" ")));
            }
        }
        return workloads;
    }

    private boolean sameWorkload(String from, String to) {
        return workloads().values().stream().anyMatch(pods -> pods.contains(from) && pods.contains(to));
    }

    /** Every ordered pair of distinct workloads with something allowed. */
    Map<String, String> allowedPairs() {
        Map<String, String> pairs = new TreeMap<>();
        for (Endpoint.Pods from : evaluation.engine().workloadEndpoints()) {
            for (Endpoint.Pods to : evaluation.engine().workloadEndpoints()) {
                PortSet allowed = evaluation.allowedPorts(from, to);
                assertEquals(allowed, evaluation.connectivity().allowed(from, to).orElseThrow(), from.id() + " -> " + to.id());
                if (!from.equals(to) && !allowed.isEmpty() && !sameWorkload(from.id(), to.id())) {
                    pairs.put(from.id() + " -> " + to.id(), allowed.display());
                }
            }
        }
        return pairs;
    }

    /** {@code all}, or protocols each followed by ports and ranges: {@code SCTP 9003 TCP 1-79 81-65535}. */
    static PortSet parse(String ports) {
        if (ports.equals("all")) {
            return PortSet.ALL;
        }
        List<PortRange> ranges = new ArrayList<>();
        Protocol protocol = null;
        for (String token : ports.split("[ ,]+")) {
            if (Character.isLetter(token.charAt(0))) {
                protocol = Protocol.valueOf(token);
            } else {
                int dash = token.indexOf('-');
                int first = Integer.parseInt(dash < 0 ? token : token.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(token.substring(dash + 1));
                ranges.add(new PortRange(protocol, first, last));
            }
        }
        return PortSet.of(ranges);
    }
}

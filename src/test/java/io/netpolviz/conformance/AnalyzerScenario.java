package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
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
 * and as {@code # expect: from -> to: ports} lines that project's connectivity list for pod pairs.
 * Every ordered pair of distinct workloads is compared: a pair no line names must allow nothing. Its
 * lines with external addresses ({@code # external: ns/pod -> 10.0.0.0-10.255.255.255: UDP 53}, or the
 * other way) are checked at sample IPv4 addresses: both edges of every range any line names, the
 * addresses just outside them, and 0.0.0.0, 8.8.8.8 and 255.255.255.255; each workload must allow
 * to (and from) each sample what the range holding it lists for that workload, or nothing.
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
        assertEquals(scenario.expectedExternal(), scenario.allowedExternal(), name + " external addresses");
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

    private List<String[]> externalLines() {
        List<String[]> lines = new ArrayList<>();
        for (String line : header) {
            if (line.startsWith("external: ")) {
                String pair = line.substring("external: ".length());
                int colon = pair.lastIndexOf(": ");
                String[] ends = pair.substring(0, colon).split(" -> ");
                lines.add(new String[] {ends[0], ends[1], pair.substring(colon + 2)});
            }
        }
        return lines;
    }

    private static boolean isRange(String end) {
        return Character.isDigit(end.charAt(0));
    }

    private static long[] range(String text) {
        String[] ends = text.split("-");
        return new long[] {ipv4(ends[0]), ipv4(ends[1])};
    }

    private static long ipv4(String text) {
        long value = 0;
        for (String octet : text.split("\\.")) {
            value = value * 256 + Integer.parseInt(octet);
        }
        return value;
    }

    private static String ipv4(long value) {
        return (value >> 24) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    private java.util.SortedSet<Long> samples() {
        java.util.SortedSet<Long> samples = new java.util.TreeSet<>(List.of(0L, ipv4("8.8.8.8"), 0xFFFFFFFFL));
        for (String[] line : externalLines()) {
            long[] range = range(isRange(line[0]) ? line[0] : line[1]);
            for (long address : new long[] {range[0] - 1, range[0], range[1], range[1] + 1}) {
                if (address >= 0 && address <= 0xFFFFFFFFL) {
                    samples.add(address);
                }
            }
        }
        return samples;
    }

    /** Per workload, direction and sample address, what the external lines allow (only what allows something). */
    Map<String, String> expectedExternal() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, List<String>> workloads = workloads();
        for (long address : samples()) {
            for (String[] line : externalLines()) {
                boolean egress = !isRange(line[0]);
                long[] range = range(egress ? line[1] : line[0]);
                if (address >= range[0] && address <= range[1]) {
                    String pod = egress ? line[0] : line[1];
                    for (String each : workloads.getOrDefault(pod, List.of(pod))) {
                        String key = egress ? each + " -> " + ipv4(address) : ipv4(address) + " -> " + each;
                        expected.put(key, parse(line[2]).display());
                    }
                }
            }
        }
        return expected;
    }

    /** Per workload, direction and sample address, what NetPolViz allows (only what allows something). */
    Map<String, String> allowedExternal() {
        Map<String, String> allowed = new TreeMap<>();
        for (long address : samples()) {
            Endpoint external = Endpoint.External.address(IpAddress.parse(ipv4(address)).orElseThrow());
            for (Endpoint.Pods pod : evaluation.engine().workloadEndpoints()) {
                PortSet out = evaluation.allowedPorts(pod, external);
                if (!out.isEmpty()) {
                    allowed.put(pod.id() + " -> " + ipv4(address), out.display());
                }
                PortSet in = evaluation.allowedPorts(external, pod);
                if (!in.isEmpty()) {
                    allowed.put(ipv4(address) + " -> " + pod.id(), in.display());
                }
            }
        }
        return allowed;
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

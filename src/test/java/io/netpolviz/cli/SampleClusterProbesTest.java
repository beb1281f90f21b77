package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.ReferenceEvaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lessons in {@code sample-clusters/} carry probes with the verdict worked out by hand from
 * the specification; {@code check} (the fast engine) and the literal reference evaluator must
 * each agree with every one of them.
 */
class SampleClusterProbesTest {

    private static final Path SAMPLES = Path.of("sample-clusters");

    static Stream<Arguments> probeFiles() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> lessons = Files.list(SAMPLES)) {
            for (Path lesson : lessons.sorted().toList()) {
                if (Files.isRegularFile(lesson.resolve("probes.tsv"))) {
                    cases.add(Arguments.of(lesson.getFileName() + " (all steps)", List.of(lesson), lesson.resolve("probes.tsv")));
                }
                List<Path> steps = stepFolders(lesson);
                for (int k = 1; k <= steps.size(); k++) {
                    Path probes = lesson.resolve("probes-step" + k + ".tsv");
                    if (Files.isRegularFile(probes)) {
                        cases.add(Arguments.of(lesson.getFileName() + " step " + k, steps.subList(0, k), probes));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static List<Path> stepFolders(Path lesson) throws IOException {
        if (!Files.isDirectory(lesson)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(lesson)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("\\d+-.*"))
                    .sorted((a, b) -> Integer.compare(stepNumber(a), stepNumber(b)))
                    .toList();
        }
    }

    private static int stepNumber(Path folder) {
        String name = folder.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('-')));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probeFiles")
    void checkAgreesWithTheLessonsExpectedVerdicts(String name, List<Path> manifests, Path probesFile) throws IOException {
        List<String> probes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(probesFile, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            assertEquals(5, columns.length, "probe line in " + probesFile + ": " + line);
            probes.add(String.join("\t", columns[0], columns[1], columns[2], columns[3]));
            expected.add(String.join("\t", columns[0], columns[1], columns[2], columns[3], columns[4]));
        }
        assertFalse(probes.isEmpty(), probesFile + " has no probes");
        List<String> args = new ArrayList<>(List.of("check", "--probes", "-"));
        for (Path manifest : manifests) {
            args.add("--manifests");
            args.add(manifest.toString());
        }
        CliRun run = CliRun.withInput(String.join("\n", probes) + "\n", args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected, run.out().lines().toList());
        assertTrue(run.err().lines().noneMatch(l -> l.contains(": error: ")), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probeFiles")
    void theReferenceEvaluatorAgreesWithTheLessonsExpectedVerdicts(String name, List<Path> manifests, Path probesFile)
            throws IOException {
        ClusterSnapshot snapshot = new ManifestLoader().load(manifests);
        ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, Set.of());
        int probed = 0;
        for (String line : Files.readAllLines(probesFile, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            boolean allowed = reference.allowed(peer(snapshot, columns[0]), peer(snapshot, columns[1]),
                    Protocol.parse(columns[3]).orElseThrow(), Integer.parseInt(columns[2]));
            assertEquals(columns[4], allowed ? "allow" : "deny", "the reference evaluator on " + probesFile + ": " + line);
            probed++;
        }
        assertTrue(probed > 0, probesFile + " has no probes");
    }

    /** {@code namespace/workload} or {@code ext:ADDRESS}, as a probe names it. */
    private static ReferenceEvaluator.Peer peer(ClusterSnapshot snapshot, String endpoint) {
        if (endpoint.startsWith("ext:")) {
            return ReferenceEvaluator.Peer.external(IpAddress.parse(endpoint.substring("ext:".length())).orElseThrow());
        }
        return ReferenceEvaluator.Peer.pod(snapshot.workloads().stream().filter(workload -> workload.id().equals(endpoint))
                .findFirst().orElseThrow(() -> new AssertionError("no workload " + endpoint)));
    }
}

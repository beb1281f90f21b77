package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleCommandsTest {

    @Test
    void generateWritesOneFilePerNamespaceThatAnalyzeReadsWithoutErrors(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cluster");
        CliRun run = CliRun.of("generate", "--pods", "120", "--policies", "30", "--namespaces", "3", "--seed", "9", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("120 pods") && run.out().contains("30 policies") && run.out().contains("5 namespaces"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(5, files.filter(p -> p.toString().endsWith(".yaml")).count());
        }
        CliRun analyze = CliRun.of("analyze", out.toString(), "--format", "csv");
        assertEquals(0, analyze.exitCode(), analyze.err());
        // A generated cluster has the mistakes real ones have: the app's warnings, never a load diagnostic.
        assertTrue(analyze.err().lines().allMatch(line -> line.startsWith("warning: ") && !line.contains(".yaml:")), analyze.err());
    }

    @Test
    void generateWritesCalicoPoliciesThatAnalyzeEvaluates(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("calico");
        CliRun run = CliRun.of("generate", "--pods", "120", "--policies", "20", "--namespaces", "3", "--seed", "5", "--calico-policies", "12",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("12 Calico policies"), run.out());
        String written;
        try (Stream<Path> files = Files.list(out)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file));
            }
            written = all.toString();
        }
        assertTrue(written.contains("apiVersion: projectcalico.org/v3") && written.contains("kind: Tier"), "Calico objects are written");
        io.netpolviz.model.ClusterSnapshot loaded = new io.netpolviz.load.ManifestLoader().load(List.of(out));
        assertEquals(12, loaded.calico().policies().size(), "the loader reads every generated Calico policy back");
        assertEquals(2, CliRun.of("generate", "--out", dir.resolve("x").toString(), "--cilium-policies", "2", "--calico-policies", "2")
                .exitCode(), "one network plugin per cluster");
    }

    @Test
    void generateIsByteForByteRepeatable(@TempDir Path dir) throws IOException {
        for (String name : List.of("a", "b")) {
            assertEquals(0, CliRun.of("generate", "--pods", "80", "--seed", "4", "--adversarial", "--out", dir.resolve(name).toString()).exitCode());
        }
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            for (Path file : files.toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(dir.resolve("b").resolve(file.getFileName())), file.toString());
            }
        }
    }

    @Test
    void badScaleOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("generate", "--pods", "10").exitCode(), "--out is required");
        assertEquals(2, CliRun.of("generate", "--out", "x", "--pods", "many").exitCode());
        assertEquals(2, CliRun.of("generate", "--out", "x", "--pods", "3", "--namespaces", "2").exitCode());
        CliRun bench = CliRun.of("bench", "--size", "XXL");
        assertEquals(2, bench.exitCode());
        assertTrue(bench.err().contains("use S, M, L or XL"), bench.err());
    }
}

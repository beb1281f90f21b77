package io.netpolviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare mode on a cluster too large to draw workload by workload: the picture opens summed up,
 * and each changed pair is marked on the edge between the nodes that show its two ends, one mark
 * counting every pair an edge stands for.
 */
class CompareSummedUpTest {

    @TempDir
    Path dir;

    private MainViewModel model;

    @AfterEach
    void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void everyChangedPairIsMarkedOnTheSummaryEdgeThatStandsForIt() throws IOException {
        Path after = Files.createDirectories(dir.resolve("after"));
        ClusterGenerator.generate(new ClusterShape(1000, 160, 4, 2, false)).writeTo(after);
        Path before = Files.createDirectories(dir.resolve("before"));
        int removed = copyWithoutIngressPolicies(after, before, 3);
        assertEquals(3, removed);
        model = Lessons.synchronousModel();
        model.open(List.of(after));
        assertTrue(model.workspaceProperty().get().isAggregated(), "the cluster opens summed up");

        model.compare().compareWithFolder(List.of(before));

        List<ConnectivityChange> changes = model.compare().changesProperty().get();
        assertFalse(changes.isEmpty());
        assertTrue(changes.stream().allMatch(change -> change.kind() == ConnectivityChange.Kind.ADDED), "the policies exist after only");
        AggregatedGraph aggregate = model.evaluationProperty().get().picture().aggregate();
        Map<String, Integer> expected = new TreeMap<>();
        for (ConnectivityChange change : changes) {
            Optional<String> source = aggregate.nodeShowing(change.sourceId());
            Optional<String> target = aggregate.nodeShowing(change.destinationId());
            assertTrue(source.isPresent() && target.isPresent(), "both sides have every workload: " + change);
            expected.merge(GraphEdge.key(source.get(), target.get()), 1, Integer::sum);
        }
        Map<String, Integer> marked = new TreeMap<>();
        Map<String, String> labels = new TreeMap<>();
        for (EdgePath path : model.diagramProperty().get().edges()) {
            GraphEdge edge = model.evaluationProperty().get().picture().edge(path.key()).orElseThrow();
            if (edge.diff() != null) {
                marked.put(path.key(), edge.diff().pairs());
                labels.put(path.key(), path.labels().get(0).text());
                assertEquals(ConnectivityChange.Kind.ADDED, edge.diff().kind());
            }
        }
        assertEquals(expected, marked);
        expected.forEach((key, pairs) -> assertTrue(pairs == 1 ? labels.get(key).startsWith("+ ")
                : labels.get(key).startsWith(pairs + " pairs: + "), key + " " + labels.get(key)));
        assertTrue(expected.values().stream().anyMatch(pairs -> pairs > 1), "some edge stands for several pairs: " + expected);
    }

    /** Copies the generated files, leaving out the first {@code count} ingress allow policies. */
    private static int copyWithoutIngressPolicies(Path from, Path to, int count) throws IOException {
        int left = 0;
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.sorted().toList()) {
                StringBuilder kept = new StringBuilder();
                for (String document : Files.readString(file).split("\n---\n")) {
                    boolean leaveOut = left < count && document.contains("kind: NetworkPolicy") && document.matches("(?s).*name: allow-\\S+-ingress.*");
                    if (leaveOut) {
                        left++;
                    } else {
                        kept.append(kept.length() == 0 ? "" : "\n---\n").append(document);
                    }
                }
                Files.writeString(to.resolve(file.getFileName()), kept.toString());
            }
        }
        return left;
    }
}

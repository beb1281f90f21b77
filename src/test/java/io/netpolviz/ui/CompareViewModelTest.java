package io.netpolviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.cluster.MockCluster;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.render.Background;
import io.netpolviz.view.ExportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Compare with, through the view-model as the app wires it: lesson 9's pull request (open)
 * compared with its main branch, as a folder and as a git revision; the marks on the diagram, the
 * list of changes, a toggle on top of the diff, the export's title.
 */
class CompareViewModelTest {

    private static final Path LESSON = Path.of("sample-clusters/09-review-a-change");
    private static final String ADDED = "monitoring/prometheus->shop/api";
    private static final String CHANGED = "shop/api->data/redis";
    private static final String REMOVED = "shop/worker->data/postgres";

    @TempDir
    Path dir;

    private MainViewModel model;

    @BeforeEach
    void openThePullRequest() {
        model = Lessons.synchronousModel();
        model.open(List.of(LESSON.resolve("pull-request")));
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void comparingWithMainMarksTheAddedTheChangedAndTheKeptRemovedEdge() {
        model.compare().compareWithFolder(List.of(LESSON.resolve("main")));

        assertEquals(Map.of(ADDED, "ADDED", CHANGED, "CHANGED", REMOVED, "REMOVED"), kinds(model.compare().changesProperty().get()));
        assertEquals("Compared with main: 1 added, 1 changed, 1 removed", model.compare().summary());
        Map<String, String> labels = diffLabels();
        assertEquals("\u2713 + 9090", labels.get(ADDED));
        assertEquals("\u2713 6379 \u2192 6379\u20136380", labels.get(CHANGED));
        // Removed: nothing is allowed any more, yet the edge stays in the picture, drawn blocked.
        assertEquals("\u2717 \u2212 5432", labels.get(REMOVED));
        assertEquals("main \u2192 pull-request", model.diagramProperty().get().title());
    }

    @Test
    void aToggleIsAWhatIfOnTopOfTheDiff() {
        model.compare().compareWithFolder(List.of(LESSON.resolve("main")));
        model.switches().toggle(new PolicyId("shop", "allow-metrics"));

        // Without the new policy the pull request no longer opens the scrape: two changes are left.
        assertEquals(Map.of(CHANGED, "CHANGED", REMOVED, "REMOVED"), kinds(model.compare().changesProperty().get()));
        assertTrue(!diffLabels().containsKey(ADDED), diffLabels().toString());

        model.compare().stop();
        assertEquals(List.of(), model.compare().changesProperty().get());
        assertEquals(Map.of(), diffLabels());
        assertEquals("pull-request", model.diagramProperty().get().title());
    }

    @Test
    void aWorkloadOnlyTheOtherSideHasIsDrawnWithItsRemovedEdges() throws IOException {
        Path before = Files.createDirectories(dir.resolve("with-legacy"));
        copy(LESSON.resolve("pull-request"), before);
        Files.writeString(before.resolve("legacy.yaml"), """
                {apiVersion: apps/v1, kind: Deployment, metadata: {name: legacy, namespace: shop},
                 spec: {selector: {matchLabels: {app: legacy}}, template: {metadata: {labels: {app: legacy}},
                 spec: {containers: [{name: legacy, image: example.org/legacy:1}]}}}}
                """);
        model.compare().compareWithFolder(List.of(before));

        // Only its DNS lookups were allowed (shop's default-deny isolates it): that pair is removed with it.
        String lookups = "shop/legacy->kube-system/kube-dns";
        assertEquals(Map.of(lookups, "REMOVED"), kinds(model.compare().changesProperty().get()));
        assertTrue(model.diagramProperty().get().node("shop/legacy").isPresent(), "the workload is drawn");
        assertEquals("\u2717 \u2212 53, UDP 53", diffLabels().get(lookups));
        model.selection().selectEdge(lookups);
        String said = model.selection().detailsProperty().get().text();
        assertTrue(said.contains("exists only in with-legacy, the side this picture is compared with"), said);
    }

    @Test
    void theExportCarriesTheMarksAndATitleNamingBothSides() throws IOException {
        model.compare().compareWithFolder(List.of(LESSON.resolve("main")));
        assertEquals("main \u2192 pull-request", model.exporter().exportTitle());

        Path svg = dir.resolve("compared.svg");
        model.exporter().export(new ExportRequest(svg, ExportRequest.Format.SVG, 1, Background.OPAQUE));
        String text = Files.readString(svg);
        assertTrue(text.contains("main \u2192 pull-request"), "the title names both sides");
        assertTrue(text.contains("+ 9090") && text.contains("\u2212 5432") && text.contains("6379 \u2192 6379\u20136380"), "the marks");
        assertTrue(text.contains("differs from main"), "the legend says what the halo means here");
    }

    @Test
    void theOpenFolderAtAGitRevisionIsCompared() throws Exception {
        Path work = dir.resolve("repo");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            copy(LESSON.resolve("main"), deploy);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("as deployed").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
        }
        // The working tree holds the pull request, not committed: compared with what main holds.
        copy(LESSON.resolve("pull-request"), deploy);
        model.open(List.of(deploy));

        model.compare().compareWithGitRevision("main");

        assertEquals(Map.of(ADDED, "ADDED", CHANGED, "CHANGED", REMOVED, "REMOVED"), kinds(model.compare().changesProperty().get()));
        assertEquals("git:main \u2192 deploy", model.diagramProperty().get().title());
    }

    @Test
    void theClusterIsTheBeforeSideOfWhatApplyingTheFolderWouldChange() throws IOException {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.applyFolder(LESSON.resolve("main"));
            model.compare().compareWithCluster(cluster.options(dir));

            assertEquals(Map.of(ADDED, "ADDED", CHANGED, "CHANGED", REMOVED, "REMOVED"), kinds(model.compare().changesProperty().get()));
            assertTrue(model.diagramProperty().get().title().endsWith(" \u2192 pull-request"), model.diagramProperty().get().title());
        }
    }

    @Test
    void aSideThatCannotBeReadSaysWhyAndComparesWithNothing() throws IOException {
        Path outsideAnyRepository = Files.createDirectories(dir.resolve("pull-request"));
        copy(LESSON.resolve("pull-request"), outsideAnyRepository);
        model.open(List.of(outsideAnyRepository));
        model.compare().compareWithFolder(List.of(dir.resolve("no-such-folder")));

        assertNull(model.compare().comparisonProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Could not compare: "), model.statusProperty().get());
        assertTrue(model.statusProperty().get().contains("no-such-folder does not exist"), model.statusProperty().get());
        model.compare().compareWithGitRevision("main");
        assertTrue(model.statusProperty().get().contains("is not inside a git repository"), model.statusProperty().get());
        assertNull(model.compare().comparisonProperty().get());
    }

    @Test
    void aRevisionThatDoesNotExistSaysSo() {
        // The lesson sits in this project's own repository, which has no such branch.
        model.compare().compareWithGitRevision("no-such-branch-anywhere");
        assertTrue(model.statusProperty().get().contains("revision 'no-such-branch-anywhere' does not exist"), model.statusProperty().get());
        assertNull(model.compare().comparisonProperty().get());
    }

    private Map<String, String> diffLabels() {
        Map<String, String> labels = new TreeMap<>();
        for (EdgePath edge : model.diagramProperty().get().edges()) {
            String text = edge.labels().stream().map(label -> label.style().mark() + " " + label.text()).collect(Collectors.joining(" \u00B7 "));
            GraphEdge graphEdge = model.evaluationProperty().get().picture().edge(edge.key()).orElseThrow();
            if (graphEdge.diff() != null) {
                labels.put(edge.key(), text);
            }
        }
        return labels;
    }

    private static Map<String, String> kinds(List<ConnectivityChange> changes) {
        Map<String, String> kinds = new TreeMap<>();
        changes.forEach(change -> kinds.put(GraphEdge.key(change.sourceId(), change.destinationId()), change.kind().name()));
        return kinds;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> files = Files.list(to)) {
            for (Path file : files.toList()) {
                if (!Files.exists(from.resolve(file.getFileName()))) {
                    Files.delete(file);
                }
            }
        }
    }
}

package io.netpolviz.ui;

import io.netpolviz.view.ManifestSource;
import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.RecentPlaces;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.PortLabel;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.testing.MemoryPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample lessons and a view-model wired for tests: every job runs at once on the calling thread. */
final class Lessons {

    static final Path TUTORIAL = Path.of("sample-clusters/01-tutorial");
    static final String TEST_RUNNER_TO_PAYMENTS = "staging/test-runner->production/payment-service";
    static final String FRONTEND_TO_API = "production/frontend->production/backend-api";

    private Lessons() {
    }

    static ManifestSource loader() {
        return paths -> new ManifestLoader().load(paths);
    }

    /** Recent places kept in memory, so tests never touch the preferences of the user who runs them. */
    static RecentPlaces scratchRecents() {
        return new RecentPlaces(new MemoryPreferences());
    }

    static MainViewModel synchronousModel() {
        return new MainViewModel(new BackgroundWork(Runnable::run, Runnable::run), loader(), scratchRecents(), false);
    }

    /** The label style of each port of an edge as the diagram to paint has it. */
    static List<PortStyle> portStyles(Diagram diagram, String edgeKey) {
        EdgePath edge = diagram.edge(edgeKey).orElseThrow(() -> new AssertionError("no edge " + edgeKey));
        return edge.labels().stream().map(PortLabel::style).toList();
    }

    static GraphEdge graphEdge(MainViewModel model, String key) {
        return model.evaluationProperty().get().picture().graph().edges().stream()
                .filter(edge -> edge.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no edge " + key));
    }

    /** A copy of a lesson in a scratch folder, to edit without touching the samples. */
    static Path copyOf(Path lesson, Path into) throws IOException {
        try (Stream<Path> tree = Files.walk(lesson)) {
            for (Path from : tree.sorted().toList()) {
                Path to = into.resolve(lesson.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return into;
    }
}

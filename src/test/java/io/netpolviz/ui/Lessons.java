package io.netpolviz.ui;

import io.netpolviz.view.ManifestSource;
import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.RecentPlaces;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortSet;
import io.netpolviz.view.Evaluated;
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
import java.util.Set;
import java.util.prefs.Preferences;
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

    /** The verdict the evaluation on show gives the pair {@code source->destination}: the truth the picture draws. */
    static PairVerdicts.Pair pair(MainViewModel model, String key) {
        PairVerdicts.Pair pair = model.evaluationProperty().get().picture().pairs().pair(key);
        if (pair == null) {
            throw new AssertionError("no pair " + key);
        }
        return pair;
    }

    /**
     * The drawn edges that tell the verdict of a pair, read as the legend says: of the edges whose
     * ends stand for the pair's ends (the workload itself, its namespace's box, the box of what no
     * policy isolates when its namespace is in it, or "all"), the most specific. Empty when no
     * drawn edge stands for the pair (a blocked pair the picture only counts).
     */
    static List<GraphEdge> edgesTelling(Evaluated evaluated, String pairKey) {
        io.netpolviz.view.Picture picture = evaluated.picture();
        PairVerdicts.Pair pair = picture.pairs().pair(pairKey);
        if (pair == null) {
            throw new AssertionError("no pair " + pairKey);
        }
        Set<String> zone = picture.graph().zone();
        // The laid-out edges and the selected node's edges drawn on top of them.
        List<GraphEdge> standing = java.util.stream.Stream.concat(picture.graph().edges().stream(), picture.selection().stream()).filter(edge -> {
            String source = pair.source().id();
            if (pair.source() == pair.destination() && edge.sourceId().equals(source) != edge.targetId().equals(source)) {
                return false; // "web -> its namespace" speaks of the others, not of web's replicas among themselves
            }
            return standsFor(edge.sourceId(), pair.source(), zone) && standsFor(edge.targetId(), pair.destination(), zone);
        }).toList();
        return standing.stream().filter(edge -> standing.stream().noneMatch(other -> other != edge && narrower(other, edge))).toList();
    }

    /**
     * The one drawn edge that tells a pair's verdict on the picture on show, checked to state
     * exactly the pair's allowed ports; fails when no drawn edge stands for the pair.
     */
    /** The drawn edge with this key (a pair's, or a group's such as {@code box:production->kube-system/kube-dns}). */
    static GraphEdge graphEdge(MainViewModel model, String key) {
        return model.evaluationProperty().get().picture().edge(key).orElseThrow(() -> new AssertionError("no edge " + key));
    }

    static GraphEdge edgeTelling(MainViewModel model, String pairKey) {
        Evaluated evaluated = model.evaluationProperty().get();
        List<GraphEdge> telling = edgesTelling(evaluated, pairKey);
        if (telling.isEmpty()) {
            throw new AssertionError("no drawn edge stands for " + pairKey + " in " + evaluated.picture().graph().edges().stream()
                    .map(GraphEdge::key).toList());
        }
        PortSet allowed = evaluated.picture().pairs().pair(pairKey).allowed();
        for (GraphEdge edge : telling) {
            if (!stated(edge).equals(allowed)) {
                throw new AssertionError(edge.key() + " states " + stated(edge).display() + " for " + pairKey + ", allowed on "
                        + allowed.display());
            }
        }
        return telling.get(0);
    }

    /** The label styles of the edge that tells a pair's verdict, as the diagram to paint has them. */
    static List<PortStyle> tellingStyles(MainViewModel model, String pairKey) {
        return portStyles(model.diagramProperty().get(), edgeTelling(model, pairKey).key());
    }

    /** The allowed ports an edge states. */
    static PortSet stated(GraphEdge edge) {
        return PortSet.of(edge.ports().stream().filter(PortVerdict::allowed).map(PortVerdict::port).toList());
    }

    private static boolean standsFor(String end, Endpoint endpoint, Set<String> zone) {
        if (end.equals(endpoint.id()) || GraphEdge.ANYWHERE.equals(end)) {
            return true;
        }
        if (!GraphEdge.isBox(end)) {
            return false;
        }
        String box = endpoint instanceof Endpoint.Pods pods ? pods.workload().namespace() : GraphNode.OUTSIDE;
        String named = GraphEdge.boxNamespace(end);
        return named.equals(box) || named.equals(GraphNode.OPEN_ZONE) && zone.contains(box);
    }

    /** Whether edge {@code a} is more specific than {@code b}: each end the same or inside, one strictly. */
    private static boolean narrower(GraphEdge a, GraphEdge b) {
        return level(a.sourceId()) <= level(b.sourceId()) && level(a.targetId()) <= level(b.targetId())
                && (level(a.sourceId()) < level(b.sourceId()) || level(a.targetId()) < level(b.targetId()));
    }

    private static int level(String end) {
        if (GraphEdge.ANYWHERE.equals(end)) {
            return 3;
        }
        if (end.equals(GraphEdge.boxId(GraphNode.OPEN_ZONE))) {
            return 2;
        }
        return GraphEdge.isBox(end) ? 1 : 0;
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

package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.AttackSearch;
import io.netpolviz.graph.CutFixes;
import io.netpolviz.graph.Reach;
import io.netpolviz.load.PolicyManifests;
import io.netpolviz.view.AttackAnswer;
import io.netpolviz.view.AttackOverlay;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Explanation;
import io.netpolviz.view.Workspace;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The attacker's view of the picture on show: what can be reached from a node (or from the
 * internet) in how many hops, and how one node can reach another with what would cut every
 * path. Computed off the JavaFX thread over the evaluation on show; the diagram marks it
 * ({@link AttackOverlay}) and a window lists it.
 */
public final class AttackViewModel {

    /** A start that can be reached from: a workload by {@code namespace/name}, or the internet. */
    public static final String INTERNET = AttackGraph.INTERNET;

    private final BackgroundWork work;
    private final Picture picture;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<AttackOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", AttackOverlay.NONE);
    private final ReadOnlyObjectWrapper<List<Explanation.Block>> answer = new ReadOnlyObjectWrapper<>(this, "answer", List.of());
    /** How many hops an attacker may take; 0 for any number. Changing it answers the question on show again. */
    private final IntegerProperty maxHops = new SimpleIntegerProperty(this, "maxHops", 0);
    /** The destination of the paths on show, or null when the reach is. */
    private String shownTo;

    AttackViewModel(BackgroundWork work, Picture picture, StatusLine status) {
        this.work = work;
        this.picture = picture;
        this.status = status;
        maxHops.addListener((o, before, after) -> {
            String from = overlay.get().from();
            if (from != null) {
                run(from, shownTo);
            }
        });
    }

    /** Marks what an attacker holding {@code from} reaches, hop by hop, and dims the rest. */
    public void reachFrom(String from) {
        run(from, null);
    }

    /** The shortest paths from the current start to {@code to}, and a minimum cut with its fixes. */
    public void pathsTo(String to) {
        String from = overlay.get().from();
        if (from != null && !from.equals(to)) {
            run(from, to);
        }
    }

    private void run(String from, String to) {
        Evaluated against = picture.evaluated();
        if (against == null) {
            return;
        }
        int limit = maxHops.get() <= 0 ? Integer.MAX_VALUE : maxHops.get();
        String within = limit == Integer.MAX_VALUE ? "" : " within " + limit + (limit == 1 ? " hop" : " hops");
        status.say(to == null ? "Finding what " + from + " can reach" + within + "\u2026" : "Finding how " + from + " can reach " + to
                + within + ", and what would cut it\u2026");
        record Found(AttackOverlay overlay, List<Explanation.Block> blocks) {
        }
        work.submit(Lane.ADVICE, progressReport -> {
            AttackGraph graph = AttackGraph.of(against.evaluation());
            if (!graph.knows(from) || to != null && !graph.knows(to)) {
                throw new IllegalArgumentException("paths run between workloads and the internet, not " + (graph.knows(from) ? to : from));
            }
            AttackSearch search = new AttackSearch(graph);
            // A summed-up picture shows a workload in the namespace, group or part it is collapsed into.
            Workspace workspace = against.workspace();
            UnaryOperator<String> shownAs = id -> workspace.isAggregated() ? workspace.aggregate().nodeShowing(id).orElse(id) : id;
            Reach reach = search.reach(from, limit);
            if (to == null) {
                return new Found(AttackOverlay.of(reach, null, shownAs), AttackAnswer.reach(reach));
            }
            AttackPaths paths = search.paths(from, to, limit, 10);
            return new Found(AttackOverlay.of(reach, paths, shownAs),
                    AttackAnswer.paths(paths, CutFixes.of(against.evaluation(), paths.cut()),
                            draft -> PolicyManifests.toYaml(draft.policies(), draft.clusterPolicies())));
        }, new BackgroundWork.Delivery<Found>() {
            @Override
            public void result(Found value) {
                shownTo = to;
                overlay.set(value.overlay());
                answer.set(value.blocks());
                status.say(to == null ? from + " reaches " + value.overlay().reachedNodes().size() + " nodes" + within
                        : value.overlay().pathEdges().isEmpty() ? "No path from " + from + " to " + to + within
                        : "Paths from " + from + " to " + to + " and the fewest connections that cut them");
            }

            @Override
            public void failure(Throwable error) {
                status.say("Could not trace paths: " + StatusLine.message(error));
            }
        });
    }

    /** Back to the plain picture. */
    public void clear() {
        work.cancel(Lane.ADVICE);
        shownTo = null;
        overlay.set(AttackOverlay.NONE);
        answer.set(List.of());
    }

    public ReadOnlyObjectProperty<AttackOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** The most hops an attacker may take, 0 for any number. */
    public IntegerProperty maxHopsProperty() {
        return maxHops;
    }

    public ReadOnlyObjectProperty<List<Explanation.Block>> answerProperty() {
        return answer.getReadOnlyProperty();
    }
}

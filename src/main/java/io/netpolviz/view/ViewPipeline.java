package io.netpolviz.view;

import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app's one way into the view pipeline: opens places and cluster snapshots into workspaces
 * with their first evaluation, regroups an open workspace, re-evaluates it for other switches,
 * and filters the arranged diagram down to what is shown. Runs on the worker, except
 * {@link #shown}, which only flips hidden flags. Whatever changes in how workspaces are loaded,
 * evaluated or filtered changes here, and the app follows.
 */
public final class ViewPipeline {

    /**
     * A workspace with its first evaluation, and the switched-off policies it was evaluated for
     * (for a cluster, those of the asked ones that it still has).
     */
    public record Opened(Workspace workspace, Evaluated evaluated, Set<PolicyId> switchedOff) {
    }

    private final WorkspaceLoader loader;

    public ViewPipeline(WorkspaceLoader loader) {
        this.loader = loader;
    }

    /**
     * Loads a place and evaluates it.
     *
     * @param previous the evaluation shown before (null after a fresh open): it marks what changed
     * @param revision the geometry revision the first evaluation restyles
     */
    public Opened open(WorkspaceLoader.Request request, Set<PolicyId> switchedOff, Evaluated previous, long revision, Progress progress)
            throws Exception {
        Workspace loaded = loader.load(request, progress);
        progress.report(0.9, "Evaluating\u2026");
        return new Opened(loaded, WorkspaceEvaluator.evaluate(loaded, loaded.layout(), revision, switchedOff, previous), switchedOff);
    }

    /**
     * Builds a workspace from a live cluster's snapshot and evaluates it; switches of policies the
     * cluster no longer has are dropped.
     *
     * @param geometry the arranged diagram to keep if the new frame fits it, or null
     * @param grouping what the user opened and collapsed, or null to decide by the cluster's size
     * @param known the namespaces with workloads when {@code grouping} was made
     */
    public Opened fromSnapshot(ClusterSnapshot snapshot, Diagram geometry, LayoutOptions options, Grouping grouping, Set<String> known,
            Set<PolicyId> switchedOff, Evaluated previous, long revision, Progress progress) {
        Workspace built = WorkspaceLoader.fromSnapshot(snapshot, geometry, options, grouping, known, progress);
        Set<PolicyId> existing = built.engine().policies().stream().map(CompiledPolicy::id).collect(Collectors.toSet());
        Set<PolicyId> stillOff = switchedOff.stream().filter(existing::contains).collect(Collectors.toUnmodifiableSet());
        return new Opened(built, WorkspaceEvaluator.evaluate(built, built.layout(), revision, stillOff, previous), stillOff);
    }

    /**
     * The open workspace grouped otherwise, laid out afresh and evaluated from {@code shown}.
     *
     * @throws TooMuchToDraw when the new picture would have more edges than a person can read
     */
    public Opened regroup(Workspace from, Grouping grouping, Evaluated shown, Set<PolicyId> switchedOff, LayoutOptions options,
            long revision) throws TooMuchToDraw {
        Workspace regrouped = WorkspaceLoader.regroup(from, grouping, shown.evaluation(), options);
        return new Opened(regrouped, WorkspaceEvaluator.evaluate(regrouped, regrouped.layout(), revision, switchedOff, shown), switchedOff);
    }

    /** Evaluates the open workspace for other switches and restyles {@code geometry} with the verdicts. */
    public Evaluated reevaluate(Workspace workspace, Diagram geometry, long revision, Set<PolicyId> switchedOff, Evaluated previous) {
        return WorkspaceEvaluator.evaluate(workspace, geometry, revision, switchedOff, previous);
    }

    /** The arranged diagram with what {@code filter} leaves out hidden: positions never change. */
    public Diagram shown(Diagram geometry, ViewFilter filter, Evaluated evaluated) {
        ViewFilter.Visibility visible = filter.apply(evaluated.projected().graph(), evaluated.projected().presentNodeIds());
        return geometry.showingOnly(visible.namespaces(), visible.nodeIds(), visible.edgeKeys());
    }
}

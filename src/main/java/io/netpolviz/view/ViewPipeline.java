package io.netpolviz.view;

import io.netpolviz.graph.Grouping;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app's one way into the view pipeline: opens places and cluster snapshots into workspaces
 * with their first picture, regroups an open workspace, and evaluates and draws it again for
 * other switches, another filter or another selection. Runs on the worker. Whatever changes in
 * how workspaces are loaded, evaluated or drawn changes here, and the app follows.
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
     * Loads a place, evaluates it and draws it.
     *
     * @param previous the evaluation shown before (null after a fresh open): it marks what changed
     * @param picture what to draw: the request's title is the place's
     */
    public Opened open(WorkspaceLoader.Request request, Set<PolicyId> switchedOff, Evaluated previous, Picture.Request picture,
            Progress progress) throws Exception {
        Workspace loaded = loader.load(request, progress);
        progress.report(0.8, "Evaluating and laying out\u2026");
        return new Opened(loaded, WorkspaceEvaluator.evaluate(loaded, switchedOff, previous, titled(picture, loaded)), switchedOff);
    }

    /**
     * Builds a workspace from a live cluster's snapshot, evaluates it and draws it; switches of
     * policies the cluster no longer has are dropped.
     *
     * @param grouping what the user opened and collapsed, or null to decide by the cluster's size
     * @param known the namespaces with workloads when {@code grouping} was made
     */
    public Opened fromSnapshot(ClusterSnapshot snapshot, Grouping grouping, Set<String> known, Set<PolicyId> switchedOff,
            Evaluated previous, Picture.Request picture, Progress progress) throws TooMuchToDraw {
        Workspace built = WorkspaceLoader.fromSnapshot(snapshot, grouping, known, progress);
        Set<PolicyId> existing = built.engine().policies().stream().map(CompiledPolicy::id).collect(Collectors.toSet());
        Set<PolicyId> stillOff = switchedOff.stream().filter(existing::contains).collect(Collectors.toUnmodifiableSet());
        return new Opened(built, WorkspaceEvaluator.evaluate(built, stillOff, previous, titled(picture, built)), stillOff);
    }

    /**
     * The open workspace grouped otherwise, evaluated from {@code shown} and drawn afresh.
     *
     * @throws TooMuchToDraw when the new picture would have more than a person can read
     */
    public Opened regroup(Workspace from, Grouping grouping, Evaluated shown, Set<PolicyId> switchedOff, Picture.Request picture)
            throws TooMuchToDraw {
        Workspace regrouped = WorkspaceLoader.regroup(from, grouping, shown.evaluation());
        return new Opened(regrouped, WorkspaceEvaluator.evaluate(regrouped, switchedOff, shown, titled(picture, regrouped)), switchedOff);
    }

    /** Evaluates the open workspace for the switches and draws it for the request, keeping the last picture's shape where it can. */
    public Evaluated reevaluate(Workspace workspace, Set<PolicyId> switchedOff, Evaluated previous, Picture.Request picture)
            throws TooMuchToDraw {
        return WorkspaceEvaluator.evaluate(workspace, switchedOff, previous, titled(picture, workspace));
    }

    /** The request titled with the workspace, or with both sides when it compares the workspace with another. */
    private static Picture.Request titled(Picture.Request request, Workspace workspace) {
        Comparison side = request.comparison();
        LayoutOptions options = side == null ? request.options().withTitle(workspace.title()).withChangedMeaning(LayoutOptions.CHANGED_BY_LAST)
                : request.options().withTitle(side.title(workspace.title())).withChangedMeaning(side.legend());
        return new Picture.Request(request.filter(), request.selectedNode(), options, request.interactive(), request.freshLayout(), side);
    }
}

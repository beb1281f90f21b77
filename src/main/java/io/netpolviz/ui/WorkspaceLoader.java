package io.netpolviz.ui;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.graph.ReachabilityGraphBuilder;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Restyler;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a place into a {@link Workspace}: reads the manifests, compiles them, builds the frame and
 * lays it out. Runs on the worker. The layout is kept whenever the frame has not changed shape,
 * so stepping through a lesson or saving a file that only changes verdicts moves nothing.
 */
final class WorkspaceLoader {

    /** What to load and what an earlier load may lend. */
    record Request(
            List<Path> place,
            int step,
            boolean bundled,
            Workspace frameDonor,
            Diagram geometry,
            LayoutOptions options) {
    }

    private final ManifestSource source;

    WorkspaceLoader(ManifestSource source) {
        this.source = source;
    }

    /**
     * @param request {@code step} 0 or out of range means the last step; {@code frameDonor} a
     *     workspace of the same lesson whose frame may be reused (a step change); {@code geometry}
     *     a diagram to keep if the frame still fits it (null forces a fresh layout)
     */
    Workspace load(Request request, BackgroundWork.Progress progress) throws Exception {
        List<Path> place = request.place();
        StepSequence steps = place.size() == 1 ? StepSequence.detect(place.get(0)).orElse(null) : null;
        int position = 0;
        List<Path> paths = place;
        if (steps != null) {
            position = request.step() >= 1 && request.step() <= steps.size() ? request.step() : steps.size();
            paths = steps.pathsUpTo(position);
        }
        progress.report(0.1, "Reading " + Workspace.nameOf(place) + (steps == null ? "" : ", step " + position) + "\u2026");
        ClusterSnapshot snapshot = source.load(paths);
        progress.report(0.35, "Compiling " + snapshot.policies().size() + " policies\u2026");
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Map<String, Endpoint> endpoints = endpoints(engine);

        progress.report(0.5, "Building the graph\u2026");
        ReachabilityGraph frame = frame(request, steps, position, engine, progress);
        if (!nodeIds(frame).containsAll(endpoints.keySet())) {
            // Steps that take things away: the last step is no frame for this one.
            frame = graphOf(engine);
        }

        String title = steps == null ? Workspace.nameOf(place) : steps.root().getFileName().toString();
        Diagram layout = keptOrLaidOut(request.geometry(), frame, request.options().withTitle(title), progress);
        return new Workspace(place, steps, position, snapshot, engine, endpoints, frame, layout, request.bundled());
    }

    /**
     * A workspace for a snapshot that a live cluster published. {@code geometry} (null forces a
     * layout) is kept when the new frame fits it, so an update that only changes verdicts, or pods
     * of a workload already shown, restyles in place instead of moving the picture.
     */
    static Workspace fromSnapshot(ClusterSnapshot snapshot, Diagram geometry, LayoutOptions options, BackgroundWork.Progress progress) {
        progress.report(0.35, "Compiling " + snapshot.policies().size() + " policies\u2026");
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        progress.report(0.5, "Building the graph\u2026");
        ReachabilityGraph frame = graphOf(engine);
        Diagram layout = keptOrLaidOut(geometry, frame, options.withTitle(snapshot.sourceName()), progress);
        return new Workspace(List.of(), null, 0, snapshot, engine, endpoints(engine), frame, layout, false);
    }

    private static Diagram keptOrLaidOut(Diagram geometry, ReachabilityGraph frame, LayoutOptions options, BackgroundWork.Progress progress) {
        if (geometry != null && Restyler.fits(geometry, frame)) {
            return geometry;
        }
        progress.report(0.7, "Laying out " + frame.nodes().size() + " nodes and " + frame.edges().size() + " edges\u2026");
        return DiagramLayout.layout(frame, options);
    }

    private ReachabilityGraph frame(Request request, StepSequence steps, int position, PolicyEngine engine,
            BackgroundWork.Progress progress) throws Exception {
        if (steps == null || position == steps.size()) {
            return graphOf(engine);
        }
        Workspace donor = request.frameDonor();
        if (donor != null && donor.hasSteps() && donor.steps().equals(steps)) {
            return donor.frame();
        }
        progress.report(0.55, "Reading the last step for a stable layout\u2026");
        return graphOf(PolicyEngine.compile(source.load(steps.pathsUpTo(steps.size()))));
    }

    private static ReachabilityGraph graphOf(PolicyEngine engine) {
        return new ReachabilityGraphBuilder(engine).build(engine.evaluate(), null);
    }

    static Map<String, Endpoint> endpoints(PolicyEngine engine) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Endpoint.Pods pods : engine.workloadEndpoints()) {
            endpoints.put(pods.id(), pods);
        }
        for (Endpoint.External external : engine.externalPeers()) {
            endpoints.put(external.id(), external);
        }
        return endpoints;
    }

    private static Set<String> nodeIds(ReachabilityGraph graph) {
        return graph.nodes().stream().map(GraphNode::id).collect(Collectors.toSet());
    }
}

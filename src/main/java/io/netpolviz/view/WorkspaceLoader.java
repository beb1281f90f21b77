package io.netpolviz.view;


import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.graph.ReachabilityGraphBuilder;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Restyler;
import io.netpolviz.layout.Typography;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Turns a place into a {@link Workspace}: reads the manifests, compiles them, builds the frame and
 * lays it out. Runs on the worker. The layout is kept whenever the frame has not changed shape,
 * so stepping through a lesson or saving a file that only changes verdicts moves nothing. A
 * cluster too large to read workload by workload (or one the user collapsed) gets an aggregated
 * frame, built from the engine's class-level connectivity; {@link #regroup} lays out another
 * grouping of an open workspace.
 */
public final class WorkspaceLoader {

    /** What to load and what an earlier load may lend. */
    /**
     * What to load.
     *
     * @param step 0 or out of range means the last step
     * @param grouping what to collapse, or null to decide by the cluster's size
     */
    public record Request(List<Path> place, int step, boolean bundled, Grouping grouping, DraftPolicies drafts) {

        public Request {
            drafts = drafts == null ? DraftPolicies.NONE : drafts;
        }

        /** A request without drafts. */
        public Request(List<Path> place, int step, boolean bundled, Grouping grouping) {
            this(place, step, bundled, grouping, DraftPolicies.NONE);
        }
    }

    /** A load started ahead of its request, and the request it answers. */
    private record Ahead(Request request, FutureTask<Workspace> load) {
    }

    private final ManifestSource source;
    private final AtomicReference<Ahead> ahead = new AtomicReference<>();

    public WorkspaceLoader(ManifestSource source) {
        this.source = source;
    }

    /** The place as the app keeps it: absolute and normalised, so the same folder is the same place however it was named. */
    public static List<Path> absolute(List<Path> place) {
        return place.stream().map(path -> path.toAbsolutePath().normalize()).toList();
    }

    /**
     * The request of opening {@code place} afresh in the standard look: nothing kept, nothing lent,
     * grouped by size; a lesson starts at its first step, where its story starts.
     */
    public static Request freshOpen(List<Path> place) {
        return new Request(absolute(place), 1, false, null);
    }

    /**
     * Starts {@code request} now, on a thread of its own: the app does this with the folder given
     * on the command line, so reading, compiling, grouping and laying it out overlap JavaFX's start
     * (about two seconds on a cold JVM) instead of following it. The first {@link #load} of an equal
     * request takes the result, finished or not; any other request drops it.
     */
    public void beginAhead(Request request) {
        FutureTask<Workspace> load = new FutureTask<>(() -> loadNow(request, (fraction, message) -> { }));
        ahead.set(new Ahead(request, load));
        Thread thread = new Thread(null, load, "netpolviz-head-start", DiagramLayout.THREAD_STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param request {@code step} 0 or out of range means the last step; {@code frameDonor} a
     *     workspace of the same lesson whose frame may be reused (a step change); {@code geometry}
     *     a diagram to keep if the frame still fits it (null forces a fresh layout); {@code grouping}
     *     what to collapse, or null to decide by the cluster's size
     */
    public Workspace load(Request request, Progress progress) throws Exception {
        Ahead early = ahead.getAndSet(null);
        if (early != null && early.request().equals(request)) {
            progress.report(0.1, "Reading " + Workspace.nameOf(request.place()) + "\u2026");
            try {
                return early.load().get();
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw failed;
            }
        }
        return loadNow(request, progress);
    }

    private Workspace loadNow(Request request, Progress progress) throws Exception {
        List<Path> place = request.place();
        StepSequence steps = place.size() == 1 ? StepSequence.detect(place.get(0)).orElse(null) : null;
        int position = 0;
        List<Path> paths = place;
        if (steps != null) {
            position = request.step() >= 1 && request.step() <= steps.size() ? request.step() : steps.size();
            paths = steps.pathsUpTo(position);
        }
        progress.report(0.1, "Reading " + Workspace.nameOf(place) + (steps == null ? "" : ", step " + position) + "\u2026");
        ClusterSnapshot snapshot = request.drafts().applyTo(source.load(paths));
        progress.report(0.35, "Compiling " + snapshot.policies().size() + " policies\u2026");
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Map<String, Endpoint> endpoints = endpoints(engine);

        Grouping grouping = request.grouping() != null ? request.grouping() : Grouping.auto(engine);
        AggregatedGraph aggregate = null;
        if (request.grouping() != null || !grouping.isNone()) {
            progress.report(0.5, "Summing up " + snapshot.workloads().size() + " workloads by namespace\u2026");
            aggregate = AggregatedGraph.build(grouping, engine.evaluate());
        }
        return new Workspace(place, steps, position, snapshot, engine, endpoints, frame(engine, aggregate), request.bundled(), aggregate,
                LessonGuide.of(place, steps, position), request.drafts());
    }

    /**
     * The same cluster with another grouping, for {@code evaluation} (the verdicts shown now):
     * expanding or collapsing is a new picture. Whether it can be drawn is decided when it is
     * drawn ({@link Picture}).
     */
    public static Workspace regroup(Workspace workspace, Grouping grouping, Evaluation evaluation) {
        AggregatedGraph aggregate = workspace.isAggregated() && workspace.aggregate().engine() == evaluation.engine()
                ? workspace.aggregate().regrouped(grouping, evaluation)
                : AggregatedGraph.build(grouping, evaluation);
        return workspace.regrouped(aggregate);
    }

    /**
     * A workspace for a snapshot that a live cluster published.
     *
     * @param kept what the user opened and collapsed in the last snapshot of the cluster, to keep
     *     through an update; null to decide by the cluster's size
     * @param known the namespaces with workloads in that snapshot: a namespace new since then
     *     arrives collapsed
     */
    public static Workspace fromSnapshot(ClusterSnapshot snapshot, Grouping kept, Set<String> known, Progress progress) {
        progress.report(0.35, "Compiling " + snapshot.policies().size() + " policies\u2026");
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        // A large cluster is summed up by namespace, exactly as an opened folder of its size is.
        Grouping grouping = kept != null ? kept : Grouping.auto(engine);
        if (kept != null) {
            for (String namespace : Grouping.namespacesWithWorkloads(engine)) {
                if (!known.contains(namespace)) {
                    grouping = grouping.collapsing(namespace);
                }
            }
        }
        AggregatedGraph aggregate = null;
        if (kept != null || !grouping.isNone()) {
            progress.report(0.5, "Summing up " + snapshot.workloads().size() + " workloads by namespace\u2026");
            aggregate = AggregatedGraph.build(grouping, engine.evaluate());
        }
        return new Workspace(List.of(), null, 0, snapshot, engine, endpoints(engine), frame(engine, aggregate), false, aggregate,
                LessonGuide.NONE);
    }

    /**
     * The nodes a picture of the workspace can show: the summed-up graph's when namespaces are
     * collapsed, else every workload and external peer (the edges are the picture's to decide).
     */
    private static ReachabilityGraph frame(PolicyEngine engine, AggregatedGraph aggregate) {
        if (aggregate != null) {
            return aggregate.graph();
        }
        List<GraphNode> nodes = Picture.endpoints(engine).stream().map(ReachabilityGraphBuilder::node).toList();
        return new ReachabilityGraph(engine.snapshot().namespaces().stream().map(ns -> ns.name()).toList(), nodes, List.of());
    }

    public static Map<String, Endpoint> endpoints(PolicyEngine engine) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Endpoint.Pods pods : engine.workloadEndpoints()) {
            endpoints.put(pods.id(), pods);
        }
        for (Endpoint.External external : engine.externalPeers()) {
            endpoints.put(external.id(), external);
        }
        return endpoints;
    }
}

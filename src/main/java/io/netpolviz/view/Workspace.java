package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One opened place at one step: the snapshot, its compiled engine and endpoints, and the frame
 * of nodes a picture of it can show. What a picture draws is decided per evaluation ({@link Picture}).
 *
 * @param place what was opened (a folder, or files); empty for a live cluster
 * @param steps the lesson's steps when the place is a folder of numbered steps, else null
 * @param step the 1-based step shown, 0 without steps
 * @param endpoints the engine's workloads and external peers by id
 * @param frame every node of the place (for a summed-up cluster, the aggregated graph with its summary edges)
 * @param bundled whether the place is the tutorial copied out of the app
 * @param aggregate for a picture with collapsed namespaces (a large cluster, or one the user
 *     collapsed), the aggregated graph the frame comes from, with the verdicts of every policy
 *     switched on; null for the workload picture of a small cluster
 * @param guide what the lesson says about this step, read with the place; {@link LessonGuide#NONE} for other places
 * @param drafts proposals added as draft policies, which {@code snapshot} holds besides the files' policies
 */
public record Workspace(
        List<Path> place,
        StepSequence steps,
        int step,
        ClusterSnapshot snapshot,
        PolicyEngine engine,
        Map<String, Endpoint> endpoints,
        ReachabilityGraph frame,
        boolean bundled,
        AggregatedGraph aggregate,
        LessonGuide guide,
        DraftPolicies drafts) {

    public Workspace {
        place = List.copyOf(place);
        endpoints = Map.copyOf(endpoints);
        guide = guide == null ? LessonGuide.NONE : guide;
        drafts = drafts == null ? DraftPolicies.NONE : drafts;
    }

    /** A workspace without drafts. */
    public Workspace(List<Path> place, StepSequence steps, int step, ClusterSnapshot snapshot, PolicyEngine engine,
            Map<String, Endpoint> endpoints, ReachabilityGraph frame, boolean bundled, AggregatedGraph aggregate, LessonGuide guide) {
        this(place, steps, step, snapshot, engine, endpoints, frame, bundled, aggregate, guide, DraftPolicies.NONE);
    }

    /** Whether the picture sums up namespaces (see {@link #aggregate}). */
    public boolean isAggregated() {
        return aggregate != null;
    }

    /** What is collapsed; {@link Grouping#NONE} for the workload picture. */
    public Grouping grouping() {
        return aggregate == null ? Grouping.NONE : aggregate.grouping();
    }

    /** This workspace with another grouping of the same cluster. */
    public Workspace regrouped(AggregatedGraph newAggregate) {
        return new Workspace(place, steps, step, snapshot, engine, endpoints, newAggregate.graph(), bundled, newAggregate, guide, drafts);
    }

    /** What titles the picture: the lesson's folder for a lesson, else {@link #name}. */
    public String title() {
        return steps == null ? name() : steps.root().getFileName().toString();
    }

    public boolean hasSteps() {
        return steps != null;
    }

    /** The shown step, when the place has steps. */
    public StepSequence.Step currentStep() {
        return steps == null ? null : steps.step(step);
    }

    /** Whether the snapshot came from a live cluster rather than files: then there is no place to read again. */
    public boolean live() {
        return place.isEmpty();
    }

    /** The lesson, folder or file name, or {@code cluster:<context>}, that titles the window and the diagram. */
    public String name() {
        return live() ? snapshot.sourceName() : nameOf(place);
    }

    public static String nameOf(List<Path> place) {
        if (place.isEmpty()) {
            return "nothing";
        }
        Path first = place.get(0).toAbsolutePath().normalize();
        String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
        return place.size() == 1 ? name : name + " + " + (place.size() - 1) + " more";
    }
}

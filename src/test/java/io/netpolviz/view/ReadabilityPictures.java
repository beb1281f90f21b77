package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.ReachabilityGraphBuilder;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pictures the readability report measures, drawn exactly as the app draws them by default:
 * each step of the tutorial as stepping through it shows it (marked against the step before), the
 * other lessons, two real microservice apps the lessons were not written for, and the overview of
 * the 10,000-pod benchmark cluster.
 */
final class ReadabilityPictures {

    /** What a picture is judged as: its targets differ. */
    enum Kind { TUTORIAL_STEP, LESSON, APP, OVERVIEW }

    /** A picture, with what is needed to read it against the engine. */
    record Shown(String name, Kind kind, Picture picture, Evaluation evaluation, Map<String, GraphNode> nodes) {
    }

    static final Path LESSONS = Path.of("sample-clusters");
    static final Path APPS = Path.of("src/test/resources/apps");

    private ReadabilityPictures() {
    }

    /** Every tutorial step, in order. */
    static List<Shown> tutorialSteps() throws TooMuchToDraw {
        StepSequence steps = StepSequence.detect(LESSONS.resolve("01-tutorial")).orElseThrow();
        List<Shown> shown = new ArrayList<>();
        Picture before = null;
        for (int step = 1; step <= steps.size(); step++) {
            Shown picture = ofWorkloads("01-tutorial, step " + step + " of " + steps.size(), Kind.TUTORIAL_STEP,
                    new ManifestLoader().load(steps.pathsUpTo(step)), before);
            shown.add(picture);
            before = picture.picture();
        }
        return shown;
    }

    /** Lessons 02 to 05, as they open. */
    static List<Shown> lessons() throws TooMuchToDraw {
        List<Shown> shown = new ArrayList<>();
        for (String lesson : List.of("02-cross-namespace", "03-egress-internet", "04-ports", "05-shop")) {
            shown.add(ofWorkloads(lesson, Kind.LESSON, new ManifestLoader().load(List.of(LESSONS.resolve(lesson))), null));
        }
        return shown;
    }

    /**
     * Lesson 05 with its platform namespaces (ingress-nginx, monitoring and kube-system) collapsed, as a
     * user may ask: summed up, as the app draws a new grouping. Not a target of its own (the lesson opens
     * uncollapsed), measured so the summed picture of a real app is watched too.
     */
    static Shown shopWithPlatformCollapsed() throws TooMuchToDraw {
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(LESSONS.resolve("05-shop")));
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();
        Grouping collapsed = Grouping.NONE.collapsing("ingress-nginx").collapsing("monitoring").collapsing("kube-system");
        Picture picture = Picture.ofAggregate(AggregatedGraph.build(collapsed, evaluation), null,
                request("05-shop, ingress-nginx, monitoring and kube-system collapsed"));
        return new Shown("05-shop, platform namespaces collapsed", Kind.LESSON, picture, evaluation, Map.of());
    }

    /**
     * Three microservice apps with their own policies, written for these tests, not for the lessons; the bank
     * allows DNS to every namespace, as most real apps do, a rule that names no pair.
     */
    static List<Shown> apps() throws TooMuchToDraw {
        List<Shown> shown = new ArrayList<>();
        for (String app : List.of("boutique", "sock-shop", "bank")) {
            shown.add(ofWorkloads(app, Kind.APP, new ManifestLoader().load(List.of(APPS.resolve(app))), null));
        }
        return shown;
    }

    /** The generated 10,000-pod, 2,000-policy benchmark cluster as it opens: summed up by namespace and team. */
    static Shown overview() throws TooMuchToDraw {
        ClusterSnapshot snapshot = ClusterGenerator.generate(new ClusterShape(10_000, 2_000, 50, 1, false)).snapshot();
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        AggregatedGraph aggregate = AggregatedGraph.build(Grouping.auto(engine), evaluation);
        Picture picture = Picture.ofAggregate(aggregate, null, request("10,000 pods, 2,000 policies"));
        return new Shown("10,000-pod overview", Kind.OVERVIEW, picture, evaluation, Map.of());
    }

    static Shown ofWorkloads(String name, Kind kind, ClusterSnapshot snapshot, Picture before) throws TooMuchToDraw {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        Picture picture = Picture.ofWorkloads(evaluation, null, before, request(name));
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (Endpoint endpoint : Picture.endpoints(engine)) {
            nodes.put(endpoint.id(), ReachabilityGraphBuilder.node(endpoint));
        }
        return new Shown(name, kind, picture, evaluation, nodes);
    }

    private static Picture.Request request(String title) {
        return Picture.Request.export(ViewFilter.NONE, LayoutOptions.defaults().withTitle(title));
    }
}

package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.ComparedEdges;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.graph.PictureComposer;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Restyler;
import io.netpolviz.layout.StraightEdges;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the app shows and {@code export} writes, made the same way for both: the graph the
 * picture draws for one evaluation and one request (filter, selection), what it leaves out, and
 * the diagram laid out from it.
 *
 * @param graph the drawn nodes and edges (edges may end at namespace boxes)
 * @param pairs the verdict of every pair, for the next picture's change marks; null for a summed-up picture
 * @param marksFrom the verdicts this picture's change marks compare against (those on show before
 *     the last toggle, step or update), or null when nothing is marked
 * @param aggregate the summed-up graph this picture filters, or null for a workload picture
 * @param omitted what the picture leaves out
 * @param selection the selected node's blocked edges the graph does not draw, drawn on top
 * @param laidOut the picture as laid out, without the selection on top (what the next picture keeps)
 * @param diagram the picture to show: {@code laidOut} with the selection's edges drawn straight on top
 */
public record Picture(ReachabilityGraph graph, PairVerdicts pairs, PairVerdicts marksFrom, AggregatedGraph aggregate,
        PictureComposer.Omitted omitted, List<GraphEdge> selection, Diagram laidOut, Diagram diagram, long layoutSeed, boolean layoutDown) {

    /** How many layouts a new picture tries at most, keeping the most readable (see {@link DiagramLayout#best}). */
    public static final int LAYOUT_TRIES = 6;

    /**
     * The edges the tries may cost together: ELK's time grows with the edges, so a large picture
     * tries fewer layouts and opens as fast as before (a lesson tries all six in well under a
     * second; the 38-edge overview of the 10,000-pod cluster tries four).
     */
    static final int LAYOUT_TRY_BUDGET_EDGES = 180;

    /** The words after the note that show what was left out, on screen. */
    public static final String SHOW_OMITTED = "show them";

    /**
     * What to draw besides the evaluation: the filter, the selection, the look, whether the note
     * can be clicked, whether to search for the most readable layout (a new picture: an open,
     * a step, an export) or keep the last picture's seed and direction (a toggle, a selection), and
     * the side to compare with, if any: its changes are marked on the picture ({@link ComparedEdges}).
     */
    public record Request(ViewFilter filter, String selectedNode, LayoutOptions options, boolean interactive, boolean freshLayout,
            Comparison comparison) {

        /** A request that compares with nothing. */
        public Request(ViewFilter filter, String selectedNode, LayoutOptions options, boolean interactive, boolean freshLayout) {
            this(filter, selectedNode, options, interactive, freshLayout, null);
        }

        /** An export's request: the filter, no selection, no clickable note, the most readable layout. */
        public static Request export(ViewFilter filter, LayoutOptions options) {
            return new Request(filter, null, options, false, true);
        }

        /** The same request, compared with {@code side} (null: with nothing). */
        public Request comparedWith(Comparison side) {
            return new Request(filter, selectedNode, options, interactive, freshLayout, side);
        }
    }

    /** The edge with this key, if drawn (laid out, or on top for the selection). */
    public Optional<GraphEdge> edge(String key) {
        return java.util.stream.Stream.concat(graph.edges().stream(), selection.stream()).filter(edge -> edge.key().equals(key)).findFirst();
    }

    /**
     * The picture of a cluster workload by workload.
     *
     * @param present the ids of the endpoints that exist now (a lesson's early step has fewer); null for all
     * @param before the picture shown last, whose verdicts mark what changed; null after a fresh open
     */
    public static Picture ofWorkloads(Evaluation evaluation, Set<String> present, Picture before, Request request) throws TooMuchToDraw {
        return ofWorkloads(evaluation, present, before, request, List.of());
    }

    /**
     * The picture of a cluster workload by workload, with the changes from the request's
     * comparison marked on it (empty when it compares with nothing).
     */
    public static Picture ofWorkloads(Evaluation evaluation, Set<String> present, Picture before, Request request,
            List<ConnectivityChange> compared) throws TooMuchToDraw {
        PolicyEngine engine = evaluation.engine();
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints(engine)) {
            if (present == null || present.contains(endpoint.id())) {
                endpoints.add(endpoint);
                nodes.put(endpoint.id(), io.netpolviz.graph.ReachabilityGraphBuilder.node(endpoint));
            }
        }
        PairVerdicts pairs = PairVerdicts.of(evaluation, endpoints);
        PairVerdicts marksFrom = marksFrom(before, evaluation);
        PictureComposer.Composed composed = PictureComposer.compose(pairs, marksFrom, nodes,
                engine.snapshot().namespaces().stream().map(ns -> ns.name()).toList(), request.filter(), request.selectedNode());
        composed = IngressControllerPicture.added(composed, evaluation, marksFrom == null ? null : marksFrom.evaluation());
        if (compared != null && !compared.isEmpty()) {
            ViewFilter filter = request.filter();
            boolean narrowed = filter.focus() != null || !filter.search().isEmpty() || !filter.namespaces().isEmpty();
            composed = ComparedEdges.marked(composed, compared, id -> request.comparison().formerNode(id, evaluation), narrowed);
        }
        return laidOut(composed, pairs, marksFrom, null, before, request);
    }

    /**
     * What the change marks compare against: the verdicts on show before this evaluation, or, when
     * the picture is drawn again for the same evaluation (another filter, another selected node),
     * what the picture on show compared against, so that "Changed only" and the marks still show
     * what the last toggle, step or update changed.
     */
    private static PairVerdicts marksFrom(Picture before, Evaluation evaluation) {
        if (before == null || before.pairs() == null) {
            return null;
        }
        return before.pairs().evaluation() == evaluation ? before.marksFrom() : before.pairs();
    }

    /** The picture of a summed-up cluster: the aggregated graph's edges the filter keeps. */
    public static Picture ofAggregate(AggregatedGraph aggregate, Picture before, Request request) throws TooMuchToDraw {
        return ofAggregate(aggregate, before, request, List.of());
    }

    /** The picture of a summed-up cluster with the changes from the request's comparison marked on its edges. */
    public static Picture ofAggregate(AggregatedGraph aggregate, Picture before, Request request, List<ConnectivityChange> compared)
            throws TooMuchToDraw {
        PictureComposer.Composed composed = PictureComposer.composeSummed(aggregate.graph(), request.filter(), request.selectedNode(),
                aggregate::members, aggregate::blockedOn, aggregate.halfOpenEdges());
        Evaluation previous = before == null || before.aggregate() == null ? null : before.aggregate().evaluation();
        composed = IngressControllerPicture.added(composed, aggregate.evaluation(), previous == aggregate.evaluation() ? null : previous,
                id -> aggregate.nodeShowing(id));
        if (compared != null && !compared.isEmpty()) {
            composed = ComparedEdges.summed(composed, compared, aggregate::nodeShowing);
        }
        return laidOut(composed, null, null, aggregate, before, request);
    }

    private static Picture laidOut(PictureComposer.Composed composed, PairVerdicts pairs, PairVerdicts marksFrom, AggregatedGraph aggregate,
            Picture before, Request request) throws TooMuchToDraw {
        TooMuchToDraw.check(composed.graph());
        LayoutOptions options = request.options().withNote(composed.omitted().sentence(),
                request.interactive() && composed.omitted().pairs() > 0 ? SHOW_OMITTED : "");
        DiagramLayout.Laid laid;
        Diagram kept = before == null ? null : before.laidOut();
        if (kept != null && kept.typography().equals(options.typography()) && Restyler.fits(kept, composed.graph())
                && kept.title().equals(options.title()) && sameNote(kept, options)) {
            laid = new DiagramLayout.Laid(Restyler.restyle(kept, composed.graph()), before.layoutSeed(), before.layoutDown());
        } else if (before != null && !request.freshLayout()) {
            laid = DiagramLayout.again(composed.graph(), options, before.layoutSeed(), before.layoutDown());
        } else {
            int tries = Math.max(1, Math.min(LAYOUT_TRIES, LAYOUT_TRY_BUDGET_EDGES / Math.max(1, composed.graph().edges().size())));
            laid = DiagramLayout.best(composed.graph(), options, tries);
        }
        Diagram shown = StraightEdges.added(laid.diagram(), composed.selection(), options);
        return new Picture(composed.graph(), pairs, marksFrom, aggregate, composed.omitted(), composed.selection(), laid.diagram(), shown,
                laid.seed(), laid.down());
    }

    private static boolean sameNote(Diagram diagram, LayoutOptions options) {
        String expected = options.note() + (options.noteAction().isEmpty() ? "" : " \u2014 ");
        return diagram.note().text().equals(expected) && diagram.note().action().equals(options.noteAction());
    }

    /** The engine's workloads, then its external peers, in its order. */
    static List<Endpoint> endpoints(PolicyEngine engine) {
        List<Endpoint> endpoints = new ArrayList<>(engine.workloadEndpoints());
        endpoints.addAll(engine.externalPeers());
        return endpoints;
    }

    /** The ids of every endpoint of an engine. */
    static Set<String> ids(PolicyEngine engine) {
        Set<String> ids = new TreeSet<>();
        endpoints(engine).forEach(endpoint -> ids.add(endpoint.id()));
        return ids;
    }
}

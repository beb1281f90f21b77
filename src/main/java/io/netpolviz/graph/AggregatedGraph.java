package io.netpolviz.graph;

import io.netpolviz.policy.Changes;
import io.netpolviz.policy.Connectivity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reachability graph in which some namespaces are collapsed into one node each, with its
 * verdicts, built from the engine's class-level connectivity and never by asking about every
 * workload pair. It is exactly the workload-level graph of {@link ReachabilityGraphBuilder}
 * with each collapsed unit's workloads merged: an edge that touches a collapsed namespace (or
 * group, or part) stands for the workload pairs it merges, its ports are the union of the ports
 * rules name for them (of all their ports, where rules name none: the ports destinations merely
 * declare would bury the others on every edge), and each port is allowed when it is allowed for
 * every pair that shows it, partial when only for some, changed when the last switch flipped it
 * for any of them. Edges between two workloads are exactly the workload graph's. {@link #summary}
 * counts the pairs.
 *
 * <p>Immutable. A new evaluation is carried in by {@link #withVerdicts}, which recounts only the
 * pairs the evaluation's changes name, so a toggle costs what it changed, not the size of the
 * cluster; the nodes, edges and ports stay, so the diagram is restyled, never laid out again.
 * {@link #regrouped} makes the graph of another grouping (an expansion: a new picture).
 */
public final class AggregatedGraph {

    /** One workload pair an edge stands for, with the ports the edge shows for it and what is allowed. */
    public record MemberPair(String sourceId, String destinationId, List<PortRange> ports, PortSet allowed) {

        /** Whether a connection on some shown port is allowed, at least on part of a range. */
        public boolean anyAllowed() {
            return ports.stream().anyMatch(allowed::overlaps);
        }
    }

    private final AggregateFrame frame;
    private final PolicyEngine engine;
    private final Evaluation evaluation;
    /** Per edge, per port: pairs allowed on the whole port (range). */
    private final long[][] allowed;
    /** Per edge, per port: pairs allowed on at least part of it. */
    private final long[][] touched;
    /** Per edge: pairs allowed on some port, at least in part. */
    private final long[] allowedPairs;
    private final ReachabilityGraph graph;

    private AggregatedGraph(AggregateFrame frame, PolicyEngine engine, Evaluation evaluation, long[][] allowed, long[][] touched,
            long[] allowedPairs, boolean[][] changed) {
        this.frame = frame;
        this.engine = engine;
        this.evaluation = evaluation;
        this.allowed = allowed;
        this.touched = touched;
        this.allowedPairs = allowedPairs;
        this.graph = toGraph(changed);
    }

    /** The graph of {@code evaluation} with the namespaces of {@code grouping} collapsed; pairs drawn as {@link ReachabilityGraphBuilder.Pairs#AUTO}. */
    public static AggregatedGraph build(Grouping grouping, Evaluation evaluation) {
        return build(grouping, ReachabilityGraphBuilder.Pairs.AUTO, evaluation);
    }

    /** The graph of {@code evaluation} with the namespaces of {@code grouping} collapsed, drawing {@code pairs}. */
    public static AggregatedGraph build(Grouping grouping, ReachabilityGraphBuilder.Pairs pairs, Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        boolean allPairs = pairs == ReachabilityGraphBuilder.Pairs.ALL || (pairs == ReachabilityGraphBuilder.Pairs.AUTO
                && engine.workloadEndpoints().size() <= ReachabilityGraphBuilder.ALL_PAIRS_UP_TO);
        return build(new PairCatalog(engine, allPairs), engine, grouping, evaluation);
    }

    private static AggregatedGraph build(PairCatalog catalog, PolicyEngine engine, Grouping grouping, Evaluation evaluation) {
        AggregateFrame frame = new AggregateFrame(catalog, engine, grouping);
        Connectivity connectivity = evaluation.connectivity();
        int classCount = catalog.classCount();
        Map<Long, EdgeTally> tallies = new HashMap<>();
        catalog.forEachDrawnPair((source, destination) -> {
            List<PortRange> ports = frame.ports(source, destination);
            if (ports.isEmpty()) {
                return;
            }
            PortSet allowedPorts = allowedBetween(connectivity, classCount, source, destination);
            EdgeTally.PairVerdict verdict = EdgeTally.PairVerdict.of(ports, allowedPorts);
            frame.forEachNodePair(source, destination, (from, to, weight) ->
                    tallies.computeIfAbsent(frame.pairKey(from, to), key -> new EdgeTally(from, to)).add(ports, verdict, weight));
        });
        List<AggregateFrame.EdgeShape> shapes = new ArrayList<>();
        for (EdgeTally tally : tallies.values()) {
            shapes.add(tally.shape());
        }
        frame.setEdges(shapes);
        int edges = frame.edgeCount();
        long[][] allowed = new long[edges][];
        long[][] touched = new long[edges][];
        long[] allowedPairs = new long[edges];
        for (int e = 0; e < edges; e++) {
            EdgeTally tally = tallies.get(frame.pairKey(frame.edgeSource[e], frame.edgeTarget[e]));
            allowed[e] = tally.counts(frame.edgePorts[e], 1);
            touched[e] = tally.counts(frame.edgePorts[e], 2);
            allowedPairs[e] = tally.allowedPairs;
        }
        return new AggregatedGraph(frame, engine, evaluation, allowed, touched, allowedPairs, null);
    }

    private static PortSet allowedBetween(Connectivity connectivity, int classCount, int source, int destination) {
        if (source < classCount && destination < classCount) {
            return connectivity.allowed(source, destination);
        }
        if (source < classCount) {
            return connectivity.allowedToExternal(source, destination - classCount);
        }
        return connectivity.allowedFromExternal(source - classCount, destination);
    }

    /**
     * This graph with the verdicts of {@code next}, an evaluation of the same engine, marking as
     * changed the ports whose verdict flipped for some pair. Only the pairs in
     * {@code changes} (what differs between this graph's evaluation and {@code next}) are recounted.
     */
    public AggregatedGraph withVerdicts(Evaluation next, Changes changes) {
        if (next.engine() != engine) {
            throw new IllegalArgumentException("an evaluation of another engine needs a new graph");
        }
        int edges = frame.edgeCount();
        long[][] nextAllowed = allowed.clone();
        long[][] nextTouched = touched.clone();
        long[] nextAllowedPairs = allowedPairs.clone();
        boolean[][] changed = new boolean[edges][];
        PairCatalog catalog = frame.catalog;
        changes.forEachPair((source, destination, before, after) -> {
            if (!catalog.drawn(source, destination)) {
                return;
            }
            List<PortRange> ports = frame.ports(source, destination);
            if (ports.isEmpty()) {
                return;
            }
            EdgeTally.PairVerdict was = EdgeTally.PairVerdict.of(ports, before);
            EdgeTally.PairVerdict is = EdgeTally.PairVerdict.of(ports, after);
            if (was.equals(is)) {
                return;
            }
            frame.forEachNodePair(source, destination, (from, to, weight) -> {
                int e = frame.edge(from, to);
                if (changed[e] == null) {
                    changed[e] = new boolean[frame.edgePorts[e].length];
                    nextAllowed[e] = nextAllowed[e].clone();
                    nextTouched[e] = nextTouched[e].clone();
                }
                for (int i = 0; i < ports.size(); i++) {
                    int at = frame.portIndex(e, ports.get(i));
                    nextAllowed[e][at] += weight * (is.full()[i] - was.full()[i]);
                    nextTouched[e][at] += weight * (is.touched()[i] - was.touched()[i]);
                    if (is.full()[i] != was.full()[i]) {
                        changed[e][at] = true;
                    }
                }
                nextAllowedPairs[e] += weight * (is.any() - was.any());
            });
        });
        return new AggregatedGraph(frame, engine, next, nextAllowed, nextTouched, nextAllowedPairs, changed);
    }

    /** This graph with the verdicts of {@code next} (same engine), changes found by comparing the two evaluations. */
    public AggregatedGraph withVerdicts(Evaluation next) {
        return next == evaluation ? this : withVerdicts(next, next.changesFrom(evaluation));
    }

    /**
     * The graph of another grouping, with the verdicts of {@code current} (an evaluation of the
     * same engine): new nodes and edges, to be laid out afresh. Which pairs are drawn is known
     * already and is not worked out again.
     */
    public AggregatedGraph regrouped(Grouping grouping, Evaluation current) {
        if (current.engine() != engine) {
            throw new IllegalArgumentException("an evaluation of another engine needs a new graph");
        }
        return build(frame.catalog, engine, grouping, current);
    }

    /** How many nodes the picture would have with {@code grouping}: to refuse an expansion nobody could read. */
    public int nodeCount(Grouping other) {
        int count = engine.externalPeers().size();
        java.util.Set<String> units = new java.util.HashSet<>();
        for (Endpoint.Pods[] workloads : frame.classWorkloads) {
            for (Endpoint.Pods pods : workloads) {
                Optional<Grouping.Unit> unit = other.unitOf(pods.podClass().namespace(), pods.podClass().labels());
                if (unit.isEmpty() || units.add(unit.get().nodeId())) {
                    count++;
                }
            }
        }
        return count;
    }

    private ReachabilityGraph toGraph(boolean[][] changed) {
        int edges = frame.edgeCount();
        List<GraphEdge> graphEdges = new ArrayList<>(edges);
        for (int e = 0; e < edges; e++) {
            PortRange[] ports = frame.edgePorts[e];
            List<PortVerdict> verdicts = new ArrayList<>(ports.length);
            for (int i = 0; i < ports.length; i++) {
                long pairs = frame.portPairs[e][i];
                boolean isAllowed = allowed[e][i] == pairs;
                boolean partial = !isAllowed && touched[e][i] > 0;
                verdicts.add(new PortVerdict(ports[i], isAllowed, partial, changed != null && changed[e] != null && changed[e][i]));
            }
            graphEdges.add(new GraphEdge(frame.nodes.get(frame.edgeSource[e]).id(), frame.nodes.get(frame.edgeTarget[e]).id(), verdicts,
                    Math.max(1, frame.edgePairs[e])));
        }
        return new ReachabilityGraph(frame.namespaces, frame.nodes, graphEdges, frame.members);
    }

    /**
     * Whether no workload pair from node {@code sourceId} to node {@code targetId} is allowed on
     * any of {@code ports}, by the evaluation: for two nodes no summary edge joins, which a group
     * edge speaks over ({@link SilentPairs}). Unknown nodes are never taken as blocked.
     */
    public boolean blockedOn(String sourceId, String targetId, List<PortRange> ports) {
        Integer from = frame.nodeIndex.get(sourceId);
        Integer to = frame.nodeIndex.get(targetId);
        if (from == null || to == null) {
            return false;
        }
        PortSet asked = PortSet.of(ports);
        Connectivity connectivity = evaluation.connectivity();
        int classCount = frame.catalog.classCount();
        for (int source : frame.nodeEnds[from]) {
            for (int destination : frame.nodeEnds[to]) {
                if (source >= classCount && destination >= classCount) {
                    continue;
                }
                if (!allowedBetween(connectivity, classCount, source, destination).intersect(asked).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The keys of the edges between two nodes that each show one workload (or address block) whose
     * pair is half-open: a rule on one side names it, the other side blocks it. The default view
     * draws those as the workload picture does, though they allow nothing; computed for the open
     * namespaces' workloads only, so a summed-up cluster costs nothing here.
     */
    public java.util.Set<String> halfOpenEdges() {
        java.util.Set<String> single = new java.util.HashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (!node.isCollapsed() && (node.type() == NodeType.WORKLOAD || node.isExternal())) {
                single.add(node.id());
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        engine.workloadEndpoints().stream().filter(pods -> single.contains(pods.id())).forEach(endpoints::add);
        if (endpoints.isEmpty()) {
            return java.util.Set.of();
        }
        engine.externalPeers().stream().filter(peer -> single.contains(peer.id())).forEach(endpoints::add);
        java.util.Set<String> halfOpen = new java.util.TreeSet<>();
        PairVerdicts pairs = PairVerdicts.of(evaluation, endpoints);
        for (GraphEdge edge : graph.edges()) {
            PairVerdicts.Pair pair = pairs.pair(edge.key());
            if (pair != null && pair.halfOpen() && !edge.anyAllowed()) {
                halfOpen.add(edge.key());
            }
        }
        return halfOpen;
    }

    /** The graph to lay out and restyle. */
    public ReachabilityGraph graph() {
        return graph;
    }

    public Grouping grouping() {
        return frame.grouping;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public PolicyEngine engine() {
        return engine;
    }

    /** The pair counts behind an edge. */
    public Optional<EdgeSummary> summary(String edgeKey) {
        Integer e = frame.edgeByKey.get(edgeKey);
        if (e == null) {
            return Optional.empty();
        }
        PortRange[] ports = frame.edgePorts[e];
        List<EdgeSummary.PortSummary> portSummaries = new ArrayList<>(ports.length);
        for (int i = 0; i < ports.length; i++) {
            portSummaries.add(new EdgeSummary.PortSummary(ports[i], frame.portPairs[e][i], allowed[e][i], touched[e][i] - allowed[e][i]));
        }
        return Optional.of(new EdgeSummary(edgeKey, frame.edgePairs[e], allowedPairs[e], portSummaries));
    }

    /** The workloads a collapsed namespace's node stands for, sorted; empty for any other node. */
    public List<GraphNode> members(String nodeId) {
        return frame.members.getOrDefault(nodeId, List.of());
    }

    /** The node that shows a workload or external peer: its own, or its collapsed namespace's. */
    public Optional<String> nodeShowing(String endpointId) {
        Integer node = frame.showingNode.get(endpointId);
        return node == null ? Optional.empty() : Optional.of(frame.nodes.get(node).id());
    }

    /**
     * Some of the workload pairs an edge stands for: up to {@code allowedLimit} that may connect on
     * a shown port and up to {@code blockedLimit} that may not, sorted by source then destination.
     */
    public List<MemberPair> memberPairs(String edgeKey, int allowedLimit, int blockedLimit) {
        Integer e = frame.edgeByKey.get(edgeKey);
        if (e == null) {
            return List.of();
        }
        int sourceNode = frame.edgeSource[e];
        int targetNode = frame.edgeTarget[e];
        Connectivity connectivity = evaluation.connectivity();
        int classCount = frame.catalog.classCount();
        List<MemberPair> open = new ArrayList<>();
        List<MemberPair> closed = new ArrayList<>();
        for (int source : frame.nodeEnds[sourceNode]) {
            for (int destination : frame.nodeEnds[targetNode]) {
                if (open.size() >= allowedLimit && closed.size() >= blockedLimit) {
                    break;
                }
                if (!frame.catalog.drawn(source, destination)) {
                    continue;
                }
                List<PortRange> ports = frame.ports(source, destination);
                if (ports.isEmpty()) {
                    continue;
                }
                PortSet allowedPorts = allowedBetween(connectivity, classCount, source, destination);
                for (String from : endpointIds(source, sourceNode)) {
                    for (String to : endpointIds(destination, targetNode)) {
                        if (from.equals(to)) {
                            continue;
                        }
                        MemberPair pair = new MemberPair(from, to, ports, allowedPorts);
                        List<MemberPair> into = pair.anyAllowed() ? open : closed;
                        if (into.size() < (into == open ? allowedLimit : blockedLimit)) {
                            into.add(pair);
                        }
                    }
                }
            }
        }
        List<MemberPair> all = new ArrayList<>(open);
        all.addAll(closed);
        all.sort(java.util.Comparator.comparing(MemberPair::sourceId).thenComparing(MemberPair::destinationId));
        return all;
    }

    /** The ids of an end's endpoints that {@code node} shows. */
    private List<String> endpointIds(int end, int node) {
        int classCount = frame.catalog.classCount();
        if (end >= classCount) {
            return List.of(engine.externalPeers().get(end - classCount).id());
        }
        List<String> ids = new ArrayList<>();
        String nodeId = frame.nodes.get(node).id();
        for (Endpoint.Pods pods : frame.classWorkloads[end]) {
            if (frame.classCollapsed[end] || pods.id().equals(nodeId)) {
                ids.add(pods.id());
            }
        }
        return ids;
    }
}

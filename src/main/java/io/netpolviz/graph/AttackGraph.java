package io.netpolviz.graph;

import io.netpolviz.model.Workload;
import io.netpolviz.policy.Connectivity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PortGroup;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;

/**
 * Who can open connections to whom, as a JGraphT graph for reach, paths and cuts. Its nodes are
 * pod classes — pods no policy can tell apart, so what one reaches, all reach, and no policy
 * change can close a connection for one and not the other — and "the internet" (any address
 * outside the cluster); an edge is a connection allowed on some port. At 10,000 pods this is a
 * few thousand nodes and edges, where the workload pairs would be millions.
 *
 * <p>A query works on a copy with two extra nodes: the start, with the out-edges of its class
 * (other workloads of its class are reached through them), and the end, with the in-edges of its
 * class. The internet is never passed through: an attacker outside reaches in, and a workload may
 * reach out, but "out to the internet and back in" is not a path through the cluster's policies.
 */
public final class AttackGraph {

    /** The node that stands for every address outside the cluster. */
    public static final String INTERNET = "ext:internet";

    static final int INTERNET_NODE = -1;
    static final int START = -2;
    static final int END = -3;

    private final Evaluation evaluation;
    private final List<PodClass> classes;
    /** Class to class, and class to the internet. */
    private final Graph<Integer, Hop> graph;
    /** The internet to each class, kept apart so that only a query from the internet has these edges. */
    private final PortSet[] fromInternet;

    private AttackGraph(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.classes = evaluation.engine().classes();
        this.graph = new DefaultDirectedWeightedGraph<>(Hop.class);
        this.fromInternet = new PortSet[classes.size()];
        Connectivity connectivity = evaluation.connectivity();
        graph.addVertex(INTERNET_NODE);
        for (PodClass podClass : classes) {
            graph.addVertex(podClass.index());
        }
        for (PodClass destination : classes) {
            for (PortGroup group : connectivity.sourcesOf(destination.index())) {
                if (!group.ports().isEmpty()) {
                    group.classes().forEach(source -> graph.addEdge(source, destination.index(), new Hop(group.ports())));
                }
            }
        }
        List<Endpoint.External> outside = outside(evaluation);
        for (PodClass podClass : classes) {
            Endpoint pods = new Endpoint.Pods(podClass.workloads().get(0), podClass);
            PortSet out = PortSet.NONE;
            PortSet in = PortSet.NONE;
            for (Endpoint.External external : outside) {
                out = out.union(evaluation.allowedPorts(pods, external));
                in = in.union(evaluation.allowedPorts(external, pods));
            }
            if (!out.isEmpty()) {
                graph.addEdge(podClass.index(), INTERNET_NODE, new Hop(out));
            }
            fromInternet[podClass.index()] = in;
        }
    }

    public static AttackGraph of(Evaluation evaluation) {
        return new AttackGraph(evaluation);
    }

    /** Any address at all, and every address block a rule names: the internet is reached if any of them is. */
    static List<Endpoint.External> outside(Evaluation evaluation) {
        List<Endpoint.External> outside = new ArrayList<>();
        outside.add(Endpoint.External.anyIpv4());
        evaluation.engine().externalPeers().stream().filter(x -> !x.isAnyAddress()).forEach(outside::add);
        return outside;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** The node a name stands for: a workload's class, or the internet; empty for an unknown name. */
    Optional<Integer> node(String name) {
        if (INTERNET.equals(name)) {
            return Optional.of(INTERNET_NODE);
        }
        return evaluation.engine().resolve(name).filter(e -> e instanceof Endpoint.Pods).map(e -> ((Endpoint.Pods) e).podClass().index());
    }

    /** Whether a name can start or end a query: {@code namespace/name} of a workload or pod, or {@link #INTERNET}. */
    public boolean knows(String name) {
        return node(name).isPresent();
    }

    /**
     * A copy for one query: the start node with the out-edges of {@code from}'s node, and (when
     * {@code to} is given) the end node with the in-edges of {@code to}'s node.
     */
    Graph<Integer, Hop> queryGraph(int from, Integer to) {
        Graph<Integer, Hop> query = new DefaultDirectedWeightedGraph<>(Hop.class);
        graph.vertexSet().forEach(query::addVertex);
        for (Hop hop : graph.edgeSet()) {
            query.addEdge(graph.getEdgeSource(hop), graph.getEdgeTarget(hop), new Hop(hop.ports()));
        }
        query.addVertex(START);
        if (from == INTERNET_NODE) {
            for (int c = 0; c < fromInternet.length; c++) {
                if (!fromInternet[c].isEmpty()) {
                    query.addEdge(START, c, new Hop(fromInternet[c]));
                }
            }
        } else {
            graph.outgoingEdgesOf(from).forEach(hop -> query.addEdge(START, graph.getEdgeTarget(hop), new Hop(hop.ports())));
        }
        if (to != null) {
            query.addVertex(END);
            graph.incomingEdgesOf(to).forEach(hop -> query.addEdge(graph.getEdgeSource(hop), END, new Hop(hop.ports())));
            if (from == INTERNET_NODE && to != INTERNET_NODE && !fromInternet[to].isEmpty()) {
                query.addEdge(START, END, new Hop(fromInternet[to]));
            } else if (from != INTERNET_NODE && graph.containsEdge(from, to)) {
                query.addEdge(START, END, new Hop(graph.getEdge(from, to).ports()));
            }
        }
        return query;
    }

    /** The workloads of a class node, sorted; the internet's name for the internet node. */
    List<String> members(int node) {
        if (node == INTERNET_NODE) {
            return List.of(INTERNET);
        }
        return classes.get(node).workloads().stream().map(Workload::id).sorted().toList();
    }

    int classCount() {
        return classes.size();
    }
}

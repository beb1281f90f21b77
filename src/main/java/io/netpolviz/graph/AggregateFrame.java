package io.netpolviz.graph;

import io.netpolviz.model.Namespace;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of an aggregated picture for one {@link Grouping}: its nodes, which node each pod
 * class and external peer shows up in, and its edges with their ports and how many workload
 * pairs each edge and port stands for. It depends only on the manifests and the grouping, never
 * on which policies are on, so verdicts change and the shape stays. Immutable once built.
 */
final class AggregateFrame {

    /** Receives the node pairs a pair of ends maps to, and how many workload pairs each carries. */
    @FunctionalInterface
    interface NodePairVisitor {
        void visit(int sourceNode, int targetNode, long weight);
    }

    final PairCatalog catalog;
    final Grouping grouping;
    final List<String> namespaces;
    /** Sorted as {@link ReachabilityGraph} sorts them: in-cluster nodes by id, then external peers. */
    final List<GraphNode> nodes;
    final Map<String, Integer> nodeIndex;
    /** Per class: the nodes showing its workloads (one collapsed namespace node, or one node per workload). */
    final int[][] classNodes;
    final boolean[] classCollapsed;
    /** Per class: its workloads (as the engine lists them, one per id). */
    final Endpoint.Pods[][] classWorkloads;
    /** Per external peer: its node. */
    final int[] externalNodes;
    /** Per node: the ends (class indices, or classCount + external) whose pairs it may stand in. */
    final int[][] nodeEnds;
    /** Per collapsed namespace node id: the workloads it stands for, as workload nodes. */
    final Map<String, List<GraphNode>> members;
    /** Per workload or external peer id: the node that shows it. */
    final Map<String, Integer> showingNode;

    int[] edgeSource = new int[0];
    int[] edgeTarget = new int[0];
    String[] edgeKeys = new String[0];
    PortRange[][] edgePorts = new PortRange[0][];
    /** Per edge, per port: the workload pairs that have the port. */
    long[][] portPairs = new long[0][];
    /** Per edge: the workload pairs it stands for. */
    long[] edgePairs = new long[0];
    private Map<Long, Integer> edgeByNodes = Map.of();
    Map<String, Integer> edgeByKey = Map.of();

    AggregateFrame(PairCatalog catalog, PolicyEngine engine, Grouping grouping) {
        this.catalog = catalog;
        this.grouping = grouping;
        // Collapsed namespaces get no box: their node stands for it.
        this.namespaces = engine.snapshot().namespaces().stream().map(Namespace::name)
                .filter(name -> !grouping.isCollapsed(name)).sorted().toList();
        int classCount = catalog.classCount();
        this.classWorkloads = workloadsByClass(engine, classCount);
        this.classCollapsed = new boolean[classCount];
        String[] classUnitNode = new String[classCount];

        TreeMap<String, GraphNode> byId = new TreeMap<>();
        Map<String, List<GraphNode>> memberNodes = new TreeMap<>();
        Map<Grouping.Unit, UnitCounts> units = new TreeMap<>(java.util.Comparator.comparing(Grouping.Unit::nodeId));
        for (PodClass podClass : engine.classes()) {
            Optional<Grouping.Unit> unit = grouping.unitOf(podClass.namespace(), podClass.labels());
            classCollapsed[podClass.index()] = unit.isPresent();
            unit.ifPresent(u -> classUnitNode[podClass.index()] = u.nodeId());
            for (Endpoint.Pods pods : classWorkloads[podClass.index()]) {
                GraphNode node = ReachabilityGraphBuilder.node(pods);
                if (unit.isPresent()) {
                    memberNodes.computeIfAbsent(unit.get().nodeId(), id -> new ArrayList<>()).add(node);
                    units.computeIfAbsent(unit.get(), u -> new UnitCounts()).add(podClass, pods.workload().replicas());
                } else {
                    byId.put(node.id(), node);
                }
            }
        }
        units.forEach((unit, counts) -> {
            GraphNode node = switch (unit.kind()) {
                case GROUP -> GraphNode.collapsedGroup(unit.name(), counts.namespaces.size(), counts.workloads, counts.pods,
                        counts.sharedLabels);
                case NAMESPACE -> GraphNode.collapsedNamespace(unit.name(), counts.workloads, counts.pods, counts.sharedLabels);
                case PART -> GraphNode.collapsedPart(counts.namespaces.iterator().next(),
                        unit.name().substring(unit.name().indexOf('/') + 1), counts.workloads, counts.pods, counts.podLabels);
            };
            byId.put(node.id(), node);
        });
        List<GraphNode> sorted = new ArrayList<>(byId.values());
        List<Endpoint.External> externals = engine.externalPeers();
        List<GraphNode> externalNodeList = new ArrayList<>();
        for (Endpoint.External external : externals) {
            externalNodeList.add(ReachabilityGraphBuilder.node(external));
        }
        externalNodeList.sort(null);
        sorted.addAll(externalNodeList);
        this.nodes = List.copyOf(sorted);
        this.nodeIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            nodeIndex.put(nodes.get(i).id(), i);
        }
        memberNodes.values().forEach(list -> list.sort(null));
        this.members = Map.copyOf(memberNodes);

        this.classNodes = new int[classCount][];
        this.showingNode = new HashMap<>();
        List<List<Integer>> ends = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ends.add(new ArrayList<>());
        }
        for (int c = 0; c < classCount; c++) {
            Endpoint.Pods[] workloads = classWorkloads[c];
            if (workloads.length == 0) {
                classNodes[c] = new int[0];
                continue;
            }
            if (classCollapsed[c]) {
                int node = nodeIndex.get(classUnitNode[c]);
                classNodes[c] = new int[] {node};
                ends.get(node).add(c);
                for (Endpoint.Pods pods : workloads) {
                    showingNode.put(pods.id(), node);
                }
            } else {
                classNodes[c] = new int[workloads.length];
                for (int w = 0; w < workloads.length; w++) {
                    int node = nodeIndex.get(workloads[w].id());
                    classNodes[c][w] = node;
                    ends.get(node).add(c);
                    showingNode.put(workloads[w].id(), node);
                }
            }
        }
        this.externalNodes = new int[externals.size()];
        for (int x = 0; x < externals.size(); x++) {
            int node = nodeIndex.get(externals.get(x).id());
            externalNodes[x] = node;
            ends.get(node).add(classCount + x);
            showingNode.put(externals.get(x).id(), node);
        }
        this.nodeEnds = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            nodeEnds[i] = ends.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * What a collapsed node sums up: its namespaces, workloads and pods, the labels all its
     * namespaces share and the pod labels all its workloads share (a part's labels).
     */
    private static final class UnitCounts {
        private final Set<String> namespaces = new TreeSet<>();
        private Map<String, String> sharedLabels;
        private Map<String, String> podLabels;
        private int workloads;
        private int pods;

        void add(PodClass podClass, int replicas) {
            workloads++;
            pods += replicas;
            if (podLabels == null) {
                podLabels = new TreeMap<>(podClass.labels());
            } else {
                podLabels.entrySet().retainAll(podClass.labels().entrySet());
            }
            if (namespaces.add(podClass.namespace())) {
                Map<String, String> labels = new TreeMap<>(podClass.namespaceLabels());
                if (sharedLabels == null) {
                    sharedLabels = labels;
                } else {
                    sharedLabels.entrySet().retainAll(labels.entrySet());
                }
            }
        }
    }

    /** The workloads of each class, one per id as the engine's endpoints have them, sorted by id. */
    private static Endpoint.Pods[][] workloadsByClass(PolicyEngine engine, int classCount) {
        List<List<Endpoint.Pods>> lists = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            lists.add(new ArrayList<>());
        }
        for (Endpoint.Pods pods : engine.workloadEndpoints()) {
            lists.get(pods.podClass().index()).add(pods);
        }
        Endpoint.Pods[][] out = new Endpoint.Pods[classCount][];
        for (int c = 0; c < classCount; c++) {
            out[c] = lists.get(c).toArray(new Endpoint.Pods[0]);
        }
        return out;
    }

    /**
     * The node pairs the workload pairs of a pair of ends fall on. A workload never pairs with
     * itself; in a collapsed namespace the pairs of one class with itself are its workloads'
     * ordered pairs of two different workloads.
     */
    void forEachNodePair(int source, int destination, NodePairVisitor visitor) {
        int classCount = catalog.classCount();
        boolean sourceIsClass = source < classCount;
        boolean destinationIsClass = destination < classCount;
        int[] sourceNodes = sourceIsClass ? classNodes[source] : new int[] {externalNodes[source - classCount]};
        int[] destinationNodes = destinationIsClass ? classNodes[destination] : new int[] {externalNodes[destination - classCount]};
        boolean sourceCollapsed = sourceIsClass && classCollapsed[source];
        boolean destinationCollapsed = destinationIsClass && classCollapsed[destination];
        long sourceWeight = sourceIsClass ? classWorkloads[source].length : 1;
        long destinationWeight = destinationIsClass ? classWorkloads[destination].length : 1;
        if (sourceNodes.length == 0 || destinationNodes.length == 0) {
            return;
        }
        if (sourceCollapsed && destinationCollapsed) {
            long weight = sourceWeight * destinationWeight - (source == destination ? sourceWeight : 0);
            if (weight > 0) {
                visitor.visit(sourceNodes[0], destinationNodes[0], weight);
            }
        } else if (sourceCollapsed) {
            for (int target : destinationNodes) {
                visitor.visit(sourceNodes[0], target, sourceWeight);
            }
        } else if (destinationCollapsed) {
            for (int from : sourceNodes) {
                visitor.visit(from, destinationNodes[0], destinationWeight);
            }
        } else {
            for (int from : sourceNodes) {
                for (int target : destinationNodes) {
                    if (from != target) {
                        visitor.visit(from, target, 1);
                    }
                }
            }
        }
    }

    /**
     * The ports a pair of ends shows: on an edge that touches a collapsed node, the ports rules
     * name ({@link PairCatalog#namedPorts}); between two workloads (or a workload and an external
     * peer), every candidate port, as the workload graph shows them.
     */
    List<PortRange> ports(int source, int destination) {
        int classCount = catalog.classCount();
        boolean summary = (source < classCount && classCollapsed[source]) || (destination < classCount && classCollapsed[destination]);
        return summary ? catalog.namedPorts(source, destination) : catalog.candidatePorts(source, destination);
    }

    /** The edge between two nodes, or -1. */
    int edge(int sourceNode, int targetNode) {
        Integer edge = edgeByNodes.get(pairKey(sourceNode, targetNode));
        return edge == null ? -1 : edge;
    }

    int edgeCount() {
        return edgeKeys.length;
    }

    long pairKey(int sourceNode, int targetNode) {
        return (long) sourceNode * nodes.size() + targetNode;
    }

    /** Fixes the edges, in the order {@link ReachabilityGraph} sorts them (source id, then target id). */
    void setEdges(List<EdgeShape> shapes) {
        List<EdgeShape> sorted = new ArrayList<>(shapes);
        sorted.sort((a, b) -> {
            int bySource = nodes.get(a.source()).id().compareTo(nodes.get(b.source()).id());
            return bySource != 0 ? bySource : nodes.get(a.target()).id().compareTo(nodes.get(b.target()).id());
        });
        int count = sorted.size();
        edgeSource = new int[count];
        edgeTarget = new int[count];
        edgeKeys = new String[count];
        edgePorts = new PortRange[count][];
        portPairs = new long[count][];
        edgePairs = new long[count];
        Map<Long, Integer> byNodes = new HashMap<>();
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int e = 0; e < count; e++) {
            EdgeShape shape = sorted.get(e);
            edgeSource[e] = shape.source();
            edgeTarget[e] = shape.target();
            edgeKeys[e] = GraphEdge.key(nodes.get(shape.source()).id(), nodes.get(shape.target()).id());
            edgePorts[e] = shape.ports();
            portPairs[e] = shape.portPairs();
            edgePairs[e] = shape.pairs();
            byNodes.put(pairKey(shape.source(), shape.target()), e);
            byKey.put(edgeKeys[e], e);
        }
        edgeByNodes = byNodes;
        edgeByKey = byKey;
    }

    /** Where a port of an edge sits in its sorted port list, or a negative number. */
    int portIndex(int edge, PortRange port) {
        return Arrays.binarySearch(edgePorts[edge], port);
    }

    /** An edge as the first pass found it, with the pair counts that never change. */
    record EdgeShape(int source, int target, PortRange[] ports, long[] portPairs, long pairs) {
    }
}

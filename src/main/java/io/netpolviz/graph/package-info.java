/**
 * The reachability graph: from the engine's verdicts for a cluster and a set of switched-on
 * policies, the nodes (workloads, external peers) and the port-labelled edges a diagram shows,
 * over JGraphT. For a cluster too large to read workload by workload, {@link
 * io.netpolviz.graph.AggregatedGraph} makes the same graph from the class-level connectivity
 * with namespaces, groups of namespaces and parts of namespaces collapsed into one node each
 * ({@link io.netpolviz.graph.Grouping}), and summary edges that count the workload pairs they
 * stand for. {@link io.netpolviz.graph.ComparedEdges} marks a workload picture with how it differs
 * from another side ({@link io.netpolviz.graph.DiffMark}). Knows nothing of layout, drawing or JavaFX.
 */
package io.netpolviz.graph;

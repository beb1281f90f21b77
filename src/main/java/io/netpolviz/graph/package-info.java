/**
 * The reachability graph: from the engine's verdicts for a cluster and a set of switched-on
 * policies, the nodes (workloads, external peers) and the port-labelled edges a diagram shows,
 * over JGraphT. For a cluster too large to read workload by workload, {@link
 * io.netpolviz.graph.AggregatedGraph} makes the same graph from the class-level connectivity
 * with namespaces, groups of namespaces and parts of namespaces collapsed into one node each
 * ({@link io.netpolviz.graph.Grouping}), and summary edges that count the workload pairs they
 * stand for. {@link io.netpolviz.graph.AttackGraph} is the attacker's graph — pod classes and the
 * internet, an edge where a connection is allowed on some port — and {@link
 * io.netpolviz.graph.AttackSearch} answers over it with JGraphT's algorithms: reach with hop counts
 * (breadth-first search), the shortest paths with the ports of each hop, and a minimum s–t cut
 * (Edmonds–Karp), whose connections {@link io.netpolviz.graph.CutFixes} closes with the smallest fix
 * (one from the internet for every address outside, block by block).
 * A workload picture's edges come from {@link io.netpolviz.graph.PictureComposer}: pairs with one
 * verdict are drawn once from or to a box or everywhere ({@code EdgeCover}), a
 * fan of edges that differ only in the number of one named port is one edge by that name ({@link
 * io.netpolviz.graph.PortName}, "✓ metrics"), and like half-open pairs of one namespace are one edge
 * from its box; every step is checked pair by pair against the verdicts ({@code CoverCheck}).
 * {@link io.netpolviz.graph.ComparedEdges} marks a workload picture with how it differs from
 * another side ({@link io.netpolviz.graph.DiffMark}). Knows nothing of layout, drawing or JavaFX.
 */
package io.netpolviz.graph;

/**
 * The reachability graph: from the engine's verdicts for a cluster and a set of switched-on
 * policies, the nodes (workloads, external peers) and the port-labelled edges a diagram shows,
 * over JGraphT. Knows nothing of layout, drawing or JavaFX.
 */
package io.netpolviz.graph;

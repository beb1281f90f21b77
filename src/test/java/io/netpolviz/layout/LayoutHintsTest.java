package io.netpolviz.layout;

import static io.netpolviz.layout.SampleGraphs.allowed;
import static io.netpolviz.layout.SampleGraphs.edge;
import static io.netpolviz.layout.SampleGraphs.external;
import static io.netpolviz.layout.SampleGraphs.tcp;
import static io.netpolviz.layout.SampleGraphs.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayoutHintsTest {

    private static final List<GraphNode> NODES = List.of(
            workload("storefront", "web", WorkloadKind.DEPLOYMENT, 2, false, Map.of("app", "web")),
            workload("storefront", "cart", WorkloadKind.DEPLOYMENT, 1, false, Map.of("app", "cart")),
            workload("orders", "checkout", WorkloadKind.DEPLOYMENT, 1, false, Map.of("app", "checkout")),
            workload("data", "redis", WorkloadKind.STATEFUL_SET, 1, false, Map.of("app", "redis")),
            workload("monitoring", "prometheus", WorkloadKind.DEPLOYMENT, 1, false, Map.of("app", "prometheus")),
            external("203.0.113.0/24"));

    private static final List<GraphEdge> EDGES = List.of(
            edge("storefront/web", "orders/checkout", allowed(tcp(8080))),
            edge("orders/checkout", "storefront/cart", allowed(tcp(8080))),
            edge("storefront/cart", "data/redis", allowed(tcp(6379))),
            edge("orders/checkout", "ext:203.0.113.0/24", allowed(tcp(443))),
            edge("monitoring/prometheus", "data/redis", allowed(tcp(9121))));

    @Test
    void theEdgesBetweenTwoNamespacesThatCallEachOtherAreWithheld() {
        ReachabilityGraph graph = new ReachabilityGraph(List.of("data", "monitoring", "orders", "storefront"), NODES, EDGES);
        LayoutHints hints = LayoutHints.of(graph);
        assertEquals(Set.of("storefront/web->orders/checkout", "orders/checkout->storefront/cart"), keys(hints.withheld()),
                "storefront calls orders and orders calls storefront; data calls nobody back");
        assertEquals(Set.of(), keys(hints.reversed()), "without a zone of open namespaces the addresses stand on their own");
    }

    @Test
    void edgesToAddressesInTheZoneOfOpenNamespacesAreLaidOutReversed() {
        ReachabilityGraph graph = new ReachabilityGraph(List.of("data", "monitoring", "orders", "storefront", GraphNode.OUTSIDE), NODES, EDGES,
                Map.of(), Set.of("monitoring", GraphNode.OUTSIDE));
        LayoutHints hints = LayoutHints.of(graph);
        assertEquals(Set.of("orders/checkout->ext:203.0.113.0/24"), keys(hints.reversed()));
        assertEquals(Set.of("storefront/web->orders/checkout", "orders/checkout->storefront/cart"), keys(hints.withheld()),
                "monitoring is in the zone, which is laid out as one unit");
    }

    @Test
    void aNamespaceInTheZoneNeverHasItsEdgesWithheld() {
        List<GraphEdge> edges = List.of(
                edge("monitoring/prometheus", "storefront/web", allowed(tcp(8080))),
                edge("storefront/web", "monitoring/prometheus", allowed(tcp(9090))));
        ReachabilityGraph graph = new ReachabilityGraph(List.of("data", "monitoring", "orders", "storefront"), NODES, edges,
                Map.of(), Set.of("monitoring", "data"));
        assertEquals(Set.of(), keys(LayoutHints.of(graph).withheld()));
    }

    @Test
    void aPictureOfManyEdgesIsLeftToTheLayoutEngine() {
        List<GraphEdge> many = new java.util.ArrayList<>(EDGES);
        for (int port = 1; many.size() <= LayoutHints.UP_TO_EDGES; port++) {
            many.add(edge("storefront/cart", "data/redis", allowed(tcp(10_000 + port))));
        }
        ReachabilityGraph graph = new ReachabilityGraph(List.of("data", "monitoring", "orders", "storefront"), NODES, many);
        assertEquals(Set.of(), keys(LayoutHints.of(graph).withheld()), "detours cost too much on a picture this large");
    }

    private static Set<String> keys(Set<GraphEdge> edges) {
        return edges.stream().map(GraphEdge::key).collect(Collectors.toSet());
    }
}

package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.PortRange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewFilterTest {

    private static final GraphNode WEB = workload("shop", "web", Map.of("app", "web"));
    private static final GraphNode API = workload("shop", "api", Map.of("app", "api", "tier", "backend"));
    private static final GraphNode DB = workload("data", "db", Map.of("app", "db"));
    private static final GraphNode INTERNET = new GraphNode("ext:any", NodeType.EXTERNAL, "", "any address", null, 0, false, Map.of());

    private static final ReachabilityGraph GRAPH = new ReachabilityGraph(List.of("shop", "data"),
            List.of(WEB, API, DB, INTERNET),
            List.of(edge(WEB, API, true, false), edge(API, DB, false, true), edge(WEB, DB, false, false),
                    edge(API, INTERNET, true, false)));

    private static final Set<String> ALL = Set.of(WEB.id(), API.id(), DB.id(), INTERNET.id());

    private static GraphNode workload(String namespace, String name, Map<String, String> labels) {
        return new GraphNode(namespace + "/" + name, NodeType.WORKLOAD, namespace, name, WorkloadKind.DEPLOYMENT, 1, false, labels);
    }

    private static GraphEdge edge(GraphNode from, GraphNode to, boolean allowed, boolean changed) {
        return new GraphEdge(from.id(), to.id(), List.of(new PortVerdict(PortRange.single(Protocol.TCP, 8080), allowed, false, changed)));
    }

    @Test
    void noFilterShowsEverythingPresent() {
        ViewFilter.Visibility visible = ViewFilter.NONE.apply(GRAPH, ALL);
        assertEquals(ALL, visible.nodeIds());
        assertEquals(4, visible.edgeKeys().size());
        assertEquals(Set.of("shop", "data"), visible.namespaces());
    }

    @Test
    void allowedOnlyKeepsNodesButDropsBlockedEdges() {
        ViewFilter.Visibility visible = ViewFilter.NONE.withEdges(ViewFilter.EdgeFilter.ALLOWED).apply(GRAPH, ALL);
        assertEquals(Set.of("shop/web->shop/api", "shop/api->ext:any"), visible.edgeKeys());
        assertEquals(ALL, visible.nodeIds());
    }

    @Test
    void blockedOnlyAndChangedOnlySelectByVerdict() {
        assertEquals(Set.of("shop/api->data/db", "shop/web->data/db"),
                ViewFilter.NONE.withEdges(ViewFilter.EdgeFilter.BLOCKED).apply(GRAPH, ALL).edgeKeys());
        assertEquals(Set.of("shop/api->data/db"), ViewFilter.NONE.withEdges(ViewFilter.EdgeFilter.CHANGED).apply(GRAPH, ALL).edgeKeys());
    }

    @Test
    void aNamespaceFilterKeepsExternalPeersOnlyThroughItsOwnNodes() {
        ViewFilter.Visibility shop = ViewFilter.NONE.withNamespaces(Set.of("shop")).apply(GRAPH, ALL);
        assertEquals(Set.of(WEB.id(), API.id(), INTERNET.id()), shop.nodeIds());
        assertEquals(Set.of("shop/web->shop/api", "shop/api->ext:any"), shop.edgeKeys());
        ViewFilter.Visibility data = ViewFilter.NONE.withNamespaces(Set.of("data")).apply(GRAPH, ALL);
        assertEquals(Set.of(DB.id()), data.nodeIds());
        assertEquals(Set.of(), data.edgeKeys());
    }

    @Test
    void searchMatchesLabelsAndShowsTheMatchesWithTheirNeighbours() {
        ViewFilter.Visibility visible = ViewFilter.NONE.withSearch("TIER=backend").apply(GRAPH, ALL);
        assertEquals(Set.of(API.id(), WEB.id(), DB.id(), INTERNET.id()), visible.nodeIds());
        assertEquals(Set.of("shop/web->shop/api", "shop/api->data/db", "shop/api->ext:any"), visible.edgeKeys());
    }

    @Test
    void focusShowsOneNodesEdgesOnly() {
        ViewFilter.Visibility visible = ViewFilter.NONE.withFocus(DB.id()).apply(GRAPH, ALL);
        assertEquals(Set.of("shop/api->data/db", "shop/web->data/db"), visible.edgeKeys());
        assertEquals(Set.of(DB.id(), API.id(), WEB.id()), visible.nodeIds());
    }

    @Test
    void nodesAbsentFromTheStepNeverShowNorDoTheirEdges() {
        ViewFilter.Visibility visible = ViewFilter.NONE.apply(GRAPH, Set.of(WEB.id(), API.id()));
        assertEquals(Set.of(WEB.id(), API.id()), visible.nodeIds());
        assertEquals(Set.of("shop/web->shop/api"), visible.edgeKeys());
        assertEquals(Set.of("shop"), visible.namespaces());
    }
}

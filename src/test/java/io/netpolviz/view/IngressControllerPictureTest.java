package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.DiffMark;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.model.PolicyId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ingress controller in the app's picture: a peer outside the cluster with an edge to each workload an
 * Ingress routes to. https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/connlist/connlist.go:
 * "compute allowed connections based on pe.policies to the peer, then intersect the conns with ingress
 * connections to the peer". The sample routes shop.example.com/ to Service frontend (port 80, targetPort
 * http = web's 8080) and /api to Service api (9090), which admits only web's pods.
 */
class IngressControllerPictureTest {

    private static final Path SHOP = Path.of("src/test/resources/ingress/shop");

    @Test
    void theControllerReachesTheRoutedWebAndIsBlockedAtTheApi() throws Exception {
        Evaluated shop = TutorialSteps.open(SHOP, 0, false, Set.of());

        assertEquals(NodeType.EXTERNAL, shop.picture().graph().node("{ingress-controller}").orElseThrow().type());
        assertEquals(List.of(true), allowed(shop.picture().edge("{ingress-controller}->shop/web").orElseThrow()));
        assertEquals(List.of(false), allowed(shop.picture().edge("{ingress-controller}->shop/api").orElseThrow()));
        assertFalse(shop.picture().edge("{ingress-controller}->shop/db").isPresent(), "nothing routes to db");

        Details web = SelectionDetails.describe(new Selection.Edge("{ingress-controller}->shop/web"), shop);
        assertEquals("Ingress shop/web routes port 80 of Service frontend to shop/web on TCP 8080; policies allow TCP 8080 from the"
                + " ingress controller", web.text().strip());
        Details api = SelectionDetails.describe(new Selection.Edge("{ingress-controller}->shop/api"), shop);
        assertTrue(api.text().contains("the policies block the ingress controller: ingress of shop/api is isolated by shop/api-from-web"),
                api.text());
    }

    @Test
    void switchingOffTheApisPolicyOpensTheControllersEdge() throws Exception {
        Evaluated shop = TutorialSteps.open(SHOP, 0, false, Set.of(new PolicyId("shop", "api-from-web")));

        assertEquals(List.of(true), allowed(shop.picture().edge("{ingress-controller}->shop/api").orElseThrow()));
    }

    /** A toggle marks the controller's port it flips, as it marks every other edge's. */
    @Test
    void aToggleMarksTheControllersPortItOpened() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(SHOP)));
        Evaluation on = engine.evaluate();
        Picture.Request request = Picture.Request.export(ViewFilter.NONE, LayoutOptions.defaults());
        Picture before = Picture.ofWorkloads(on, null, null, request);
        Picture after = Picture.ofWorkloads(on.toggle(new PolicyId("shop", "api-from-web")), null, before, request);

        assertEquals(List.of(false), changed(before.edge("{ingress-controller}->shop/api").orElseThrow()), "a fresh picture marks nothing");
        assertEquals(List.of(true), changed(after.edge("{ingress-controller}->shop/api").orElseThrow()));
        assertEquals(List.of(false), changed(after.edge("{ingress-controller}->shop/web").orElseThrow()), "web's port did not flip");
    }

    /** Compare mode lists and marks the controller's changes: here the api's policy is missing on the side compared with. */
    @Test
    void compareModeMarksTheControllersChangedEdge() throws Exception {
        ClusterSnapshot shop = new ManifestLoader().load(List.of(SHOP));
        ClusterSnapshot withoutApiPolicy = new ClusterSnapshot(shop.sourceName(), shop.namespaces(), shop.workloads(), shop.services(),
                shop.policies().stream().filter(p -> !p.id().equals(new PolicyId("shop", "api-from-web"))).toList(), List.of(), List.of(),
                List.of(), List.of(), null, shop.ingressRoutes());
        Comparison comparison = Comparison.of("before", withoutApiPolicy);
        Evaluation now = PolicyEngine.compile(shop).evaluate();
        List<ConnectivityChange> changes = comparison.changesTo(now);
        Picture picture = Picture.ofWorkloads(now, null, null, Picture.Request.export(ViewFilter.NONE, LayoutOptions.defaults())
                .comparedWith(comparison), changes);

        assertTrue(changes.stream().anyMatch(c -> c.sourceId().equals("{ingress-controller}") && c.destinationId().equals("shop/api")
                && c.kind() == ConnectivityChange.Kind.REMOVED), changes.toString());
        DiffMark mark = picture.edge("{ingress-controller}->shop/api").orElseThrow().diff();
        assertEquals(ConnectivityChange.Kind.REMOVED, mark.kind());
        assertEquals("TCP 9090", mark.before().display());
        assertTrue(mark.after().isEmpty());
    }

    /**
     * A summed-up picture (namespace shop collapsed) draws the controller too: one edge to the node that shows the routed
     * workloads, each port read as every summary edge is read — allowed where every workload routed on it allows it —
     * and a toggle marks the port it flipped. Read back: every routed workload's ports on the edge of its node say
     * what the controller reaches on them.
     */
    @Test
    void aCollapsedNamespaceKeepsTheControllersEdgeExact() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(SHOP)));
        Grouping grouping = new Grouping(java.util.Map.of(), Set.of("shop"));
        Picture.Request request = Picture.Request.export(ViewFilter.NONE, LayoutOptions.defaults());
        AggregatedGraph aggregate = AggregatedGraph.build(grouping, engine.evaluate());
        Picture summed = Picture.ofAggregate(aggregate, null, request);

        GraphEdge edge = summed.edge("{ingress-controller}->" + aggregate.nodeShowing("shop/web").orElseThrow()).orElseThrow();
        assertEquals(List.of("\u2713 TCP 8080", "\u2717 TCP 9090"), edge.ports().stream().map(PortVerdict::display).toList());
        for (IngressControllerReach.Target target : IngressControllerReach.of(aggregate.evaluation())) {
            GraphEdge shown = summed.edge("{ingress-controller}->" + aggregate.nodeShowing(target.workloadId()).orElseThrow()).orElseThrow();
            for (PortVerdict port : shown.ports()) {
                if (target.routed().overlaps(port.port())) {
                    assertEquals(target.allowed().containsAll(port.port()), port.allowed(), target.workloadId() + " " + port);
                }
            }
        }

        Evaluation off = aggregate.evaluation().toggle(new PolicyId("shop", "api-from-web"));
        Picture toggled = Picture.ofAggregate(aggregate.withVerdicts(off), summed, request);
        GraphEdge after = toggled.edge(edge.key()).orElseThrow();
        assertEquals(List.of("\u2713 TCP 8080", "\u2713 TCP 9090"), after.ports().stream().map(PortVerdict::display).toList());
        assertEquals(List.of(false, true), changed(after));
        Evaluated opened = TutorialSteps.open(SHOP, 0, false, Set.of());
        Evaluated summedUp = new Evaluated(opened.workspace(), aggregate.evaluation(), summed, List.of(), List.of(), 0, 0, "", null, List.of());
        String words = SelectionDetails.describe(new Selection.Edge(edge.key()), summedUp).text();
        assertTrue(words.contains("Ingress shop/web routes port 80") && words.contains("shop/api"), words);
    }

    private static List<Boolean> changed(GraphEdge edge) {
        return edge.ports().stream().map(PortVerdict::changed).toList();
    }

    private static List<Boolean> allowed(GraphEdge edge) {
        return edge.ports().stream().map(PortVerdict::allowed).toList();
    }
}

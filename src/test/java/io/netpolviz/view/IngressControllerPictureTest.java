package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
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

    private static List<Boolean> allowed(GraphEdge edge) {
        return edge.ports().stream().map(PortVerdict::allowed).toList();
    }
}

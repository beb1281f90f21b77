package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.PortVerdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lesson 12 as the app shows it: with the tenant networks (step 2) a node says which network its pods are on,
 * the pair the policy admits across networks is explained by the networks, and the ingress controller still
 * reaches the routed workloads on their UDN.
 *
 * <p>https://docs.openshift.com/container-platform/4.18/networking/multiple_networks/primary_networks/about-user-defined-networks.html:
 * "By default, these pods are isolated from communicating with pods that exist in other UDNs."
 * https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/eval/check.go: "If either peer is external,
 * returns not isolated" (the ingress controller is such a peer, isPeerExternal).
 */
class TenantNetworksLessonTest {

    private static final Path LESSON = Path.of("sample-clusters/12-tenant-networks");

    @Test
    void theSecondStepExplainsTheNetworksInTheDetailsPane() throws Exception {
        Evaluated step2 = TutorialSteps.open(LESSON, 2, false, Set.of(), "billing/api");

        String api = SelectionDetails.describe(new Selection.Node("billing/api"), step2).text();
        assertTrue(api.contains("UserDefinedNetwork billing/billing-net (Layer2): these pods reach only pods of this network"), api);
        String web = SelectionDetails.describe(new Selection.Node("shop/web"), step2).text();
        assertTrue(web.contains("the cluster's pod network: these pods cannot reach pods on a UserDefinedNetwork"), web);
        String pair = SelectionDetails.describe(new Selection.Edge("shop/web->billing/api"), step2).text();
        assertTrue(pair.contains("namespace billing is on UserDefinedNetwork billing/billing-net; pods on other networks cannot reach it"),
                pair);
        assertEquals(List.of(true), step2.picture().edge("{ingress-controller}->billing/api").orElseThrow().ports().stream()
                .map(PortVerdict::allowed).toList(), "the controller is on no network");
    }

    @Test
    void theFirstStepHasNoNetworksToSpeakOf() throws Exception {
        Evaluated step1 = TutorialSteps.open(LESSON, 1, false, Set.of());

        String api = SelectionDetails.describe(new Selection.Node("billing/api"), step1).text();
        assertTrue(!api.contains("Network"), api);
        assertTrue(step1.evaluation().allowedPorts(step1.evaluation().engine().resolve("shop/web").orElseThrow(),
                step1.evaluation().engine().resolve("billing/api").orElseThrow()).display().contains("8443"));
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico's host endpoints: nodes' interfaces, which the picture does not draw. A rule whose
 * selector picks one is decided at run time (never guessed), the explanation and a warning say so.
 */
class CalicoHostEndpointsTest {

    @TempDir
    Path dir;

    private static final String HOST = """
            apiVersion: projectcalico.org/v3
            kind: HostEndpoint
            metadata: {name: node-1-eth0, labels: {role: webserver}}
            spec: {interfaceName: eth0, node: node-1, expectedIPs: [10.0.0.1]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: gateway, namespace: shop, labels: {role: webserver}}
            spec: {containers: [{name: c, image: i}]}
            ---
            """;

    @Test
    void aGlobalRuleWhoseSelectorPicksAHostEndpointIsDecidedAtRunTimeAndSaysSo() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/host-endpoints/overview: "Host endpoints can have labels, and their
        // labels are in the same "namespace" as those of workload endpoints. This allows security rules for either type of
        // endpoint to refer to the other type (or a mix of the two) using labels and selectors."
        Evaluation evaluation = new Loaded(dir).evaluate(HOST + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-from-webservers}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {selector: role == 'webserver'}}]}
                """);
        assertFalse(CalicoSemanticsTest.allowed(evaluation, "shop/gateway", "shop/web", Protocol.TCP, 8080),
                "the rule is not counted (the tier's default Deny decides), not guessed to match the pod");
        PolicyEngine engine = evaluation.engine();
        String text = new Explainer(evaluation).explain(evaluation.verdict(engine.resolve("shop/gateway").orElseThrow(),
                engine.resolve("shop/web").orElseThrow(), Protocol.TCP, 8080));
        assertTrue(text.contains("ingress rule 1: Allow depends on host endpoint node-1-eth0, decided at run time"), text);
        List<String> warnings = warnings(engine.snapshot());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("GlobalNetworkPolicy web-from-webservers: this ingress rule's source selects"
                + " host endpoint node-1-eth0 (a node's interface); whether it matches is decided at run time")), warnings::toString);
    }

    @Test
    void aPolicyThatAppliesToAHostEndpointIsWarnedOfAndANamespacedRuleDoesNotReachOne() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy: "GlobalNetworkPolicy applies to workload
        // endpoint resources in all namespaces, and to host endpoint resources." Host endpoints are outside every namespace, so a
        // namespaced NetworkPolicy's rule selector (its own namespace only) never picks one.
        Evaluation evaluation = new Loaded(dir).evaluate(HOST + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: lock-webservers}
                spec: {selector: role == 'webserver', egress: [{action: Allow}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web-in, namespace: shop}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {selector: role == 'webserver'}}]}
                """);
        List<String> warnings = warnings(evaluation.engine().snapshot());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("GlobalNetworkPolicy lock-webservers also applies to host endpoint node-1-eth0")),
                warnings::toString);
        assertTrue(CalicoSemanticsTest.allowed(evaluation, "shop/gateway", "shop/web", Protocol.TCP, 8080), "the namespaced rule decides");
        assertEquals(1, warnings.stream().filter(w -> w.contains("node-1-eth0")).count(), warnings::toString);
    }

    private static List<String> warnings(ClusterSnapshot snapshot) {
        return snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::message).toList();
    }

    /** Loads a cluster of the Calico semantics tests with these manifests added. */
    record Loaded(Path dir) {
        Evaluation evaluate(String manifests) throws IOException {
            CalicoSemanticsTest semantics = new CalicoSemanticsTest();
            semantics.dir = dir;
            return semantics.evaluate(manifests);
        }
    }
}

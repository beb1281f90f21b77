package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico's network sets: addresses under labels that rule selectors pick. Each answer is checked
 * against the literal reference too ({@link CalicoSemanticsTest#allowed}).
 */
class CalicoNetworkSetsTest {

    @TempDir
    Path dir;

    private Evaluation evaluate(String manifests) throws IOException {
        CalicoSemanticsTest semantics = new CalicoSemanticsTest();
        semantics.dir = dir;
        return semantics.evaluate(manifests);
    }

    private static final String BAD_ACTORS = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkSet
            metadata: {name: bad-actors, labels: {threat: high}}
            spec: {nets: [203.0.113.0/24, 198.51.100.7]}
            ---
            """;

    @Test
    void aGlobalPolicysRuleSelectorMatchesTheNetsOfTheGlobalNetworkSetsItsSelectorPicks() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/globalnetworkset: "When Calico is calculating the set of
        // IPs that should match a source/destination selector within a global network policy rule, or within a network policy
        // rule whose namespaceSelector includes global(), it includes the CIDRs from any network sets that match the selector."
        Evaluation evaluation = evaluate(BAD_ACTORS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-bad}
                spec: {order: 10, selector: all(), types: [Ingress, Egress], ingress: [{action: Deny, source: {selector: threat == 'high'}}],
                  egress: [{action: Deny, destination: {selector: threat == 'high'}}, {action: Allow}]}
                """);
        assertFalse(allowed(evaluation, "ext:203.0.113.9", "shop/web", 8080), "inside the set's first net: denied");
        assertFalse(allowed(evaluation, "shop/web", "ext:198.51.100.7", 443), "a bare address in nets is a /32 of the set");
        assertTrue(allowed(evaluation, "shop/web", "ext:198.51.100.8", 443), "outside the set: the next rule allows");
        String text = explain(evaluation, "shop/web", "ext:203.0.113.9", 443);
        assertTrue(text.contains("to selector threat == 'high' (which picks GlobalNetworkSet bad-actors: 203.0.113.0/24, 198.51.100.7/32)"),
                text);
        assertTrue(evaluation.engine().externalPeers().stream().anyMatch(peer -> peer.id().contains("203.0.113.0/24")),
                "the picture shows the set's nets as address blocks: " + evaluation.engine().externalPeers());
    }

    @Test
    void aNamespacedPolicyPicksGlobalSetsOnlyWhenItsNamespaceSelectorIncludesGlobal() throws IOException {
        // Same passage: only "a network policy rule whose namespaceSelector includes global()" sees global network sets.
        String policy = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web-in, namespace: shop}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {selector: threat == 'high'NAMESPACES}}]}
                """;
        assertFalse(allowed(evaluate(BAD_ACTORS + policy.replace("NAMESPACES", "")), "ext:203.0.113.9", "shop/web", 8080),
                "without global() the selector sees its own namespace only: the tier's default Deny");
        assertTrue(allowed(evaluate(BAD_ACTORS + policy.replace("NAMESPACES", ", namespaceSelector: global()")), "ext:203.0.113.9",
                "shop/web", 8080));
    }

    @Test
    void aNamespacedNetworkSetServesThePoliciesOfItsOwnNamespace() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/networkset: "A NetworkSet in a specific namespace only
        // applies to network policies in that namespace." ... "When Calico is calculating the set of IPs that should match a
        // source/destination selector within a network policy rule, it includes the CIDRs from any network sets that match
        // the selector."
        String set = """
                apiVersion: projectcalico.org/v3
                kind: NetworkSet
                metadata: {name: partners, namespace: NS, labels: {role: partner}}
                spec: {nets: [192.0.2.0/24]}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web-in, namespace: shop}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {selector: role == 'partner'}}]}
                """;
        assertTrue(allowed(evaluate(set.replace("NS", "shop")), "ext:192.0.2.10", "shop/web", 8080));
        assertFalse(allowed(evaluate(set.replace("NS", "lab")), "ext:192.0.2.10", "shop/web", 8080), "a set of another namespace");
    }

    @Test
    void aNotSelectorThatPicksASetExcludesItsAddresses() throws IOException {
        // NetworkPolicy reference, EntityRule: notSelector is the "Negative match on selected endpoints"; a network set is
        // selected as endpoints are (Global network set reference, passage above).
        Evaluation evaluation = evaluate(BAD_ACTORS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-in}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {notSelector: threat == 'high'}}]}
                """);
        assertFalse(allowed(evaluation, "ext:203.0.113.9", "shop/web", 8080));
        assertTrue(allowed(evaluation, "ext:8.8.8.8", "shop/web", 8080));
    }

    @Test
    void aSetWithABadNetIsLeftOutWithItsLineAndTheRestLoads() throws IOException {
        java.nio.file.Path file = dir.resolve("sets.yaml");
        java.nio.file.Files.writeString(file, BAD_ACTORS + """
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkSet
                metadata: {name: typo, namespace: shop, labels: {role: partner}}
                spec:
                  nets: [192.0.2.0/33]
                """);
        var snapshot = new io.netpolviz.load.ManifestLoader().load(java.util.List.of(file));
        assertEquals(java.util.List.of("GlobalNetworkSet bad-actors"), snapshot.calico().networkSets().stream()
                .map(io.netpolviz.model.CalicoNetworkSet::display).toList());
        var error = snapshot.diagnostics().stream().filter(d -> d.severity() == io.netpolviz.model.Severity.ERROR).findFirst().orElseThrow();
        assertTrue(error.display().contains("Calico NetworkSet shop/typo is left out: spec.nets[0] \"192.0.2.0/33\" is not an address or CIDR"),
                error.display());
        assertEquals(10, error.where().line(), error.display());
    }

    private static boolean allowed(Evaluation evaluation, String from, String to, int port) {
        return CalicoSemanticsTest.allowed(evaluation, from, to, Protocol.TCP, port);
    }

    private static String explain(Evaluation evaluation, String from, String to, int port) {
        PolicyEngine engine = evaluation.engine();
        return new Explainer(evaluation).explain(evaluation.verdict(engine.resolve(from).orElseThrow(), engine.resolve(to).orElseThrow(),
                Protocol.TCP, port));
    }
}

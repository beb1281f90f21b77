package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico matches packets by address, so {@code nets}, {@code notNets} and the nets of the network sets a
 * selector picks match pods too, by their {@code status.podIP(s)}. Each answer is checked against the
 * class-level connectivity and the literal reference ({@link CalicoSemanticsTest#allowed}).
 */
class CalicoPodAddressesTest {

    @TempDir
    Path dir;

    /** Two pods with known addresses beside the shared cluster's web, db and probe (which have none). */
    private static final String ADDRESSED_PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: cache, namespace: shop, labels: {app: cache}}
            spec: {containers: [{name: c, image: i}]}
            status: {podIP: 10.1.2.3}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: scanner, namespace: lab, labels: {app: scanner}}
            spec: {containers: [{name: c, image: i}]}
            status: {podIP: 10.9.0.5, podIPs: [{ip: 10.9.0.5}]}
            ---
            """;

    private static final String THREATS = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkSet
            metadata: {name: scanners, labels: {threat: high}}
            spec: {nets: [10.9.0.0/24, 203.0.113.0/24]}
            ---
            """;

    private Evaluation evaluate(String manifests) throws IOException {
        CalicoSemanticsTest semantics = new CalicoSemanticsTest();
        semantics.dir = dir;
        return semantics.evaluate(ADDRESSED_PODS + manifests);
    }

    private static boolean allowed(Evaluation evaluation, String from, String to, int port) {
        return CalicoSemanticsTest.allowed(evaluation, from, to, Protocol.TCP, port);
    }

    @Test
    void netsMatchAPodWhoseAddressIsInsideAndNotNetsExcludeIt() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/networkpolicy (EntityRule): "nets: Match packets with IP in
        // any of the listed CIDRs." "notNets: Negative match on CIDRs. Match packets with IP not in any of the listed CIDRs."
        // A pod's packets carry its pod IP, so a pod inside the CIDRs is matched like any other address there.
        Evaluation evaluation = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-in}
                spec:
                  selector: app == 'web'
                  ingress:
                  - {action: Deny, source: {nets: [10.0.0.0/8], notNets: [10.9.0.0/16]}}
                  - {action: Allow}
                """);
        assertFalse(allowed(evaluation, "shop/cache", "shop/web", 8080), "10.1.2.3 is in 10.0.0.0/8 and not in the notNets: denied");
        assertTrue(allowed(evaluation, "lab/scanner", "shop/web", 8080), "10.9.0.5 is in the notNets: the Deny does not match");
        assertTrue(allowed(evaluation, "lab/probe", "shop/web", 8080), "no known address: taken as outside the nets");
        assertFalse(allowed(evaluation, "ext:10.200.0.1", "shop/web", 8080), "an address outside the cluster in the nets");
    }

    @Test
    void aSelectorMatchesPodsWhoseAddressANetworkSetItPicksHolds() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/globalnetworkset: "When Calico is calculating the set of IPs
        // that should match a source/destination selector within a global network policy rule, ... it includes the CIDRs from
        // any network sets that match the selector." The set of IPs is what packets are compared with: a pod inside is in it.
        Evaluation evaluation = evaluate(THREATS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: block-threats}
                spec:
                  order: 10
                  selector: all()
                  types: [Ingress]
                  ingress:
                  - {action: Deny, source: {selector: threat == 'high'}}
                  - {action: Allow}
                """);
        assertFalse(allowed(evaluation, "lab/scanner", "shop/web", 8080), "the scanner's 10.9.0.5 is in the set's 10.9.0.0/24");
        assertTrue(allowed(evaluation, "shop/cache", "shop/web", 8080), "10.1.2.3 is in no set");
        assertFalse(allowed(evaluation, "ext:203.0.113.4", "shop/web", 8080));
        String text = explain(evaluation, "lab/scanner", "shop/web", 8080);
        assertTrue(text.contains("GlobalNetworkPolicy block-threats in tier default (order 10), ingress rule 1: Deny \u2014 from selector"
                + " threat == 'high' (which picks GlobalNetworkSet scanners: 10.9.0.0/24, 203.0.113.0/24); any protocol, all ports"
                + " (lab/scanner's address 10.9.0.5 lies in 10.9.0.0/24): it matches first and decides."), text);
    }

    @Test
    void aNotSelectorsNetworkSetExcludesThePodsItHolds() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/networkpolicy (EntityRule): "notSelector: Negative match on
        // selected endpoints"; the set of IPs it selects includes the CIDRs of the network sets it matches (passage above).
        Evaluation evaluation = evaluate(THREATS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-in}
                spec: {selector: app == 'web', ingress: [{action: Allow, source: {notSelector: threat == 'high'}}]}
                """);
        assertFalse(allowed(evaluation, "lab/scanner", "shop/web", 8080), "held by the excluded set: the tier's default Deny");
        assertTrue(allowed(evaluation, "shop/cache", "shop/web", 8080));
    }

    @Test
    void aWorkloadsPodsOnEitherSideOfANetworkSetAreShownApart() throws IOException {
        // Same passage: the set's CIDRs are compared with each pod's own address, so two pods of one Deployment can differ.
        StringBuilder pods = new StringBuilder("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: scan, namespace: lab}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: scan}}
                  template:
                    metadata: {labels: {app: scan}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                """);
        for (String[] pod : new String[][] {{"scan-a", "10.9.0.7"}, {"scan-b", "10.1.0.7"}}) {
            pods.append("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: %s
                      namespace: lab
                      labels: {app: scan}
                      ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: scan, uid: u1, controller: true}]
                    spec: {containers: [{name: c, image: i}]}
                    status: {phase: Running, podIP: %s}
                    ---
                    """.formatted(pod[0], pod[1]));
        }
        Evaluation evaluation = evaluate(pods + THREATS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: block-threats}
                spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny, source: {selector: threat == 'high'}}, {action: Allow}]}
                """);
        List<String> scans = evaluation.engine().snapshot().workloads().stream().filter(w -> w.ownerName().equals("scan"))
                .map(io.netpolviz.model.Workload::id).toList();
        assertEquals(2, scans.size(), "one node per side of the set: " + scans);
        assertFalse(allowed(evaluation, "lab/scan-a", "shop/web", 8080), "10.9.0.7 is in the set: " + scans);
        assertTrue(allowed(evaluation, "lab/scan-b", "shop/web", 8080), "10.1.0.7 is not: " + scans);
    }

    @Test
    void aRuleNamingAddressesSaysWhichPodsHaveNoKnownAddress() throws IOException {
        Evaluation evaluation = evaluate(THREATS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: block-threats}
                spec: {selector: all(), types: [Ingress], ingress: [{action: Deny, source: {selector: threat == 'high'}}, {action: Allow}]}
                """);
        List<String> said = PolicyLint.lint(evaluation).stream().filter(f -> f.kind() == LintFinding.Kind.TIER_PEER_UNDECIDABLE)
                .map(LintFinding::message).toList();
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("GlobalNetworkPolicy block-threats in tier default (order unset), ingress rule 1: Deny names"
                + " addresses") && said.get(0).contains("3 workloads have no known address (such as lab/probe)"), said.get(0));
    }

    private static String explain(Evaluation evaluation, String from, String to, int port) {
        PolicyEngine engine = evaluation.engine();
        return new Explainer(evaluation).explain(evaluation.verdict(engine.resolve(from).orElseThrow(), engine.resolve(to).orElseThrow(),
                Protocol.TCP, port));
    }
}

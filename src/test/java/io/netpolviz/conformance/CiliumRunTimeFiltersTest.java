package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.LabelPort;
import io.netpolviz.graph.PairEdges;
import io.netpolviz.graph.PairVerdicts;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code L7} mark on an edge label: an allowed port whose admitting Cilium rule carries L7
 * rules ({@code rules: http/dns/kafka}) or DNS names ({@code toFQDNs}) reads {@code ✓ 80 L7},
 * because Cilium filters requests there at run time while the L3/L4 verdict stands
 * (https://docs.cilium.io/en/stable/security/policy/layer7/: "Layer 7 policy rules are embedded
 * into Layer 4 rules"). The cluster is Cilium's Star Wars demo (examples/minikube/http-sw-app.yaml).
 */
class CiliumRunTimeFiltersTest {

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: default}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: deathstar, namespace: default}
            spec:
              replicas: 1
              selector: {matchLabels: {org: empire, class: deathstar}}
              template:
                metadata: {labels: {org: empire, class: deathstar}}
                spec: {containers: [{name: d, image: x, ports: [{containerPort: 80}, {containerPort: 443}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tiefighter, namespace: default, labels: {org: empire, class: tiefighter}}
            spec: {containers: [{name: s, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: xwing, namespace: default, labels: {org: alliance, class: xwing}}
            spec: {containers: [{name: s, image: x}]}
            """;

    /** Cilium's sw_l3_l4_l7_policy.yaml, with 443 beside 80 and no L7 rule there. */
    private static final String RULE1 = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: rule1, namespace: default}
            spec:
              endpointSelector: {matchLabels: {org: empire, class: deathstar}}
              ingress:
              - fromEndpoints: [{matchLabels: {org: empire}}]
                toPorts:
                - ports: [{port: "80", protocol: TCP}]
                  rules:
                    http: [{method: POST, path: /v1/request-landing}]
                - ports: [{port: "443", protocol: TCP}]
            """;

    @TempDir
    Path directory;

    private Evaluation evaluate(String... manifests) {
        try {
            Path file = directory.resolve("cluster-" + System.nanoTime() + ".yaml");
            Files.writeString(file, CLUSTER + "---\n" + String.join("---\n", manifests));
            ClusterSnapshot snapshot = new ManifestLoader().load(List.of(file));
            assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), snapshot.diagnostics().toString());
            return PolicyEngine.compile(snapshot).evaluate(Set.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The label entries of the pair's edge, as drawn: {@code ✓ 80 L7}. */
    private static List<String> label(Evaluation evaluation, String from, String to) {
        List<Endpoint> endpoints = new ArrayList<>(evaluation.engine().workloadEndpoints());
        PairVerdicts pairs = PairVerdicts.of(evaluation, endpoints);
        String key = evaluation.engine().resolve(from).orElseThrow().id() + "->" + evaluation.engine().resolve(to).orElseThrow().id();
        return new PairEdges(null, false).single(pairs.pair(key)).labelPorts().stream().map(LabelPort::display).toList();
    }

    @Test
    void theStarWarsHttpRuleMarksPort80AndLeavesTheUnfilteredPortPlain() {
        Evaluation evaluation = evaluate(RULE1);
        assertEquals(List.of("\u2713 80 L7", "\u2713 443"), label(evaluation, "default/tiefighter", "default/deathstar"));
        // Blocked ports carry no mark, and neither do pairs no filtering rule admits.
        assertEquals(List.of("\u2717 80", "\u2717 443"), label(evaluation, "default/xwing", "default/deathstar"));
        assertEquals(List.of("\u2713 all ports"), label(evaluation, "default/deathstar", "default/xwing"));
    }

    @Test
    void aPlainRuleForTheSamePeerAndPortTakesTheFilterAway() {
        // https://docs.cilium.io/en/stable/security/policy/layer7/: "If a layer 4 rule is specified in the policy, and a similar
        // layer 4 rule with layer 7 rules is also specified, then the layer 7 portions of the latter rule will have no effect."
        Evaluation evaluation = evaluate(RULE1, """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: plain-landing, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {class: tiefighter}}]
                    toPorts: [{ports: [{port: "80", protocol: TCP}]}]
                """);
        assertEquals(List.of("\u2713 80", "\u2713 443"), label(evaluation, "default/tiefighter", "default/deathstar"));
    }

    @Test
    void aDnsRuleOnEgressMarksTheDnsPortOfThatPeerOnly() {
        // https://docs.cilium.io/en/stable/security/policy/language/#dns-based: the DNS proxy sees lookups through an egress rule
        // to the DNS server with "rules: dns: - matchPattern", and toFQDNs then allows the names it saw.
        Evaluation evaluation = evaluate("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: dns-only, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: xwing}}
                  egress:
                  - toEndpoints: [{matchLabels: {class: deathstar}}]
                    toPorts:
                    - ports: [{port: "53", protocol: ANY}]
                      rules:
                        dns: [{matchPattern: "*"}]
                  - toEndpoints: [{matchLabels: {class: tiefighter}}]
                  - toFQDNs: [{matchName: api.example.com}]
                """);
        Endpoint xwing = evaluation.engine().resolve("default/xwing").orElseThrow();
        Endpoint deathstar = evaluation.engine().resolve("default/deathstar").orElseThrow();
        Endpoint tiefighter = evaluation.engine().resolve("default/tiefighter").orElseThrow();
        PortSet filtered = io.netpolviz.policy.RunTimeFilteredPorts.of(evaluation, xwing, deathstar, evaluation.allowedPorts(xwing, deathstar));
        assertEquals(PortSet.of(List.of(PortRange.single(Protocol.TCP, 53), PortRange.single(Protocol.UDP, 53),
                PortRange.single(Protocol.SCTP, 53))), filtered);
        assertEquals(PortSet.NONE, io.netpolviz.policy.RunTimeFilteredPorts.of(evaluation, xwing, tiefighter,
                evaluation.allowedPorts(xwing, tiefighter)));
        assertEquals(List.of("\u2713 53 L7", "\u2713 UDP 53 L7", "\u2713 SCTP 53 L7"),
                label(evaluation, "default/xwing", "default/deathstar"));
    }

    @Test
    void theLegendExplainsTheMarkWhenSomeLabelCarriesIt() {
        Evaluation evaluation = evaluate(RULE1);
        List<Endpoint> endpoints = new ArrayList<>(evaluation.engine().workloadEndpoints());
        PairVerdicts pairs = PairVerdicts.of(evaluation, endpoints);
        List<io.netpolviz.graph.GraphEdge> edges = pairs.pairs().stream().map(new PairEdges(null, false)::single).toList();
        io.netpolviz.layout.Diagram diagram = io.netpolviz.layout.DiagramLayout.layout(new io.netpolviz.graph.ReachabilityGraph(
                List.of("default"), endpoints.stream().map(io.netpolviz.graph.ReachabilityGraphBuilder::node).toList(), edges),
                io.netpolviz.layout.LayoutOptions.defaults());
        assertTrue(diagram.legend().entries().stream().anyMatch(entry -> entry.symbol() == io.netpolviz.layout.LegendSymbol.RUN_TIME_FILTER
                && entry.text().contains("L7 or DNS-name rule filters requests at run time")));
        assertEquals(List.of("80 L7"), diagram.edges().stream().flatMap(edge -> edge.labels().stream())
                .filter(io.netpolviz.layout.PortLabel::filteredAtRunTime).map(io.netpolviz.layout.PortLabel::text).distinct().toList());
        // Without the L7 rule, neither the label nor the legend has the mark.
        Evaluation plain = evaluate(RULE1.replaceAll("(?m)^ *rules:\n *http: .*\n", ""));
        assertTrue(!plain.engine().snapshot().ciliumPolicies().toString().contains("request-landing"), "the L7 rule is gone");
        assertEquals(List.of("\u2713 80", "\u2713 443"), label(plain, "default/tiefighter", "default/deathstar"));
    }
}

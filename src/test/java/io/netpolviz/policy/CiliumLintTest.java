package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An allow rule that a Cilium deny covers entirely is reported: "Deny policies take precedence over
 * allow policies, regardless of whether they are a Cilium Network Policy, a Clusterwide Cilium
 * Network Policy or even a Kubernetes Network Policy"
 * (https://docs.cilium.io/en/stable/security/policy/language/#deny-policies). Cilium's Star Wars demo.
 */
class CiliumLintTest {

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: default}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: deathstar, namespace: default, labels: {org: empire, class: deathstar}}
            spec: {containers: [{name: d, image: x, ports: [{containerPort: 80}]}]}
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

    private static final String LET_XWING_LAND = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: landing, namespace: default}
            spec:
              endpointSelector: {matchLabels: {class: deathstar}}
              ingress:
              - fromEndpoints: [{matchLabels: {class: xwing}}]
                toPorts: [{ports: [{port: "80", protocol: TCP}]}]
              - fromEndpoints: [{matchLabels: {class: tiefighter}}]
              ingressDeny:
              - fromEndpoints: [{matchLabels: {org: alliance}}]
            """;

    @TempDir
    Path directory;

    private List<LintFinding> lint(String... manifests) throws IOException {
        Path file = directory.resolve("cluster-" + System.nanoTime() + ".yaml");
        Files.writeString(file, CLUSTER + "---\n" + String.join("---\n", manifests));
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(file));
        return PolicyLint.lint(PolicyEngine.compile(snapshot).evaluate(Set.of())).stream()
                .filter(finding -> finding.kind() == LintFinding.Kind.CILIUM_ALLOW_DENIED).toList();
    }

    @Test
    void anAllowTheSamePolicyDeniesIsReportedAndTheOtherAllowIsNot() throws IOException {
        List<LintFinding> findings = lint(LET_XWING_LAND);
        assertEquals(1, findings.size(), findings.toString());
        String message = findings.get(0).message();
        assertTrue(message.startsWith("CiliumNetworkPolicy landing in default, ingress rule 1 can never take effect: CiliumNetworkPolicy"
                + " landing in default, ingressDeny rule 1 denies all it admits"), message);
        assertEquals(new PolicyId("CiliumNetworkPolicy", "default/landing"), findings.get(0).policy());
    }

    @Test
    void aDenyOnFewerPortsOrFewerPeersMakesNothingPointless() throws IOException {
        assertEquals(List.of(), lint(LET_XWING_LAND.replace("- fromEndpoints: [{matchLabels: {org: alliance}}]",
                "- fromEndpoints: [{matchLabels: {org: alliance}}]\n    toPorts: [{ports: [{port: \"443\", protocol: TCP}]}]")));
        assertEquals(List.of(), lint(LET_XWING_LAND.replace("{org: alliance}", "{class: xwing, rank: captain}")));
    }

    @Test
    void aClusterwideDenyMakesAKubernetesNetworkPolicyRulePointlessTooUntilItIsSwitchedOff() throws IOException {
        String networkPolicy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: let-rebels-in, namespace: default}
                spec:
                  podSelector: {matchLabels: {class: deathstar}}
                  ingress: [{from: [{podSelector: {matchLabels: {org: alliance}}}], ports: [{port: 80}]}]
                """;
        String deny = """
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: no-rebels}
                spec:
                  endpointSelector: {}
                  ingressDeny: [{fromEndpoints: [{matchLabels: {org: alliance}}]}]
                """;
        List<LintFinding> findings = lint(networkPolicy, deny);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("CiliumClusterwideNetworkPolicy no-rebels, ingressDeny rule 1 denies all it admits"),
                findings.get(0).message());
        Path file = directory.resolve("both.yaml");
        Files.writeString(file, CLUSTER + "---\n" + networkPolicy + "---\n" + deny);
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(file)));
        assertTrue(PolicyLint.lint(engine.evaluate(Set.of(new PolicyId("CiliumClusterwideNetworkPolicy", "no-rebels")))).stream()
                .noneMatch(finding -> finding.kind() == LintFinding.Kind.CILIUM_ALLOW_DENIED));
    }
}

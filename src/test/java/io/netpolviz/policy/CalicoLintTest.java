package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico lint, from the Tier reference (https://docs.tigera.io/calico/latest/reference/resources/tier,
 * "How policy is evaluated"): "If a NetworkPolicy or GlobalNetworkPolicy in the Tier Allows or Denys
 * the packet, then evaluation is done" and "If a NetworkPolicy or GlobalNetworkPolicy in the Tier
 * Passes the packet, the next Tier containing a Policy that applies to the endpoint processes the packet."
 */
class CalicoLintTest {

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 100}
            ---
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: last}
            spec: {order: 5000000}
            ---
            """;

    @TempDir
    Path dir;

    private List<LintFinding> lint(String policies, LintFinding.Kind kind) throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, CLUSTER + policies);
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(file));
        return PolicyLint.lint(PolicyEngine.compile(snapshot).evaluate(java.util.Set.of())).stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void aRuleAfterAnUnconditionalDenyIsUnreachable() throws IOException {
        List<LintFinding> found = lint("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.db}
                spec: {tier: security, selector: app == 'db', ingress: [{action: Deny}, {action: Allow, source: {selector: app == 'web'}}]}
                """, LintFinding.Kind.UNREACHABLE_CALICO_RULE);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().startsWith("GlobalNetworkPolicy security.db in tier security (order unset), ingress rule 2: Allow"
                + " can never match: GlobalNetworkPolicy security.db in tier security (order unset), ingress rule 1: Deny"), found.get(0).message());
    }

    @Test
    void aRuleAfterAConditionalOneOrALogIsReachable() throws IOException {
        assertEquals(List.of(), lint("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.db}
                spec: {tier: security, selector: app == 'db', ingress: [{action: Log}, {action: Deny, protocol: TCP}, {action: Allow}]}
                """, LintFinding.Kind.UNREACHABLE_CALICO_RULE));
    }

    @Test
    void aPassInTheLastTierIsNamedButNotOneInAnEarlierTier() throws IOException {
        String pass = """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: TIER.pass}
                spec: {tier: TIER, selector: app == 'db', ingress: [{action: Pass, source: {selector: app == 'web'}}]}
                """;
        List<LintFinding> last = lint(pass.replace("TIER", "last"), LintFinding.Kind.PASS_IN_LAST_TIER);
        assertEquals(1, last.size(), last.toString());
        assertTrue(last.get(0).message().contains("tier last is the last one"), last.get(0).message());
        assertEquals(List.of(), lint(pass.replace("TIER", "security"), LintFinding.Kind.PASS_IN_LAST_TIER),
                "the default tier comes after security");
    }
}

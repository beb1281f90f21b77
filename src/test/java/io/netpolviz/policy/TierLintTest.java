package io.netpolviz.policy;

import static io.netpolviz.policy.ClusterFixture.ingressPolicy;
import static io.netpolviz.policy.ClusterFixture.namespaces;
import static io.netpolviz.policy.ClusterFixture.rule;
import static io.netpolviz.policy.ClusterFixture.sel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings about ordered tiers: each one fires where it should and names what it is about. */
class TierLintTest {

    private static ClusterPolicy cnp(String name, PolicyTier tier, int priority, String subjectNamespaces, ClusterPolicyRule... ingress) {
        return new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, name, tier, priority,
                new ClusterPolicySubject(sel(subjectNamespaces), null), List.of(ingress), List.of(), SourceRef.NONE, "");
    }

    private static ClusterPolicyRule from(String name, RuleAction action, String namespaces, ClusterPolicyPort... ports) {
        return new ClusterPolicyRule(name, action, List.of(ClusterPolicyPeer.namespaces(sel(namespaces))), List.of(ports), SourceRef.NONE);
    }

    private static ClusterFixture cluster() {
        return new ClusterFixture().namespace("prod", "env=prod").namespace("staging", "env=staging")
                .pod("prod/db", "app=db").pod("staging/web", "app=web");
    }

    private static List<LintFinding> findings(ClusterFixture fixture, LintFinding.Kind kind) {
        return PolicyLint.lint(fixture.engine().evaluate()).stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void twoPoliciesAtOnePriorityThatDisagreeAreNamedBoth() {
        List<LintFinding> found = findings(cluster()
                .clusterPolicy(cnp("deny-staging", PolicyTier.ADMIN, 5, "env=prod", from("deny", RuleAction.DENY, "env=staging")))
                .clusterPolicy(cnp("allow-staging", PolicyTier.ADMIN, 5, "env=prod", from("allow", RuleAction.ALLOW, "env=staging"))),
                LintFinding.Kind.SAME_PRIORITY_OVERLAP);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("`allow-staging` and ClusterNetworkPolicy `deny-staging` both have priority 5"),
                found.get(0).message());
    }

    @Test
    void differentPrioritiesAreNoTie() {
        assertEquals(List.of(), findings(cluster()
                .clusterPolicy(cnp("deny-staging", PolicyTier.ADMIN, 5, "env=prod", from("deny", RuleAction.DENY, "env=staging")))
                .clusterPolicy(cnp("allow-staging", PolicyTier.ADMIN, 6, "env=prod", from("allow", RuleAction.ALLOW, "env=staging"))),
                LintFinding.Kind.SAME_PRIORITY_OVERLAP));
    }

    @Test
    void aPassWithNothingBelowIsReportedAndOneToANetworkPolicyIsNot() {
        ClusterPolicy pass = cnp("pass-staging", PolicyTier.ADMIN, 1, "env=prod", from("pass", RuleAction.PASS, "env=staging"));
        assertEquals(1, findings(cluster().clusterPolicy(pass), LintFinding.Kind.PASS_DECIDES_NOTHING).size());
        assertEquals(0, findings(cluster().clusterPolicy(pass)
                .policy(ingressPolicy("prod/only-staging", "", rule(namespaces("env=staging")))), LintFinding.Kind.PASS_DECIDES_NOTHING).size());
    }

    @Test
    void aRuleAfterOneThatMatchesAllItDoesIsShadowed() {
        List<LintFinding> found = findings(cluster().clusterPolicy(cnp("p", PolicyTier.ADMIN, 1, "env=prod",
                from("deny-everyone", RuleAction.DENY, ""),
                from("allow-staging-5432", RuleAction.ALLOW, "env=staging", ClusterPolicyPort.range(Protocol.TCP, 5432, 5432)))),
                LintFinding.Kind.SHADOWED_TIER_RULE);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("rule `allow-staging-5432` can never take effect: Admin tier: ClusterNetworkPolicy `p`"
                + " (priority 1) rule `deny-everyone` comes first"), found.get(0).message());
    }

    @Test
    void anAdminDenyMakesTheNetworkPolicyAllowItCoversPointless() {
        List<LintFinding> found = findings(cluster()
                .clusterPolicy(cnp("deny-staging", PolicyTier.ADMIN, 1, "env=prod", from("deny", RuleAction.DENY, "env=staging")))
                .policy(ingressPolicy("prod/allow-staging", "", rule(namespaces("env=staging")))),
                LintFinding.Kind.NETWORK_POLICY_RULE_OVERRIDDEN);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().startsWith("prod/allow-staging ingress rule #0 can never take effect"), found.get(0).message());
    }

    @Test
    void anAllowBeforeTheDenyKeepsTheNetworkPolicyRuleMeaningful() {
        assertEquals(List.of(), findings(cluster()
                .clusterPolicy(cnp("allow-first", PolicyTier.ADMIN, 0, "env=prod", from("allow", RuleAction.PASS, "env=staging")))
                .clusterPolicy(cnp("deny-staging", PolicyTier.ADMIN, 1, "env=prod", from("deny", RuleAction.DENY, "env=staging")))
                .policy(ingressPolicy("prod/allow-staging", "", rule(namespaces("env=staging")))),
                LintFinding.Kind.NETWORK_POLICY_RULE_OVERRIDDEN));
    }

    @Test
    void nodesPeersAndCidrsWithoutPodAddressesAreSaidToBeUndecided() {
        ClusterPolicy policy = new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, "egress", PolicyTier.ADMIN, 1,
                new ClusterPolicySubject(LabelSelector.EVERYTHING, null), List.of(), List.of(
                        new ClusterPolicyRule("to-nodes", RuleAction.DENY, List.of(ClusterPolicyPeer.nodes(LabelSelector.EVERYTHING)), List.of(),
                                SourceRef.NONE),
                        new ClusterPolicyRule("to-cidr", RuleAction.DENY,
                                List.of(ClusterPolicyPeer.networks(List.of(io.netpolviz.model.Cidr.parse("10.0.0.0/8").orElseThrow()))),
                                List.of(), SourceRef.NONE)),
                SourceRef.NONE, "");
        List<LintFinding> found = findings(cluster().clusterPolicy(policy), LintFinding.Kind.TIER_PEER_UNDECIDABLE);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("names nodes or domain names"), found.get(0).message());
        assertTrue(found.get(1).message().contains("2 workloads have no known address"), found.get(1).message());
    }

    /**
     * netpol-analyzer's tests/anp_banp_test_multiple_warnings: an ANP rule on {@code namedPort: no-web},
     * a name no pod declares ("unmatched port name - a warning will be raised"). The API's NamedPort:
     * "NamedPort selects a port on a pod(s) based on name" (apis/v1alpha1/shared_types.go), so a name
     * no destination declares matches nothing; a declared one raises no warning.
     */
    @Test
    void aNamedPortNoDestinationDeclaresIsReported() {
        ClusterFixture fixture = new ClusterFixture().namespace("prod", "env=prod").namespace("staging", "env=staging")
                .pod("prod/db", "app=db", new io.netpolviz.model.ContainerPort("web", 80, Protocol.TCP)).pod("staging/web", "app=web");
        ClusterPolicy policy = cnp("named", PolicyTier.ADMIN, 5, "env=prod",
                from("no-web", RuleAction.DENY, "env=staging", ClusterPolicyPort.named("no-web")),
                from("web", RuleAction.DENY, "env=staging", ClusterPolicyPort.named("web")));
        List<LintFinding> found = findings(fixture.clusterPolicy(policy), LintFinding.Kind.NAMED_PORT_UNDECLARED);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("names the port 'no-web', which no pod of its subject declares"), found.get(0).message());
    }
}

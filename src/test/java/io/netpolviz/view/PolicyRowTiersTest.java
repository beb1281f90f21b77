package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy list groups by tier: the Admin tier by priority first, NetworkPolicies by namespace, the Baseline tier last. */
class PolicyRowTiersTest {

    private static ClusterPolicy cnp(String name, PolicyTier tier, int priority) {
        return new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, name, tier, priority,
                new ClusterPolicySubject(LabelSelector.EVERYTHING, null),
                List.of(new ClusterPolicyRule("r", RuleAction.DENY, List.of(ClusterPolicyPeer.namespaces(LabelSelector.EVERYTHING)), List.of(),
                        SourceRef.NONE)), List.of(), SourceRef.NONE, "");
    }

    @Test
    void theListFollowsTheOrderTheLayersDecideIn() {
        ClusterSnapshot snapshot = new ClusterSnapshot("t", List.of(new Namespace("shop", Map.of(), false, SourceRef.NONE)),
                List.of(new Workload("shop", "web", WorkloadKind.DEPLOYMENT, 3, Map.of("app", "web"), List.of(), false, SourceRef.NONE)),
                List.of(), List.of(new NetworkPolicy("shop", "deny-all", LabelSelector.EVERYTHING, null, List.of(), List.of(), SourceRef.NONE, "")),
                List.of(cnp("z-first", PolicyTier.ADMIN, 1), cnp("a-second", PolicyTier.ADMIN, 7), cnp("default", PolicyTier.BASELINE, 0)),
                List.of());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        PolicyId second = new PolicyId(ClusterPolicy.CLUSTER_NETWORK_POLICY, "a-second");
        Evaluation evaluation = engine.evaluate(Set.of(second));
        List<PolicyRow> rows = PolicyRow.of(engine, evaluation);
        assertEquals(List.of(
                new PolicyRow.NamespaceHeading(PolicyRow.ADMIN_TIER, 2, 1),
                new PolicyRow.PolicySwitch(new PolicyId(ClusterPolicy.CLUSTER_NETWORK_POLICY, "z-first"), true, 3, PolicyRow.ADMIN_TIER,
                        "z-first (priority 1, ClusterNetworkPolicy)"),
                new PolicyRow.PolicySwitch(second, false, 3, PolicyRow.ADMIN_TIER, "a-second (priority 7, ClusterNetworkPolicy)"),
                new PolicyRow.NamespaceHeading("shop", 1, 1),
                new PolicyRow.PolicySwitch(new PolicyId("shop", "deny-all"), true, 3),
                new PolicyRow.NamespaceHeading(PolicyRow.BASELINE_TIER, 1, 1),
                new PolicyRow.PolicySwitch(new PolicyId(ClusterPolicy.CLUSTER_NETWORK_POLICY, "default"), true, 3, PolicyRow.BASELINE_TIER,
                        "default (priority 0, ClusterNetworkPolicy)")), rows);
        assertTrue(((PolicyRow.NamespaceHeading) rows.get(0)).tier());
        // A search keeps a tier's heading over the policies it finds there.
        List<PolicyRow> found = rows.stream().filter(PolicySearch.matching(rows, "second")).toList();
        assertEquals(List.of(rows.get(0), rows.get(2)), found);
    }
}

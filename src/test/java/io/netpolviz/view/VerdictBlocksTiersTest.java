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
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The explanation pane words a side the Admin tier decided with the tier, policy, priority, rule and action. */
class VerdictBlocksTiersTest {

    @Test
    void anAdminDenyIsShownInsteadOfTheNetworkPolicyThatWouldAllow() {
        ClusterPolicy deny = new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, "cluster-deny-monitoring", PolicyTier.ADMIN, 10,
                new ClusterPolicySubject(LabelSelector.ofLabels(Map.of("kubernetes.io/metadata.name", "prod")), null),
                List.of(new ClusterPolicyRule("deny-from-staging", RuleAction.DENY,
                        List.of(ClusterPolicyPeer.namespaces(LabelSelector.ofLabels(Map.of("kubernetes.io/metadata.name", "staging")))),
                        List.of(), SourceRef.NONE)), List.of(), SourceRef.NONE, "");
        ClusterSnapshot snapshot = new ClusterSnapshot("t",
                List.of(new Namespace("prod", Map.of(), false, SourceRef.NONE), new Namespace("staging", Map.of(), false, SourceRef.NONE)),
                List.of(new Workload("prod", "db", WorkloadKind.DEPLOYMENT, 1, Map.of("app", "db"), List.of(), false, SourceRef.NONE),
                        new Workload("staging", "web", WorkloadKind.DEPLOYMENT, 1, Map.of("app", "web"), List.of(), false, SourceRef.NONE)),
                List.of(), List.of(new NetworkPolicy("prod", "allow-all", LabelSelector.EVERYTHING, null,
                        List.of(new io.netpolviz.model.PolicyRule(List.of(), List.of(), SourceRef.NONE)), List.of(), SourceRef.NONE, "")),
                List.of(deny), List.of());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        Endpoint web = engine.resolve("staging/web").orElseThrow();
        Endpoint db = engine.resolve("prod/db").orElseThrow();
        Verdict verdict = evaluation.verdict(web, db, Protocol.TCP, 5432);
        Explanation.Side ingress = VerdictBlocks.side(verdict.ingress(), verdict, "TCP 5432", new Explainer(evaluation), engine);
        String words = ingress.text().stream().map(Explanation.Inline::text).collect(Collectors.joining());
        assertEquals(Explanation.Mark.of(false), ingress.mark());
        assertTrue(words.contains("Admin tier: ClusterNetworkPolicy `cluster-deny-monitoring` (priority 10) rule `deny-from-staging`"
                + " denies this \u2014 no NetworkPolicy is consulted"), words);
    }

    @Test
    void aCiliumRuleIsNumberedAsCiliumExplanationsNumberIt() throws Exception {
        // Lesson 11: no-world-egress (CiliumClusterwideNetworkPolicy) admits tiefighter's egress by its first and only
        // egress rule. The pane numbered it "#0" while the sentence below it and the command line say "egress rule 1".
        PolicyEngine engine = PolicyEngine.compile(new io.netpolviz.load.ManifestLoader().load(List.of(java.nio.file.Path.of("sample-clusters/11-cilium-deny"))));
        Evaluation evaluation = engine.evaluate();
        Verdict verdict = evaluation.verdict(engine.resolve("default/tiefighter").orElseThrow(), engine.resolve("default/deathstar").orElseThrow(),
                Protocol.TCP, 80);
        Explanation.Side egress = VerdictBlocks.side(verdict.egress(), verdict, "TCP 80", new Explainer(evaluation), engine);
        String words = egress.text().stream().map(Explanation.Inline::text).collect(Collectors.joining());

        assertTrue(words.contains("no-world-egress egress rule 1, to entity cluster"), words);
        assertTrue(!words.contains("#0"), words);
    }
}

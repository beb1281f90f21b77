package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.policy;
import static io.netpolviz.load.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid NetworkPolicies become model policies that keep every distinction the API makes. */
class PolicyReadingTest {

    @TempDir
    Path dir;

    private ClusterSnapshot load(String yaml) {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "policies.yaml", yaml));
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        return snapshot;
    }

    private static String policyYaml(String name, String spec) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: %s
                  namespace: shop
                spec:
                %s---
                """.formatted(name, spec);
    }

    @Test
    void absentEmptyAndEmptyRuleIngressAreThreeDifferentThings() {
        ClusterSnapshot snapshot = load(policyYaml("absent", "  podSelector: {}\n")
                + policyYaml("empty-list", "  podSelector: {}\n  ingress: []\n")
                + policyYaml("empty-rule", "  podSelector: {}\n  ingress: [{}]\n")
                + policyYaml("null-rule", "  podSelector: {}\n  ingress:\n  -\n"));
        assertEquals(List.of(), policy(snapshot, "shop/absent").ingress());
        assertEquals(List.of(), policy(snapshot, "shop/empty-list").ingress());
        for (String id : List.of("shop/empty-rule", "shop/null-rule")) {
            List<PolicyRule> rules = policy(snapshot, id).ingress();
            assertEquals(1, rules.size(), id);
            assertTrue(rules.get(0).allowsAllPeers() && rules.get(0).allowsAllPorts(), id);
        }
    }

    @Test
    void fromAbsentOrEmptyMeansEveryPeer() {
        ClusterSnapshot snapshot = load(policyYaml("p", """
                  podSelector: {}
                  ingress:
                  - ports: [{port: 80}]
                  - from: []
                    ports: [{port: 81}]
                """));
        List<PolicyRule> rules = policy(snapshot, "shop/p").ingress();
        assertEquals(2, rules.size());
        assertTrue(rules.get(0).allowsAllPeers());
        assertTrue(rules.get(1).allowsAllPeers());
        assertEquals(List.of(new PolicyPort(Protocol.TCP, PortRef.number(81), null)), rules.get(1).ports());
    }

    @Test
    void policyTypesAbsentStaysNullAndDeclaredTypesAreKept() {
        ClusterSnapshot snapshot = load(policyYaml("absent", "  podSelector: {}\n  egress: [{}]\n")
                + policyYaml("declared", "  podSelector: {}\n  policyTypes: [Egress]\n"));
        NetworkPolicy absent = policy(snapshot, "shop/absent");
        assertNull(absent.declaredPolicyTypes());
        assertEquals(EnumSet.of(PolicyType.INGRESS, PolicyType.EGRESS), absent.effectivePolicyTypes());
        NetworkPolicy declared = policy(snapshot, "shop/declared");
        assertEquals(List.of(PolicyType.EGRESS), declared.declaredPolicyTypes());
        assertEquals(EnumSet.of(PolicyType.EGRESS), declared.effectivePolicyTypes());
    }

    @Test
    void emptyPolicyTypesIsDefaultedLikeAbsentAsTheApiServerDoes() {
        ClusterSnapshot snapshot = load(policyYaml("p", "  podSelector: {}\n  policyTypes: []\n"));
        assertNull(policy(snapshot, "shop/p").declaredPolicyTypes());
        Diagnostic note = single(snapshot, Severity.NOTE, "spec.policyTypes is empty");
        Fixtures.assertAt(note, "policies.yaml", 8, 16);
    }

    @Test
    void portsKeepProtocolNumberNameAndRange() {
        ClusterSnapshot snapshot = load(policyYaml("p", """
                  podSelector: {}
                  egress:
                  - ports:
                    - port: 53
                      protocol: UDP
                    - port: http
                    - port: 30000
                      endPort: 32767
                    - protocol: SCTP
                    - {}
                """));
        assertEquals(List.of(
                new PolicyPort(Protocol.UDP, PortRef.number(53), null),
                new PolicyPort(Protocol.TCP, PortRef.named("http"), null),
                new PolicyPort(Protocol.TCP, PortRef.number(30000), 32767),
                new PolicyPort(Protocol.SCTP, null, null),
                new PolicyPort(Protocol.TCP, null, null)), policy(snapshot, "shop/p").egress().get(0).ports());
    }

    @Test
    void peersKeepSelectorsSeparateFromSelectorsTogether() {
        ClusterSnapshot snapshot = load(policyYaml("p", """
                  podSelector:
                    matchLabels: {app: db}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {team: a}}
                      podSelector: {matchLabels: {role: api}}
                    - podSelector:
                        matchExpressions:
                        - {key: tier, operator: NotIn, values: [batch]}
                    - namespaceSelector: {}
                    - ipBlock:
                        cidr: 10.0.0.0/8
                        except: [10.1.0.0/16]
                """));
        NetworkPolicy policy = policy(snapshot, "shop/p");
        assertEquals(LabelSelector.ofLabels(Map.of("app", "db")), policy.podSelector());
        assertEquals(List.of(
                new PolicyPeer(LabelSelector.ofLabels(Map.of("role", "api")), LabelSelector.ofLabels(Map.of("team", "a")), null),
                new PolicyPeer(new LabelSelector(Map.of(), List.of(new LabelRequirement("tier", SelectorOperator.NOT_IN, List.of("batch")))), null, null),
                new PolicyPeer(null, LabelSelector.EVERYTHING, null),
                new PolicyPeer(null, null, new IpBlock(Cidr.parse("10.0.0.0/8").orElseThrow(), List.of(Cidr.parse("10.1.0.0/16").orElseThrow())))),
                policy.ingress().get(0).peers());
    }

    @Test
    void absentPodSelectorSelectsEveryPod() {
        ClusterSnapshot snapshot = load(policyYaml("p", "  ingress: []\n"));
        assertTrue(policy(snapshot, "shop/p").podSelector().isEmpty());
    }

    @Test
    void policyWithoutSpecLoadsWithANoteThatItIsolatesEveryPod() {
        ClusterSnapshot snapshot = load("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                """);
        assertTrue(policy(snapshot, "shop/deny").podSelector().isEmpty());
        single(snapshot, Severity.NOTE, "has no spec");
    }

    @Test
    void rulesRememberWhereTheyAreWritten() {
        ClusterSnapshot snapshot = load(policyYaml("p", """
                  podSelector: {}
                  ingress:
                  - {}
                  egress:
                  - to: []
                """));
        NetworkPolicy policy = policy(snapshot, "shop/p");
        String file = policy.where().file();
        assertEquals(new SourceRef(file, 1, 1), policy.where());
        assertEquals(new SourceRef(file, 9, 5), policy.ingress().get(0).where());
        assertEquals(new SourceRef(file, 11, 5), policy.egress().get(0).where());
    }

    @Test
    void sourceTextIsTheDocumentAsWrittenWithItsLeadingComment() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                # Only the frontend may call the API.
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: api
                  namespace: shop
                spec:
                  podSelector: {matchLabels: {app: api}}   # the API pods
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]

                # belongs to the next document
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: other}
                """);
        assertEquals("""
                # Only the frontend may call the API.
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: api
                  namespace: shop
                spec:
                  podSelector: {matchLabels: {app: api}}   # the API pods
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                """, policy(snapshot, "shop/api").sourceText());
    }

    @Test
    void sourceTextOfAListItemReadsLikeADocumentOfItsOwn() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: p, namespace: shop}
                  spec:
                    podSelector: {}
                """);
        assertEquals("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {}
                """, policy(snapshot, "shop/p").sourceText());
    }

    @Test
    void ipv6BlocksAreRead() {
        ClusterSnapshot snapshot = load(policyYaml("p", """
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock: {cidr: "fd00::/8", except: ["fd00:1::/32"]}
                """));
        IpBlock block = policy(snapshot, "shop/p").egress().get(0).peers().get(0).ipBlock();
        assertTrue(block.cidr().ipv6());
        assertEquals("fd00::/8", block.cidr().display());
    }
}

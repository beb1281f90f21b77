package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (v1alpha1), and rejecting what their CRD schemas reject (kubernetes-sigs/network-policy-api
 * apis/v1alpha2/clusternetworkpolicy_types.go, apis/v1alpha1/*_types.go): each bad policy is
 * reported where it is wrong and left out, and the good one beside it still loads.
 */
class ClusterPolicyReadingTest {

    private static final String GOOD = """
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: good}
            spec: {tier: Admin, priority: 1, subject: {namespaces: {}}}
            """;

    /** The first seven lines of a valid Admin-tier ClusterNetworkPolicy named bad; what follows makes it invalid. */
    private static final String ADMIN_CNP = """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: bad}
            spec:
              tier: Admin
              priority: 1
              subject: {namespaces: {}}
            """;

    @TempDir
    Path dir;

    private ClusterSnapshot load(String text) {
        return Fixtures.load(Fixtures.write(dir, "policies.yaml", text + GOOD));
    }

    private Diagnostic rejected(String text, String messagePart, int line) {
        ClusterSnapshot snapshot = load(text);
        Diagnostic error = single(snapshot, Severity.ERROR, messagePart);
        assertTrue(error.message().contains("left out"), error.message());
        assertEquals(line, error.where().line(), error.display());
        assertEquals(List.of("good"), snapshot.clusterPolicies().stream().map(ClusterPolicy::name).toList(), Fixtures.all(snapshot));
        return error;
    }

    @Test
    void aClusterNetworkPolicyIsReadWithItsTierPriorityRulesAndProtocols() {
        ClusterSnapshot snapshot = load("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: cluster-deny-monitoring}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: db}}}}
                  ingress:
                  - name: deny-from-staging
                    action: Deny
                    from: [{namespaces: {matchLabels: {env: staging}}}]
                    protocols: [{tcp: {destinationPort: {number: 5432}}}, {udp: {destinationPort: {range: {start: 1000, end: 2000}}}},
                                {destinationNamedPort: metrics}]
                  egress:
                  - action: Pass
                    to: [{networks: [10.0.0.0/8]}, {nodes: {}}]
                """);
        assertEquals(List.of(), Fixtures.withSeverity(snapshot, Severity.ERROR), Fixtures.all(snapshot));
        ClusterPolicy policy = snapshot.clusterPolicies().stream().filter(p -> p.name().equals("cluster-deny-monitoring")).findFirst().orElseThrow();
        assertEquals(PolicyTier.ADMIN, policy.tier());
        assertEquals(10, policy.priority());
        assertEquals("pods app=db in namespaces env=prod", policy.subject().display());
        ClusterPolicyRule ingress = policy.ingress().get(0);
        assertEquals("deny-from-staging", ingress.name());
        assertEquals(RuleAction.DENY, ingress.action());
        assertEquals(List.of(ClusterPolicyPort.range(Protocol.TCP, 5432, 5432), ClusterPolicyPort.range(Protocol.UDP, 1000, 2000),
                ClusterPolicyPort.named("metrics")), ingress.ports());
        ClusterPolicyRule egress = policy.egress().get(0);
        assertEquals(RuleAction.PASS, egress.action());
        assertEquals(ClusterPolicyPeer.Form.NETWORKS, egress.peers().get(0).form());
        assertTrue(egress.undecidable(), "a nodes peer cannot be decided from manifests");
        assertEquals("ClusterNetworkPolicy/cluster-deny-monitoring", policy.id().toString());
    }

    @Test
    void adminAndBaselineAdminNetworkPoliciesAreReadIntoTheirTiers() {
        ClusterSnapshot snapshot = load("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: anp}
                spec:
                  priority: 3
                  subject: {namespaces: {}}
                  egress: [{name: allow-dns, action: Allow, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}],
                            ports: [{portNumber: {protocol: UDP, port: 53}}, {portRange: {start: 8000, end: 9000}}, {namedPort: dns}]}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{namespaces: {}}]}]
                """);
        assertEquals(List.of(), Fixtures.withSeverity(snapshot, Severity.ERROR), Fixtures.all(snapshot));
        ClusterPolicy anp = snapshot.clusterPolicies().stream().filter(p -> p.name().equals("anp")).findFirst().orElseThrow();
        assertEquals(PolicyTier.ADMIN, anp.tier());
        assertEquals(List.of(ClusterPolicyPort.range(Protocol.UDP, 53, 53), ClusterPolicyPort.range(Protocol.TCP, 8000, 9000),
                ClusterPolicyPort.named("dns")), anp.egress().get(0).ports());
        ClusterPolicy banp = snapshot.clusterPolicies().stream().filter(p -> p.name().equals("default")).findFirst().orElseThrow();
        assertEquals(PolicyTier.BASELINE, banp.tier());
        assertEquals("BaselineAdminNetworkPolicy/default", banp.id().toString());
    }

    @Test
    void aPriorityOutsideZeroToAThousandIsRejected() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: bad}
                spec:
                  tier: Admin
                  priority: 1001
                  subject: {namespaces: {}}
                """, "spec.priority is 1001; the API server accepts 0 to 1000", 6);
    }

    @Test
    void aSubjectWithBothFormsIsRejected() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: bad}
                spec:
                  tier: Baseline
                  priority: 1
                  subject:
                    namespaces: {}
                    pods: {podSelector: {}}
                """, "spec.subject must set exactly one of namespaces or pods, not both", 8);
    }

    @Test
    void passIsNotAnActionOfABaselineAdminNetworkPolicy() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{action: Pass, from: [{namespaces: {}}]}]
                """, "\"Pass\" is not an action of a BaselineAdminNetworkPolicy; use one of Allow, Deny", 6);
    }

    @Test
    void allowIsSpelledAcceptInAClusterNetworkPolicy() {
        rejected(ADMIN_CNP + """
                  egress: [{action: Allow, to: [{namespaces: {}}]}]
                """, "use one of Accept, Deny, Pass", 8);
    }

    @Test
    void aBaselineAdminNetworkPolicyMustBeNamedDefault() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: baseline}
                spec:
                  subject: {namespaces: {}}
                """, "must be named \"default\"", 3);
    }

    @Test
    void moreThanTwentyFiveRulesPerDirectionAreRejected() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            rules.append("  - {action: Deny, from: [{namespaces: {}}]}\n");
        }
        rejected(ADMIN_CNP + """
                  ingress:
                """ + rules, "has 26 rules; a ClusterNetworkPolicy may have at most 25 per direction", 9);
    }

    @Test
    void aPeerWithTwoFormsIsRejected() {
        rejected(ADMIN_CNP + """
                  egress: [{action: Deny, to: [{namespaces: {}, networks: [10.0.0.0/8]}]}]
                """, "must set exactly one of namespaces, pods, networks, nodes, domainNames", 8);
    }

    @Test
    void aPortRangeMustStartBelowItsEnd() {
        rejected(ADMIN_CNP + """
                  ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 90, end: 80}}}}]}]
                """, "starts at 90 and ends at 80; start must be less than end", 8);
    }

    @Test
    void aNamedPortBesideANetworksPeerIsRejected() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: bad}
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}], ports: [{namedPort: http}]}]
                """, "combines a named port with networks, nodes or domainNames peers", 7);
    }

    /**
     * A pods selection needs its podSelector in both versions; v1alpha1 needs its namespaceSelector too
     * (the release-0.1 CRDs list both as required, apis/v1alpha1/shared_types.go NamespacedPod has no
     * omitempty on either), while v1alpha2 marks namespaceSelector {@code +optional}. netpol-analyzer's
     * scenarios omit them (tests/anp_test_8 to anp_test_12) and it reads the missing selector as Go's
     * zero value, the empty selector: the policy is kept, read that way, and the warning says the
     * API server would refuse it.
     */
    @Test
    void aPodsSelectionWithoutItsRequiredSelectorsIsReadAsEveryPodWithAWarning() {
        ClusterSnapshot noPodSelector = load(ADMIN_CNP + """
                  egress: [{action: Deny, to: [{pods: {namespaceSelector: {}}}]}]
                """);
        Diagnostic warning = single(noPodSelector, Severity.WARNING, "spec.egress[0].to[0].pods.podSelector is missing: the API server refuses");
        assertEquals(8, warning.where().line(), warning.display());
        assertTrue(warning.message().contains("Read here as podSelector: {} (every pod)"), warning.message());
        assertEquals(List.of("bad", "good"), noPodSelector.clusterPolicies().stream().map(ClusterPolicy::name).sorted().toList());
        ClusterPolicy bad = noPodSelector.clusterPolicies().stream().filter(policy -> policy.name().equals("bad")).findFirst().orElseThrow();
        assertEquals(LabelSelector.EVERYTHING, bad.egress().get(0).peers().get(0).podSelector(), bad.toString());

        ClusterSnapshot noNamespaceSelector = load("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: bad}
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{pods: {podSelector: {}}}]}]
                """);
        assertEquals(7, single(noNamespaceSelector, Severity.WARNING,
                "spec.ingress[0].from[0].pods.namespaceSelector is missing: the API server refuses this policy, as the v1alpha1 API requires it")
                .where().line());
        assertEquals(2, noNamespaceSelector.clusterPolicies().size(), Fixtures.all(noNamespaceSelector));

        ClusterSnapshot optional = load(ADMIN_CNP + """
                  egress: [{action: Deny, to: [{pods: {podSelector: {}}}]}]
                """);
        assertEquals(List.of("bad", "good"), optional.clusterPolicies().stream().map(ClusterPolicy::name).sorted().toList(),
                "v1alpha2 may leave namespaceSelector out: " + Fixtures.all(optional));
        assertTrue(optional.diagnostics().stream().noneMatch(d -> d.message().contains("is missing")), Fixtures.all(optional));
    }

    @Test
    void aBadCidrIsRejected() {
        rejected(ADMIN_CNP + """
                  egress: [{action: Deny, to: [{networks: [10.0.0.0/33]}]}]
                """, "\"10.0.0.0/33\" is not a valid CIDR", 8);
    }

    @Test
    void aMissingTierIsRejected() {
        rejected("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: bad}
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                """, "spec.tier is missing", 5);
    }

    @Test
    void theWrongApiVersionOfAKindIsRejectedWithTheOneToUse() {
        ClusterSnapshot snapshot = load("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: ClusterNetworkPolicy
                metadata: {name: bad}
                spec: {tier: Admin, priority: 1, subject: {namespaces: {}}}
                """);
        Diagnostic error = single(snapshot, Severity.ERROR, "change apiVersion to policy.networking.k8s.io/v1alpha2");
        assertEquals(1, error.where().line());
    }

    @Test
    void aPodsStatusAddressesAreKept() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: c, image: i}]}
                status: {podIP: 10.1.2.3, podIPs: [{ip: 10.1.2.3}, {ip: "fd00::3"}]}
                """);
        assertEquals(List.of("10.1.2.3", "fd00::3"), snapshot.workloads().get(0).podAddresses().stream()
                .map(io.netpolviz.model.IpAddress::display).toList());
    }
}

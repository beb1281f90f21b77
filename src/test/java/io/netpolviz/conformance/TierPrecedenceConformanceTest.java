package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.policy.SideVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance tests for precedence between policies and layers, both API versions,
 * transcribed from kubernetes-sigs/network-policy-api:
 * {@code conformance/tests/admin-network-policy-standard-priority.go} with
 * {@code base/admin_tier/standard-priority-field.yaml} (v1alpha2, main) and
 * {@code base/admin_network_policy/standard-priority-field.yaml} (v1alpha1, tag v0.1.7); and
 * {@code admin-network-policy-standard-integration.go} with {@code base/api_integration/standard-anp-np-banp.yaml}.
 * The manifests are written anew here in the shape those files have.
 */
class TierPrecedenceConformanceTest {

    @TempDir
    static Path directory;

    private static final String SLYTHERIN_PODS = "pods: {namespaceSelector: {matchLabels: {conformance-house: slytherin}},"
            + " podSelector: {matchLabels: {conformance-house: slytherin}}}";
    private static final String GRYFFINDOR_PODS = "pods: {namespaceSelector: {matchLabels: {conformance-house: gryffindor}},"
            + " podSelector: {matchLabels: {conformance-house: gryffindor}}}";

    @ParameterizedTest
    @ValueSource(strings = {"v1alpha2", "v1alpha1"})
    void theLowerPriorityNumberDecidesFirst(String version) {
        boolean v2 = version.equals("v1alpha2");
        String accept = v2 ? "Accept" : "Allow";
        Houses houses = Houses.with(directory,
                admin(version, "priority-50-example", 50, GRYFFINDOR_PODS, "deny-all-ingress-from-slytherin", "Deny", SLYTHERIN_PODS,
                        "deny-all-egress-to-slytherin", "Deny", SLYTHERIN_PODS),
                admin(version, "old-priority-60-new-priority-40-example", 60, GRYFFINDOR_PODS, "pass-all-ingress-from-slytherin", "Pass",
                        SLYTHERIN_PODS, "pass-all-egress-to-slytherin", "Pass", SLYTHERIN_PODS),
                baseline(version, GRYFFINDOR_PODS, "allow-all-ingress-from-slytherin", accept, SLYTHERIN_PODS,
                        "allow-all-egress-to-slytherin", accept, SLYTHERIN_PODS));
        // "Should Deny traffic from slytherin to gryffindor respecting admin CNP/ANP": priority 50's deny comes before 60's pass.
        SideVerdict ingress = houses.poke("slytherin/draco-malfoy-0", "tcp", "gryffindor/harry-potter-0", 80, false).ingress();
        assertEquals("priority-50-example", ingress.adminRule().policy().name());
        houses.poke("slytherin/draco-malfoy-1", "tcp", "gryffindor/harry-potter-0", 8080, false);
        // "Should Deny traffic to slytherin from gryffindor respecting admin CNP/ANP"
        houses.poke("gryffindor/harry-potter-0", "tcp", "slytherin/draco-malfoy-0", 80, false);
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 8080, false);
        // "Should respect ... priority field; thus passing both ingress and egress traffic over to baseline": 60 becomes 40.
        houses = houses.withPriority("old-priority-60-new-priority-40-example", 40);
        SideVerdict passed = houses.poke("slytherin/draco-malfoy-0", "tcp", "gryffindor/harry-potter-0", 80, true).ingress();
        assertEquals(SideVerdict.Layer.BASELINE_TIER, passed.decidedBy());
        assertEquals(RuleAction.PASS, passed.adminRule().action());
        houses.poke("slytherin/draco-malfoy-1", "tcp", "gryffindor/harry-potter-0", 8080, true);
        houses.poke("gryffindor/harry-potter-0", "tcp", "slytherin/draco-malfoy-0", 80, true);
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 8080, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1alpha2", "v1alpha1"})
    void passHandsTheDecisionToNetworkPoliciesAndThenToTheBaseline(String version) {
        String gryffindor = "namespaces: {matchLabels: {conformance-house: gryffindor}}";
        String slytherin = "namespaces: {matchLabels: {conformance-house: slytherin}}";
        Houses houses = Houses.with(directory,
                admin(version, "pass-example", 10, gryffindor, "deny-all-ingress-from-slytherin", "Deny", slytherin,
                        "deny-all-egress-to-slytherin", "Deny", slytherin),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-gress-from-to-slytherin-to-gryffindor, namespace: network-policy-conformance-gryffindor}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress: [{from: [{namespaceSelector: {matchLabels: {conformance-house: slytherin}}}]}]
                  egress: [{to: [{namespaceSelector: {matchLabels: {conformance-house: slytherin}}}]}]
                """,
                baseline(version, gryffindor, "deny-all-ingress-from-slytherin", "Deny", slytherin,
                        "deny-all-egress-to-slytherin", "Deny", slytherin));
        // "Should Deny traffic from slytherin to gryffindor": the Admin Deny wins over the NetworkPolicy's allow.
        SideVerdict denied = houses.poke("slytherin/draco-malfoy-0", "tcp", "gryffindor/harry-potter-0", 80, false).ingress();
        assertEquals(SideVerdict.Layer.ADMIN_TIER, denied.decidedBy());
        houses.poke("slytherin/draco-malfoy-1", "tcp", "gryffindor/harry-potter-0", 8080, false);
        houses.poke("gryffindor/harry-potter-0", "tcp", "slytherin/draco-malfoy-0", 80, false);
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 8080, false);
        // "Should support a 'pass-ingress' policy ... and respect the match for network policy"
        houses = houses.withAction("pass-example", PolicyType.INGRESS, 0, RuleAction.PASS);
        SideVerdict passed = houses.poke("slytherin/draco-malfoy-0", "tcp", "gryffindor/harry-potter-0", 80, true).ingress();
        assertEquals(SideVerdict.Layer.NETWORK_POLICY, passed.decidedBy());
        houses.poke("slytherin/draco-malfoy-1", "tcp", "gryffindor/harry-potter-0", 8080, true);
        // "Should support a 'pass-egress' policy ... and respect the match for network policy"
        houses = houses.withAction("pass-example", PolicyType.EGRESS, 0, RuleAction.PASS);
        houses.poke("gryffindor/harry-potter-0", "tcp", "slytherin/draco-malfoy-0", 80, true);
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 8080, true);
        // "... and respect the match for baseline": the suite deletes the NetworkPolicy; the Baseline Deny decides.
        houses = houses.withoutNetworkPolicy("allow-gress-from-to-slytherin-to-gryffindor");
        SideVerdict baseline = houses.poke("slytherin/draco-malfoy-0", "tcp", "gryffindor/harry-potter-0", 80, false).ingress();
        assertEquals(SideVerdict.Layer.BASELINE_TIER, baseline.decidedBy());
        houses.poke("slytherin/draco-malfoy-1", "tcp", "gryffindor/harry-potter-0", 8080, false);
        houses.poke("gryffindor/harry-potter-0", "tcp", "slytherin/draco-malfoy-0", 80, false);
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 8080, false);
    }

    static String admin(String version, String name, int priority, String subject, String ingressName, String ingressAction,
            String from, String egressName, String egressAction, String to) {
        boolean v2 = version.equals("v1alpha2");
        return "apiVersion: policy.networking.k8s.io/" + version + "\n"
                + "kind: " + (v2 ? "ClusterNetworkPolicy" : "AdminNetworkPolicy") + "\n"
                + "metadata: {name: " + name + "}\n"
                + "spec:\n"
                + (v2 ? "  tier: Admin\n" : "")
                + "  priority: " + priority + "\n"
                + "  subject: {" + subject + "}\n"
                + "  ingress: [{name: " + ingressName + ", action: " + ingressAction + ", from: [{" + from + "}]}]\n"
                + "  egress: [{name: " + egressName + ", action: " + egressAction + ", to: [{" + to + "}]}]\n";
    }

    static String baseline(String version, String subject, String ingressName, String ingressAction, String from, String egressName,
            String egressAction, String to) {
        boolean v2 = version.equals("v1alpha2");
        return "apiVersion: policy.networking.k8s.io/" + version + "\n"
                + "kind: " + (v2 ? "ClusterNetworkPolicy" : "BaselineAdminNetworkPolicy") + "\n"
                + "metadata: {name: default}\n"
                + "spec:\n"
                + (v2 ? "  tier: Baseline\n  priority: 10\n" : "")
                + "  subject: {" + subject + "}\n"
                + "  ingress: [{name: " + ingressName + ", action: " + ingressAction + ", from: [{" + from + "}]}]\n"
                + "  egress: [{name: " + egressName + ", action: " + egressAction + ", to: [{" + to + "}]}]\n";
    }
}

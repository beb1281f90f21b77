package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PolicyLint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * np-guard/netpol-analyzer's ANP/BANP scenarios that it rejects ({@code tests/anp_bad_path_test_*},
 * {@code tests/banp_bad_path_test_*}, {@code tests/anp_test_with_empty_port_range}; the error each must give is in
 * its {@code pkg/netpol/connlist/connlist_test.go}), written anew in
 * {@code src/test/resources/conformance/netpol-analyzer/rejected/}. NetPolViz must reject each too: an error
 * diagnostic that says what is wrong, the policy left out. One differs on purpose: see {@link #anpBadPathTest1()}.
 * ({@code anp_bad_path_test_11} and {@code _13} do not exist in that project.)
 */
class NetpolAnalyzerRejectedScenariosTest {

    /**
     * {@code tests/anp_bad_path_test_1}: two AdminNetworkPolicies with priority 50 for the same pods, one
     * denying and one passing slytherin. netpol-analyzer stops with a fatal error ({@code PriorityErrExplain});
     * the API does not reject them: "If two (or more) policies with the same priority could both match a
     * connection, then the implementation can apply any of the matching policies to the connection, and there
     * is no way for the user to reliably determine which one it will choose" (apis/v1alpha1/adminnetworkpolicy_types.go,
     * AdminNetworkPolicySpec.Priority). So NetPolViz loads both and warns, naming both policies.
     */
    @Test
    void anpBadPathTest1() {
        ClusterSnapshot snapshot = AnalyzerScenario.snapshot("rejected/anp_bad_path_test_1");
        assertEquals(List.of(), AnalyzerScenario.errors(snapshot));
        List<LintFinding> overlaps = PolicyLint.lint(PolicyEngine.compile(snapshot).evaluate()).stream()
                .filter(f -> f.kind() == LintFinding.Kind.SAME_PRIORITY_OVERLAP).toList();
        assertEquals(1, overlaps.size(), overlaps.toString());
        assertEquals(Severity.WARNING, overlaps.get(0).severity());
        assertTrue(overlaps.get(0).message().contains("priority-50-example") && overlaps.get(0).message().contains("same-priority"),
                overlaps.get(0).message());
    }

    /** {@code tests/anp_bad_path_test_2}: an AdminNetworkPolicy with priority 1001; netpol-analyzer: {@code PriorityValueErr}. */
    @Test
    void anpBadPathTest2() {
        rejected("anp_bad_path_test_2", "spec.priority is 1001; the API server accepts 0 to 1000");
    }

    /** {@code tests/anp_bad_path_test_3}: two AdminNetworkPolicies named same-name; netpol-analyzer: {@code ANPsWithSameNameErr}. */
    @Test
    void anpBadPathTest3() {
        rejected("anp_bad_path_test_3", "AdminNetworkPolicy same-name is defined twice");
    }

    /** {@code tests/anp_bad_path_test_4}: an AdminNetworkPolicy without a subject; netpol-analyzer: {@code OneFieldSetSubjectErr}. */
    @Test
    void anpBadPathTest4() {
        rejected("anp_bad_path_test_4", "spec.subject is missing");
    }

    /** {@code tests/anp_bad_path_test_5}: a subject with both namespaces and pods; netpol-analyzer: {@code OneFieldSetSubjectErr}. */
    @Test
    void anpBadPathTest5() {
        rejected("anp_bad_path_test_5", "spec.subject must set exactly one of namespaces or pods, not both");
    }

    /** {@code tests/anp_bad_path_test_6}: an egress rule with an empty peer list; netpol-analyzer: {@code ANPEgressRulePeersErr}. */
    @Test
    void anpBadPathTest6() {
        rejected("anp_bad_path_test_6", "spec.egress[0].to is missing; a rule needs at least one peer");
    }

    /** {@code tests/anp_bad_path_test_7}: an egress peer with two forms; netpol-analyzer: {@code OneFieldSetRulePeerErr}. */
    @Test
    void anpBadPathTest7() {
        rejected("anp_bad_path_test_7", "spec.egress[0].to[0] must set exactly one of");
    }

    /** {@code tests/anp_bad_path_test_8}: an egress port with two fields; netpol-analyzer: {@code ANPPortsError}. */
    @Test
    void anpBadPathTest8() {
        rejected("anp_bad_path_test_8", "spec.egress[3].ports[0] must set exactly one of portNumber, portRange, namedPort");
    }

    /** {@code tests/anp_bad_path_test_9}: the egress action Accept (v1alpha2's word); netpol-analyzer: {@code UnknownRuleActionErr}. */
    @Test
    void anpBadPathTest9() {
        rejected("anp_bad_path_test_9", "spec.egress[1].action \"Accept\" is not an action of an AdminNetworkPolicy");
    }

    /** {@code tests/anp_bad_path_test_10}: an egress rule without peers; netpol-analyzer: {@code ANPEgressRulePeersErr}. */
    @Test
    void anpBadPathTest10() {
        rejected("anp_bad_path_test_10", "spec.egress[0].to is missing");
    }

    /** {@code tests/anp_bad_path_test_12}: an egress rule without an action; netpol-analyzer: {@code UnknownRuleActionErr}. */
    @Test
    void anpBadPathTest12() {
        rejected("anp_bad_path_test_12", "spec.egress[0].action is missing");
    }

    /** {@code tests/anp_bad_path_test_14}: an ingress rule without peers; netpol-analyzer: {@code ANPIngressRulePeersErr}. */
    @Test
    void anpBadPathTest14() {
        rejected("anp_bad_path_test_14", "spec.ingress[0].from is missing");
    }

    /** {@code tests/anp_bad_path_test_15}: an ingress rule with an empty peer list; netpol-analyzer: {@code ANPIngressRulePeersErr}. */
    @Test
    void anpBadPathTest15() {
        rejected("anp_bad_path_test_15", "spec.ingress[0].from is missing");
    }

    /** {@code tests/anp_bad_path_test_16}: an ingress peer with two forms; netpol-analyzer: {@code OneFieldSetRulePeerErr}. */
    @Test
    void anpBadPathTest16() {
        rejected("anp_bad_path_test_16", "spec.ingress[0].from[0] must set exactly one of namespaces, pods");
    }

    /** {@code tests/anp_bad_path_test_17}: an ingress port with two fields; netpol-analyzer: {@code ANPPortsError}. */
    @Test
    void anpBadPathTest17() {
        rejected("anp_bad_path_test_17", "spec.ingress[3].ports[0] must set exactly one of portNumber, portRange, namedPort");
    }

    /** {@code tests/anp_bad_path_test_18}: the ingress action Ok; netpol-analyzer: {@code UnknownRuleActionErr}. */
    @Test
    void anpBadPathTest18() {
        rejected("anp_bad_path_test_18", "spec.ingress[0].action \"Ok\" is not an action of an AdminNetworkPolicy");
    }

    /** {@code tests/anp_bad_path_test_19}: the networks CIDR zc00::/8; netpol-analyzer: {@code InvalidCIDRAddr}. */
    @Test
    void anpBadPathTest19() {
        rejected("anp_bad_path_test_19", "\"zc00::/8\" is not a valid CIDR");
    }

    /** {@code tests/anp_bad_path_test_20}: one of two AdminNetworkPolicies with priority 1001; netpol-analyzer: {@code PriorityValueErr}. */
    @Test
    void anpBadPathTest20() {
        rejected("anp_bad_path_test_20", "AdminNetworkPolicy invalid-priority is left out: spec.priority is 1001");
    }

    /** {@code tests/anp_test_with_empty_port_range}: a port range from 10 to 1; netpol-analyzer: {@code IllegalPortRangeError(10, 1)}. */
    @Test
    void anpTestWithEmptyPortRange() {
        rejected("anp_test_with_empty_port_range", "portRange starts at 10 and ends at 1; start must be less than end");
    }

    /** {@code tests/banp_bad_path_test_1}: two BaselineAdminNetworkPolicies; netpol-analyzer: {@code BANPAlreadyExists}. */
    @Test
    void banpBadPathTest1() {
        rejected("banp_bad_path_test_1", "BaselineAdminNetworkPolicy default is defined twice");
    }

    /** {@code tests/banp_bad_path_test_2}: a BaselineAdminNetworkPolicy not named default; netpol-analyzer: {@code BANPNameAssertion}. */
    @Test
    void banpBadPathTest2() {
        rejected("banp_bad_path_test_2", "a BaselineAdminNetworkPolicy must be named \"default\"");
    }

    /** {@code tests/banp_bad_path_test_3}: a BaselineAdminNetworkPolicy without a subject; netpol-analyzer: {@code OneFieldSetSubjectErr}. */
    @Test
    void banpBadPathTest3() {
        rejected("banp_bad_path_test_3", "spec.subject is missing");
    }

    /** {@code tests/banp_bad_path_test_4}: a subject with both namespaces and pods; netpol-analyzer: {@code OneFieldSetSubjectErr}. */
    @Test
    void banpBadPathTest4() {
        rejected("banp_bad_path_test_4", "spec.subject must set exactly one of namespaces or pods, not both");
    }

    /** {@code tests/banp_bad_path_test_5}: an egress rule with an empty peer list; netpol-analyzer: {@code ANPEgressRulePeersErr}. */
    @Test
    void banpBadPathTest5() {
        rejected("banp_bad_path_test_5", "spec.egress[0].to is missing");
    }

    /** {@code tests/banp_bad_path_test_6}: an egress rule without peers; netpol-analyzer: {@code ANPEgressRulePeersErr}. */
    @Test
    void banpBadPathTest6() {
        rejected("banp_bad_path_test_6", "spec.egress[0].to is missing");
    }

    /** {@code tests/banp_bad_path_test_7}: an egress peer with two forms; netpol-analyzer: {@code OneFieldSetRulePeerErr}. */
    @Test
    void banpBadPathTest7() {
        rejected("banp_bad_path_test_7", "spec.egress[0].to[0] must set exactly one of");
    }

    /** {@code tests/banp_bad_path_test_8}: the egress action Pass, which the Baseline tier lacks; netpol-analyzer: {@code UnknownRuleActionErr}. */
    @Test
    void banpBadPathTest8() {
        rejected("banp_bad_path_test_8", "spec.egress[0].action \"Pass\" is not an action of a BaselineAdminNetworkPolicy");
    }

    /** {@code tests/banp_bad_path_test_9}: an egress port with two fields; netpol-analyzer: {@code ANPPortsError}. */
    @Test
    void banpBadPathTest9() {
        rejected("banp_bad_path_test_9", "spec.egress[0].ports[0] must set exactly one of portNumber, portRange, namedPort");
    }

    /** {@code tests/banp_bad_path_test_10}: an ingress rule without peers; netpol-analyzer: {@code ANPIngressRulePeersErr}. */
    @Test
    void banpBadPathTest10() {
        rejected("banp_bad_path_test_10", "spec.ingress[0].from is missing");
    }

    /** {@code tests/banp_bad_path_test_11}: an ingress rule with an empty peer list; netpol-analyzer: {@code ANPIngressRulePeersErr}. */
    @Test
    void banpBadPathTest11() {
        rejected("banp_bad_path_test_11", "spec.ingress[0].from is missing");
    }

    /** {@code tests/banp_bad_path_test_12}: an ingress peer with two forms; netpol-analyzer: {@code OneFieldSetRulePeerErr}. */
    @Test
    void banpBadPathTest12() {
        rejected("banp_bad_path_test_12", "spec.ingress[0].from[0] must set exactly one of namespaces, pods");
    }

    /** {@code tests/banp_bad_path_test_13}: an ingress port with two fields; netpol-analyzer: {@code ANPPortsError}. */
    @Test
    void banpBadPathTest13() {
        rejected("banp_bad_path_test_13", "spec.ingress[2].ports[0] must set exactly one of portNumber, portRange, namedPort");
    }

    /** {@code tests/banp_bad_path_test_14}: the ingress action Pass; netpol-analyzer: {@code UnknownRuleActionErr}. */
    @Test
    void banpBadPathTest14() {
        rejected("banp_bad_path_test_14", "spec.ingress[0].action \"Pass\" is not an action of a BaselineAdminNetworkPolicy");
    }

    /** {@code tests/banp_bad_path_test_15}: the networks CIDR zc00::/8 (and a port with two fields); netpol-analyzer: {@code InvalidCIDRAddr}. */
    @Test
    void banpBadPathTest15() {
        rejected("banp_bad_path_test_15", "\"zc00::/8\" is not a valid CIDR");
    }

    private static void rejected(String scenario, String message) {
        List<String> errors = AnalyzerScenario.errors(AnalyzerScenario.snapshot("rejected/" + scenario));
        assertTrue(errors.stream().anyMatch(error -> error.contains(message)), scenario + ": " + errors);
        assertTrue(errors.stream().allMatch(error -> error.contains(" is left out: ") || error.contains(" is defined twice")),
                scenario + ": " + errors);
    }
}

package io.netpolviz.conformance;

import org.junit.jupiter.api.Test;

/**
 * np-guard/netpol-analyzer's BaselineAdminNetworkPolicy scenarios ({@code tests/banp_*}) and the two that
 * give an ANP or BANP to pods of one owner with different labels ({@code tests/example_pods_w_same_owner_and_labels_gap_*_good}), written anew.
 * {@link AnalyzerScenario} reads each from {@code src/test/resources/conformance/netpol-analyzer/<scenario>.yaml}
 * (whose header cites the source files) and compares every ordered pod pair with the connectivity
 * list netpol-analyzer expects; a pair that list does not name must allow nothing.
 */
class NetpolAnalyzerBanpScenariosTest {

    /** {@code tests/banp_test_core_egress_sctp_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_sctp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressSctpRules() {
        AnalyzerScenario.check("banp_test_core_egress_sctp_rules");
    }

    /** {@code tests/banp_test_core_egress_sctp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_sctp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressSctpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_egress_sctp_swapping_rules");
    }

    /** {@code tests/banp_test_core_egress_tcp_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_tcp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressTcpRules() {
        AnalyzerScenario.check("banp_test_core_egress_tcp_rules");
    }

    /** {@code tests/banp_test_core_egress_tcp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_tcp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressTcpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_egress_tcp_swapping_rules");
    }

    /** {@code tests/banp_test_core_egress_udp_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_udp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressUdpRules() {
        AnalyzerScenario.check("banp_test_core_egress_udp_rules");
    }

    /** {@code tests/banp_test_core_egress_udp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_egress_udp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreEgressUdpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_egress_udp_swapping_rules");
    }

    /** {@code tests/banp_test_core_gress_rules}; expected {@code test_outputs/connlist/banp_test_core_gress_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreGressRules() {
        AnalyzerScenario.check("banp_test_core_gress_rules");
    }

    /** {@code tests/banp_test_core_gress_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_gress_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreGressSwappingRules() {
        AnalyzerScenario.check("banp_test_core_gress_swapping_rules");
    }

    /** {@code tests/banp_test_core_ingress_sctp_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_sctp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressSctpRules() {
        AnalyzerScenario.check("banp_test_core_ingress_sctp_rules");
    }

    /** {@code tests/banp_test_core_ingress_sctp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_sctp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressSctpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_ingress_sctp_swapping_rules");
    }

    /** {@code tests/banp_test_core_ingress_tcp_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_tcp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressTcpRules() {
        AnalyzerScenario.check("banp_test_core_ingress_tcp_rules");
    }

    /** {@code tests/banp_test_core_ingress_tcp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_tcp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressTcpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_ingress_tcp_swapping_rules");
    }

    /** {@code tests/banp_test_core_ingress_udp_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_udp_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressUdpRules() {
        AnalyzerScenario.check("banp_test_core_ingress_udp_rules");
    }

    /** {@code tests/banp_test_core_ingress_udp_swapping_rules}; expected {@code test_outputs/connlist/banp_test_core_ingress_udp_swapping_rules_connlist_output.txt}. */
    @Test
    void banpTestCoreIngressUdpSwappingRules() {
        AnalyzerScenario.check("banp_test_core_ingress_udp_swapping_rules");
    }

    /** {@code tests/example_pods_w_same_owner_and_labels_gap_anp_good}; expected {@code test_outputs/connlist/example_pods_w_same_owner_and_labels_gap_anp_good_connlist_output.txt}. */
    @Test
    void examplePodsWSameOwnerAndLabelsGapAnpGood() {
        AnalyzerScenario.check("example_pods_w_same_owner_and_labels_gap_anp_good");
    }

    /** {@code tests/example_pods_w_same_owner_and_labels_gap_banp_good}; expected {@code test_outputs/connlist/example_pods_w_same_owner_and_labels_gap_banp_good_connlist_output.txt}. */
    @Test
    void examplePodsWSameOwnerAndLabelsGapBanpGood() {
        AnalyzerScenario.check("example_pods_w_same_owner_and_labels_gap_banp_good");
    }
}

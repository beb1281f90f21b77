package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * np-guard/netpol-analyzer's AdminNetworkPolicy scenarios ({@code tests/anp_*}), written anew.
 * {@link AnalyzerScenario} reads each from {@code src/test/resources/conformance/netpol-analyzer/<scenario>.yaml}
 * (whose header cites the source files) and compares every ordered pod pair with the connectivity
 * list netpol-analyzer expects; a pair that list does not name must allow nothing.
 */
class NetpolAnalyzerAnpScenariosTest {

    /** {@code tests/anp_and_banp_using_networks_and_nodes_test}; expected {@code test_outputs/connlist/anp_and_banp_using_networks_and_nodes_test_connlist_output.txt}. */
    @Test
    void anpAndBanpUsingNetworksAndNodesTest() {
        AnalyzerScenario.check("anp_and_banp_using_networks_and_nodes_test");
    }

    /** {@code tests/anp_and_banp_using_networks_test}; expected {@code test_outputs/connlist/anp_and_banp_using_networks_test_connlist_output.txt}. */
    @Test
    void anpAndBanpUsingNetworksTest() {
        AnalyzerScenario.check("anp_and_banp_using_networks_test");
    }

    /** {@code tests/anp_and_banp_using_networks_with_ipv6_test}; expected {@code test_outputs/connlist/anp_and_banp_using_networks_with_ipv6_test_connlist_output.txt}. */
    @Test
    void anpAndBanpUsingNetworksWithIpv6Test() {
        AnalyzerScenario.check("anp_and_banp_using_networks_with_ipv6_test");
    }

    /** {@code tests/anp_banp_blog_demo}; expected {@code test_outputs/connlist/anp_banp_blog_demo_connlist_output.txt}. */
    @Test
    void anpBanpBlogDemo() {
        AnalyzerScenario.check("anp_banp_blog_demo");
    }

    /** {@code tests/anp_banp_core_test}; expected {@code test_outputs/connlist/anp_banp_core_test_connlist_output.txt}. */
    @Test
    void anpBanpCoreTest() {
        AnalyzerScenario.check("anp_banp_core_test");
    }

    /** {@code tests/anp_banp_test_multiple_warnings}; expected {@code test_outputs/connlist/anp_banp_test_multiple_warnings_connlist_output.txt}. */
    @Test
    void anpBanpTestMultipleWarnings() {
        AnalyzerScenario.check("anp_banp_test_multiple_warnings");
    }

    /** {@code tests/anp_banp_test_with_named_port_matched}; expected {@code test_outputs/connlist/anp_banp_test_with_named_port_matched_connlist_output.txt}. */
    @Test
    void anpBanpTestWithNamedPortMatched() {
        AnalyzerScenario.check("anp_banp_test_with_named_port_matched");
    }

    /** {@code tests/anp_banp_test_with_named_port_unmatched}; expected {@code test_outputs/connlist/anp_banp_test_with_named_port_unmatched_connlist_output.txt}. */
    @Test
    void anpBanpTestWithNamedPortUnmatched() {
        AnalyzerScenario.check("anp_banp_test_with_named_port_unmatched");
    }

    /** {@code tests/anp_demo}; expected {@code test_outputs/connlist/anp_demo_connlist_output.txt}. */
    @Test
    void anpDemo() {
        AnalyzerScenario.check("anp_demo");
    }

    /** {@code tests/anp_np_banp_core_test}; expected {@code test_outputs/connlist/anp_np_banp_core_test_connlist_output.txt}. */
    @Test
    void anpNpBanpCoreTest() {
        AnalyzerScenario.check("anp_np_banp_core_test");
    }

    /** {@code tests/anp_test_10}; expected {@code test_outputs/connlist/anp_test_10_connlist_output.txt}. */
    @Test
    void anpTest10() {
        AnalyzerScenario.check("anp_test_10");
    }

    /** {@code tests/anp_test_10_swapping_rules}; expected {@code test_outputs/connlist/anp_test_10_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest10SwappingRules() {
        AnalyzerScenario.check("anp_test_10_swapping_rules");
    }

    /** {@code tests/anp_test_11}; expected {@code test_outputs/connlist/anp_test_11_connlist_output.txt}. */
    @Test
    void anpTest11() {
        AnalyzerScenario.check("anp_test_11");
    }

    /** {@code tests/anp_test_11_swapping_rules}; expected {@code test_outputs/connlist/anp_test_11_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest11SwappingRules() {
        AnalyzerScenario.check("anp_test_11_swapping_rules");
    }

    /** {@code tests/anp_test_12}; expected {@code test_outputs/connlist/anp_test_12_connlist_output.txt}. */
    @Test
    void anpTest12() {
        AnalyzerScenario.check("anp_test_12");
    }

    /** {@code tests/anp_test_12_swapping_rules}; expected {@code test_outputs/connlist/anp_test_12_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest12SwappingRules() {
        AnalyzerScenario.check("anp_test_12_swapping_rules");
    }

    /** {@code tests/anp_test_1_deny_traffic_at_cluster_level}; expected {@code test_outputs/connlist/anp_test_1_deny_traffic_at_cluster_level_connlist_output.txt}. */
    @Test
    void anpTest1DenyTrafficAtClusterLevel() {
        AnalyzerScenario.check("anp_test_1_deny_traffic_at_cluster_level");
    }

    /** {@code tests/anp_test_2_allow_traffic_at_cluster_level}; expected {@code test_outputs/connlist/anp_test_2_allow_traffic_at_cluster_level_connlist_output.txt}. */
    @Test
    void anpTest2AllowTrafficAtClusterLevel() {
        AnalyzerScenario.check("anp_test_2_allow_traffic_at_cluster_level");
    }

    /** {@code tests/anp_test_3_pass_traffic}; expected {@code test_outputs/connlist/anp_test_3_pass_traffic_connlist_output.txt}. */
    @Test
    void anpTest3PassTraffic() {
        AnalyzerScenario.check("anp_test_3_pass_traffic");
    }

    /** {@code tests/anp_test_4}; expected {@code test_outputs/connlist/anp_test_4_connlist_output.txt}. */
    @Test
    void anpTest4() {
        AnalyzerScenario.check("anp_test_4");
    }

    /** {@code tests/anp_test_4_with_priority_chang_pass_to_banp}; expected {@code test_outputs/connlist/anp_test_4_with_priority_chang_pass_to_banp_connlist_output.txt}. */
    @Test
    void anpTest4WithPriorityChangPassToBanp() {
        AnalyzerScenario.check("anp_test_4_with_priority_chang_pass_to_banp");
    }

    /** {@code tests/anp_test_5}; expected {@code test_outputs/connlist/anp_test_5_connlist_output.txt}. */
    @Test
    void anpTest5() {
        AnalyzerScenario.check("anp_test_5");
    }

    /** {@code tests/anp_test_6}; expected {@code test_outputs/connlist/anp_test_6_connlist_output.txt}. */
    @Test
    void anpTest6() {
        AnalyzerScenario.check("anp_test_6");
    }

    /** {@code tests/anp_test_6_swapping_rules}; expected {@code test_outputs/connlist/anp_test_6_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest6SwappingRules() {
        AnalyzerScenario.check("anp_test_6_swapping_rules");
    }

    /** {@code tests/anp_test_7}; expected {@code test_outputs/connlist/anp_test_7_connlist_output.txt}. */
    @Test
    void anpTest7() {
        AnalyzerScenario.check("anp_test_7");
    }

    /** {@code tests/anp_test_7_swapping_rules}; expected {@code test_outputs/connlist/anp_test_7_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest7SwappingRules() {
        AnalyzerScenario.check("anp_test_7_swapping_rules");
    }

    /** {@code tests/anp_test_8}; expected {@code test_outputs/connlist/anp_test_8_connlist_output.txt}. */
    @Test
    void anpTest8() {
        AnalyzerScenario.check("anp_test_8");
    }

    /** {@code tests/anp_test_8_swapping_rules}; expected {@code test_outputs/connlist/anp_test_8_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest8SwappingRules() {
        AnalyzerScenario.check("anp_test_8_swapping_rules");
    }

    /** {@code tests/anp_test_9}; expected {@code test_outputs/connlist/anp_test_9_connlist_output.txt}. */
    @Test
    void anpTest9() {
        AnalyzerScenario.check("anp_test_9");
    }

    /** {@code tests/anp_test_9_swapping_rules}; expected {@code test_outputs/connlist/anp_test_9_swapping_rules_connlist_output.txt}. */
    @Test
    void anpTest9SwappingRules() {
        AnalyzerScenario.check("anp_test_9_swapping_rules");
    }

    /** {@code tests/anp_test_combining_test_6_and_test_10}; expected {@code test_outputs/connlist/anp_test_combining_test_6_and_test_10_connlist_output.txt}. */
    @Test
    void anpTestCombiningTest6AndTest10() {
        AnalyzerScenario.check("anp_test_combining_test_6_and_test_10");
    }

    /** {@code tests/anp_test_ingress_egress_intersection}; expected {@code test_outputs/connlist/anp_test_ingress_egress_intersection_connlist_output.txt}. */
    @Test
    void anpTestIngressEgressIntersection() {
        AnalyzerScenario.check("anp_test_ingress_egress_intersection");
    }

    /** {@code tests/anp_test_multiple_anps}; expected {@code test_outputs/connlist/anp_test_multiple_anps_connlist_output.txt}. */
    @Test
    void anpTestMultipleAnps() {
        AnalyzerScenario.check("anp_test_multiple_anps");
    }

    /**
     * {@code tests/anp_test_named_ports_multiple_peers}; expected {@code
     * test_outputs/connlist/anp_test_named_ports_multiple_peers_connlist_output.txt}. A difference from
     * netpol-analyzer, documented rather than followed: its Allow rule names the port {@code dns} beside a
     * {@code networks} peer, and the v1alpha1 CRD rejects such a rule (apis/v1alpha1/adminnetworkpolicy_types.go,
     * on AdminNetworkPolicyEgressRule: "networks/nodes/domainNames peer cannot be set with namedPorts since there
     * are no namedPorts for networks/nodes/domainNames"), so no cluster can hold that policy; NetPolViz leaves it
     * out with an error, as the API server would. netpol-analyzer evaluates it anyway, the named port for the pods
     * peer only; the same rule split into a networks rule and a pods rule, which the CRD admits, gives exactly its
     * expected pod pairs.
     */
    @Test
    void anpTestNamedPortsMultiplePeers() {
        List<String> errors = AnalyzerScenario.errors(AnalyzerScenario.snapshot("anp_test_named_ports_multiple_peers"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("AdminNetworkPolicy egress-peer-1 is left out: spec.egress[0] combines a named port with networks"),
                errors.get(0));
        AnalyzerScenario.check("anp_test_named_ports_multiple_peers_split");
    }

    /** {@code tests/anp_with_banp_new_test}; expected {@code test_outputs/connlist/anp_with_banp_new_test_connlist_output.txt}. */
    @Test
    void anpWithBanpNewTest() {
        AnalyzerScenario.check("anp_with_banp_new_test");
    }

    /** {@code tests/anp_with_banp_pass_test}; expected {@code test_outputs/connlist/anp_with_banp_pass_test_connlist_output.txt}. */
    @Test
    void anpWithBanpPassTest() {
        AnalyzerScenario.check("anp_with_banp_pass_test");
    }

    /** {@code tests/anp_with_np_and_banp_pass_test}; expected {@code test_outputs/connlist/anp_with_np_and_banp_pass_test_connlist_output.txt}. */
    @Test
    void anpWithNpAndBanpPassTest() {
        AnalyzerScenario.check("anp_with_np_and_banp_pass_test");
    }

    /** {@code tests/anp_with_np_pass_test}; expected {@code test_outputs/connlist/anp_with_np_pass_test_connlist_output.txt}. */
    @Test
    void anpWithNpPassTest() {
        AnalyzerScenario.check("anp_with_np_pass_test");
    }

    /**
     * The views netpol-analyzer's {@code pkg/netpol/connlist/connlist_test.go} takes of two scenarios: only UDP 52
     * ({@code test_outputs/connlist/anp_demo_udp-52_connlist_output.txt}, {@code anp_banp_blog_demo_udp-52_connlist_output.txt}),
     * and the blog demo's pairs with mybar as source and mybaz as peer, or with myfoo or mybar at either end
     * ({@code anp_banp_blog_demo_focus_workload_mybar_egress_with_mybaz_connlist_output.txt},
     * {@code anp_banp_blog_demo_focus_workload_myfoo_mybar_connlist_output.txt}); pod pairs only.
     */
    @Test
    void focusedViewsOfTheDemos() {
        assertEquals(Set.of("gryffindor/harry-potter -> ravenclaw/luna-lovegood", "gryffindor/harry-potter -> slytherin/draco-malfoy",
                "slytherin/draco-malfoy -> gryffindor/harry-potter", "slytherin/draco-malfoy -> hufflepuff/cedric-diggory"),
                onUdp52("anp_demo"));
        assertEquals(Set.of("bar/mybar -> baz/mybaz", "bar/mybar -> monitoring/mymonitoring", "baz/mybaz -> monitoring/mymonitoring",
                "foo/myfoo -> baz/mybaz", "foo/myfoo -> monitoring/mymonitoring", "monitoring/mymonitoring -> baz/mybaz",
                "monitoring/mymonitoring -> foo/myfoo"), onUdp52("anp_banp_blog_demo"));
        Map<String, String> blog = AnalyzerScenario.load("anp_banp_blog_demo").allowedPairs();
        assertEquals(Map.of("bar/mybar -> baz/mybaz", "all"), filter(blog, pair -> pair.equals("bar/mybar -> baz/mybaz")));
        assertEquals(Map.of("bar/mybar -> baz/mybaz", "all", "bar/mybar -> monitoring/mymonitoring", "all", "foo/myfoo -> baz/mybaz", "all",
                "foo/myfoo -> monitoring/mymonitoring", "all", "monitoring/mymonitoring -> foo/myfoo", "all"),
                filter(blog, pair -> pair.contains("/myfoo") || pair.contains("/mybar")));
    }

    private static Set<String> onUdp52(String scenario) {
        AnalyzerScenario loaded = AnalyzerScenario.load(scenario);
        Set<String> pairs = new TreeSet<>();
        for (Endpoint.Pods from : loaded.evaluation().engine().workloadEndpoints()) {
            for (Endpoint.Pods to : loaded.evaluation().engine().workloadEndpoints()) {
                if (!from.equals(to) && loaded.evaluation().verdict(from, to, Protocol.UDP, 52).allowed()) {
                    pairs.add(from.id() + " -> " + to.id());
                }
            }
        }
        return pairs;
    }

    private static Map<String, String> filter(Map<String, String> pairs, Predicate<String> keep) {
        Map<String, String> kept = new TreeMap<>();
        pairs.forEach((pair, ports) -> {
            if (keep.test(pair)) {
                kept.put(pair, ports);
            }
        });
        return kept;
    }
}

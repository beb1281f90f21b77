package io.netpolviz.conformance;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network-policy-api conformance tests for egress CIDR ({@code networks}) peers that
 * {@link CidrPeerConformanceTest} does not cover, transcribed from kubernetes-sigs/network-policy-api:
 * <ul>
 * <li>{@code conformance/tests/baseline-admin-network-policy-standard-egress-inline-cidr-rules.go}
 *     ({@code CNPBaselineTierEgressInlineCIDRPeers}) with {@code base/baseline_tier/standard-egress-inline-cidr-rules.yaml}
 *     (v1alpha2, main): a ClusterNetworkPolicy of the Baseline tier;</li>
 * <li>the same test file ({@code BaselineAdminNetworkPolicyEgressInlineCIDRPeers}) with
 *     {@code base/baseline_admin_network_policy/standard-egress-inline-cidr-rules.yaml} (v1alpha1, branch release-0.1):
 *     the BaselineAdminNetworkPolicy {@code default};</li>
 * <li>{@code admin-network-policy-standard-egress-inline-cidr-rules.go} ({@code AdminNetworkPolicyEgressInlineCIDRPeers})
 *     with {@code base/admin_network_policy/standard-egress-inline-cidr-rules.yaml} (v1alpha1, release-0.1): the
 *     AdminNetworkPolicy {@code inline-cidr-as-peers-example}.</li>
 * </ul>
 * Each policy, written anew here, makes gryffindor's egress accept slytherin and then deny
 * {@code 0.0.0.0/0} and {@code ::/0}; the suite pokes the server pods at their {@code status.podIP},
 * which the server pods of {@link CidrPeerConformanceTest#SERVERS} carry. Only the v1alpha2 test
 * relabels slytherin; the release-0.1 tests do not.
 */
class CidrPeerTiersConformanceTest {

    @TempDir
    static Path directory;

    private static final String HARRY = "gryffindor/harry-potter-1";

    @ParameterizedTest
    @ValueSource(strings = {"Baseline v1alpha2", "BaselineAdminNetworkPolicy", "AdminNetworkPolicy"})
    void aDenyToEveryAddressDeniesPodsWithAddressesUnlessAnEarlierRuleAccepts(String which) {
        Houses houses = Houses.with(directory, CidrPeerConformanceTest.SERVERS, policy(which));
        // "Should support a 'deny-egress' rule policy for egress-cidr-peer"
        for (String server : List.of("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-0")) {
            pokeAll(houses, server, false);
        }
        pokeAll(houses, "slytherin/draco-malfoy-0", true);
        if (which.equals("Baseline v1alpha2")) {
            // the v1alpha2 test relabels slytherin, so the Accept no longer matches and the CIDR Deny catches it; then back.
            Houses relabelled = houses.withNamespaceLabel("slytherin", "denied-namespace-label");
            pokeAll(relabelled, "slytherin/draco-malfoy-0", false);
            pokeAll(relabelled.withNamespaceLabel("slytherin", "slytherin"), "slytherin/draco-malfoy-0", true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baseline v1alpha2", "BaselineAdminNetworkPolicy", "AdminNetworkPolicy"})
    void anAcceptOfTwoPodAddressesComesBeforeTheDeny(String which) {
        // "Should support an 'allow-egress' rule policy for egress-cidr-peer": the suite inserts, first, a rule
        // accepting luna-lovegood-0's and cedric-diggory-0's addresses (/32).
        String name = which.equals("AdminNetworkPolicy") ? "inline-cidr-as-peers-example" : "default";
        Houses houses = Houses.with(directory, CidrPeerConformanceTest.SERVERS, policy(which)).withFirstRule(name, PolicyType.EGRESS,
                new ClusterPolicyRule("allow-egress-to-specific-podIPs", RuleAction.ALLOW,
                        List.of(ClusterPolicyPeer.networks(List.of(cidr("10.244.3.10/32"), cidr("10.244.2.10/32")))), List.of(),
                        SourceRef.NONE));
        pokeAll(houses, "ravenclaw/luna-lovegood-0", true);
        pokeAll(houses, "hufflepuff/cedric-diggory-0", true);
        pokeAll(houses, "ravenclaw/luna-lovegood-1", false);
        pokeAll(houses, "hufflepuff/cedric-diggory-1", false);
    }

    /** The suite's three pokes of one server: TCP 80, UDP 53 and SCTP 9003. */
    private static void pokeAll(Houses houses, String server, boolean expected) {
        houses.poke(HARRY, "tcp", server, 80, expected);
        houses.poke(HARRY, "udp", server, 53, expected);
        houses.poke(HARRY, "sctp", server, 9003, expected);
    }

    private static String policy(String which) {
        String rules = """
                  egress:
                  - name: allow-egress-to-slytherin
                    action: ALLOW
                    to: [{pods: {namespaceSelector: {matchLabels: {conformance-house: slytherin}},
                                 podSelector: {matchLabels: {conformance-house: slytherin}}}}]
                  - name: deny-egress-to-internet
                    action: Deny
                    to: [{networks: [0.0.0.0/0, "::/0"]}]
                """;
        return switch (which) {
            case "Baseline v1alpha2" -> """
                    apiVersion: policy.networking.k8s.io/v1alpha2
                    kind: ClusterNetworkPolicy
                    metadata: {name: default}
                    spec:
                      tier: Baseline
                      priority: 10
                      subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-gryffindor}}}
                    """ + rules.replace("ALLOW", "Accept");
            case "BaselineAdminNetworkPolicy" -> """
                    apiVersion: policy.networking.k8s.io/v1alpha1
                    kind: BaselineAdminNetworkPolicy
                    metadata: {name: default}
                    spec:
                      subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-gryffindor}}}
                    """ + rules.replace("ALLOW", "Allow");
            default -> """
                    apiVersion: policy.networking.k8s.io/v1alpha1
                    kind: AdminNetworkPolicy
                    metadata: {name: inline-cidr-as-peers-example}
                    spec:
                      priority: 85
                      subject: {pods: {namespaceSelector: {matchLabels: {conformance-house: gryffindor}},
                                       podSelector: {matchLabels: {conformance-house: gryffindor}}}}
                    """ + rules.replace("ALLOW", "Allow");
        };
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }
}

package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcribed from kubernetes-sigs/network-policy-api
 * {@code conformance/tests/admin-network-policy-standard-egress-inline-cidr-rules.go} with
 * {@code base/admin_tier/standard-egress-inline-cidr-rules.yaml}: "networks" peers match pod
 * traffic too ("cluster-internal traffic will be checked against the rule as well", apis/v1alpha2).
 * The suite reads the server pods' {@code status.podIP}; here the server pods are bare Pods whose
 * manifests carry a status with an address, as a live cluster's would.
 */
class CidrPeerConformanceTest {

    @TempDir
    static Path directory;

    static final String SERVERS = """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Pod, metadata: {name: luna-lovegood-0, namespace: network-policy-conformance-ravenclaw,
                 labels: {conformance-house: ravenclaw, pod: "0"}}, spec: {containers: [{name: s, image: agnhost}]}, status: {podIP: 10.244.3.10}}
            - {apiVersion: v1, kind: Pod, metadata: {name: luna-lovegood-1, namespace: network-policy-conformance-ravenclaw,
                 labels: {conformance-house: ravenclaw, pod: "1"}}, spec: {containers: [{name: s, image: agnhost}]}, status: {podIP: 10.244.3.11}}
            - {apiVersion: v1, kind: Pod, metadata: {name: cedric-diggory-0, namespace: network-policy-conformance-hufflepuff,
                 labels: {conformance-house: hufflepuff, pod: "0"}}, spec: {containers: [{name: s, image: agnhost}]},
                 status: {podIP: 10.244.2.10, podIPs: [{ip: 10.244.2.10}, {ip: "fd00:10:244:2::a"}]}}
            - {apiVersion: v1, kind: Pod, metadata: {name: cedric-diggory-1, namespace: network-policy-conformance-hufflepuff,
                 labels: {conformance-house: hufflepuff, pod: "1"}}, spec: {containers: [{name: s, image: agnhost}]}, status: {podIP: 10.244.2.11}}
            - {apiVersion: v1, kind: Pod, metadata: {name: draco-malfoy-0, namespace: network-policy-conformance-slytherin,
                 labels: {conformance-house: slytherin, pod: "0"}}, spec: {containers: [{name: s, image: agnhost}]}, status: {podIP: 10.244.1.10}}
            """;

    private static final String POLICY = """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: inline-cidr-as-peers-example}
            spec:
              tier: Admin
              priority: 85
              subject: {pods: {namespaceSelector: {matchLabels: {conformance-house: gryffindor}},
                               podSelector: {matchLabels: {conformance-house: gryffindor}}}}
              egress:
              - name: allow-egress-to-slytherin
                action: Accept
                to: [{pods: {namespaceSelector: {matchLabels: {conformance-house: slytherin}},
                             podSelector: {matchLabels: {conformance-house: slytherin}}}}]
              - name: deny-egress-to-internet
                action: Deny
                to: [{networks: [0.0.0.0/0, "::/0"]}]
            """;

    @Test
    void aDenyToEveryAddressDeniesPodsWithAddressesUnlessAnEarlierRuleAccepts() {
        Houses houses = Houses.with(directory, SERVERS, POLICY);
        // "Should support a 'deny-egress' rule policy for egress-cidr-peer"
        for (String server : List.of("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-0")) {
            houses.poke("gryffindor/harry-potter-1", "tcp", server, 80, false);
            houses.poke("gryffindor/harry-potter-1", "udp", server, 53, false);
            houses.poke("gryffindor/harry-potter-1", "sctp", server, 9003, false);
        }
        houses.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 80, true);
        houses.poke("gryffindor/harry-potter-1", "udp", "slytherin/draco-malfoy-0", 53, true);
        houses.poke("gryffindor/harry-potter-1", "sctp", "slytherin/draco-malfoy-0", 9003, true);
        // The suite relabels slytherin so the Accept rule no longer matches: the CIDR Deny catches draco-malfoy-0.
        Houses relabelled = houses.withNamespaceLabel("slytherin", "denied-namespace-label");
        relabelled.poke("gryffindor/harry-potter-1", "tcp", "slytherin/draco-malfoy-0", 80, false);
        relabelled.poke("gryffindor/harry-potter-1", "sctp", "slytherin/draco-malfoy-0", 9003, false);
        relabelled.withNamespaceLabel("slytherin", "slytherin").poke("gryffindor/harry-potter-1", "udp", "slytherin/draco-malfoy-0", 53, true);
        // Our own: the same Deny covers an address outside the cluster.
        Evaluation evaluation = houses.evaluation();
        Endpoint harry = evaluation.engine().resolve("network-policy-conformance-gryffindor/harry-potter").orElseThrow();
        assertFalse(evaluation.verdict(harry, Endpoint.External.address(IpAddress.parse("8.8.8.8").orElseThrow()), Protocol.TCP, 443).allowed());
    }

    @Test
    void anAcceptOfTwoPodAddressesComesBeforeTheDeny() {
        // "Should support an 'allow-egress' rule policy for egress-cidr-peer": a rule accepting the two
        // servers' addresses (/32) goes first.
        Houses houses = Houses.with(directory, SERVERS, POLICY).withFirstRule("inline-cidr-as-peers-example", PolicyType.EGRESS,
                new ClusterPolicyRule("allow-egress-to-specific-podIPs", RuleAction.ALLOW,
                        List.of(ClusterPolicyPeer.networks(List.of(cidr("10.244.3.10/32"), cidr("10.244.2.10/32")))), List.of(),
                        SourceRef.NONE));
        for (String server : List.of("ravenclaw/luna-lovegood-0", "hufflepuff/cedric-diggory-0")) {
            houses.poke("gryffindor/harry-potter-1", "tcp", server, 80, true);
            houses.poke("gryffindor/harry-potter-1", "udp", server, 53, true);
            houses.poke("gryffindor/harry-potter-1", "sctp", server, 9003, true);
        }
        for (String server : List.of("ravenclaw/luna-lovegood-1", "hufflepuff/cedric-diggory-1")) {
            houses.poke("gryffindor/harry-potter-1", "tcp", server, 80, false);
            houses.poke("gryffindor/harry-potter-1", "udp", server, 53, false);
            houses.poke("gryffindor/harry-potter-1", "sctp", server, 9003, false);
        }
        assertTrue(houses.snapshot().workloads().stream().anyMatch(w -> w.podAddresses().size() == 2), "podIPs are read too");
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }
}

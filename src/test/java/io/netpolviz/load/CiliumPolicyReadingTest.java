package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading {@code cilium.io/v2} CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy as Cilium's
 * policy language describes them (https://docs.cilium.io/en/stable/security/policy/language/):
 * both kinds and the {@code specs} list, the label prefixes and derived namespace keys, ports,
 * entities, CIDR sets, and what only the running cluster decides (L7 rules, DNS names, other
 * entities, node selectors). A bad policy is reported at its line and left out; the rest loads.
 */
class CiliumPolicyReadingTest {

    @TempDir
    Path dir;

    private ClusterSnapshot load(String text) {
        return Fixtures.load(Fixtures.write(dir, "cilium.yaml", text));
    }

    @Test
    void readsBothKindsTheSpecsListAndTheirRules() {
        ClusterSnapshot snapshot = load("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: rule1, namespace: default}
                specs:
                - endpointSelector: {matchLabels: {k8s:class: deathstar}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {any:org: empire}}]
                    toPorts:
                    - ports: [{port: "80", protocol: TCP}, {port: "8000", endPort: 8080}]
                      rules: {http: [{method: PUT, path: /v1/exhaust-port}]}
                - endpointSelector: {}
                  egress: [{toFQDNs: [{matchName: api.github.com}], toPorts: [{ports: [{port: "443"}]}]}]
                  egressDeny: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]}, {toEntities: [world, host]}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: hosts}
                spec:
                  nodeSelector: {}
                  ingress: [{fromEntities: [cluster]}]
                  enableDefaultDeny: {ingress: false}
                """);
        assertEquals(List.of(new PolicyId("CiliumClusterwideNetworkPolicy", "hosts"), new PolicyId("CiliumNetworkPolicy", "default/rule1")),
                snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).toList());
        CiliumPolicy rule1 = snapshot.ciliumPolicies().get(1);
        CiliumSpec first = rule1.specs().get(0);
        assertEquals(Map.of("class", "deathstar"), first.subject().pods().matchLabels(), "the k8s: prefix is the label's source");
        CiliumRule ingress = first.ingress().get(0);
        assertEquals(Map.of("org", "empire"), ingress.endpoints().get(0).pods().matchLabels());
        assertTrue(ingress.endpoints().get(0).namespaces().display().contains("default"), "a namespaced peer stays in its namespace");
        assertTrue(ingress.ports().contains(ClusterPolicyPort.range(Protocol.TCP, 80, 80)));
        assertTrue(ingress.ports().contains(ClusterPolicyPort.range(Protocol.UDP, 8000, 8080)), "no protocol means any: " + ingress.ports());
        assertTrue(ingress.runtimeFilters().get(0).contains("PUT /v1/exhaust-port"), ingress.runtimeFilters().toString());
        assertTrue(first.defaultDeny(io.netpolviz.model.PolicyType.INGRESS));
        assertFalse(first.defaultDeny(io.netpolviz.model.PolicyType.EGRESS));
        CiliumSpec second = rule1.specs().get(1);
        CiliumRule fqdn = second.egress().get(0);
        assertFalse(fqdn.anyPeer(), "a DNS name is a peer: the rule does not open every peer");
        assertTrue(fqdn.runtimePeers().get(0).contains("api.github.com"), fqdn.runtimePeers().toString());
        assertEquals(1, second.egressDeny().get(0).cidrs().get(0).except().size());
        assertTrue(second.egressDeny().get(1).world());
        assertEquals(List.of("entity host"), second.egressDeny().get(1).runtimePeers());
        CiliumSpec hosts = snapshot.ciliumPolicies().get(0).specs().get(0);
        assertTrue(hosts.nodeSelector());
        assertFalse(hosts.defaultDeny(io.netpolviz.model.PolicyType.INGRESS));
        assertTrue(snapshot.unevaluatedPolicyKinds().isEmpty(), "Cilium's kinds are evaluated now");
    }

    @Test
    void aBadPolicyIsReportedAtItsLineAndTheOthersStillLoad() {
        ClusterSnapshot snapshot = load("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: good, namespace: default}
                spec: {endpointSelector: {}, ingress: [{fromEntities: [world]}]}
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: bad-cidr, namespace: default}
                spec:
                  endpointSelector: {}
                  egress:
                  - toCIDR: [10.0.0.0/33]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: bad-entity, namespace: default}
                spec:
                  endpointSelector: {}
                  ingress:
                  - fromEntities: [galaxy]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: both-selectors}
                spec: {endpointSelector: {}, nodeSelector: {}}
                """);
        assertEquals(List.of("good"), snapshot.ciliumPolicies().stream().map(CiliumPolicy::name).toList());
        Diagnostic cidr = single(snapshot, Severity.ERROR, "10.0.0.0/33");
        assertTrue(cidr.message().contains("CiliumNetworkPolicy default/bad-cidr is left out"), cidr.message());
        assertEquals(12, cidr.where().line(), cidr.display());
        Diagnostic entity = single(snapshot, Severity.ERROR, "galaxy");
        assertEquals(20, entity.where().line(), entity.display());
        assertTrue(entity.message().contains("world"), "says what to write instead: " + entity.message());
        assertTrue(single(snapshot, Severity.ERROR, "exactly one of endpointSelector").message().contains("both"));
    }
}

package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading Calico's NetworkPolicy, GlobalNetworkPolicy and Tier (docs.tigera.io, resource
 * references for networkpolicy, globalnetworkpolicy and tier), from projectcalico.org/v3 and
 * from crd.projectcalico.org/v1 as a cluster stores them: every field the engine uses, errors
 * at their line with the rest still loading, and no "not evaluated" warning any more.
 */
class CalicoReadingTest {

    @TempDir
    Path dir;

    private ClusterSnapshot load(String text) {
        return Fixtures.load(Fixtures.write(dir, "calico.yaml", text));
    }

    @Test
    void readsTiersPoliciesAndEveryRuleField() {
        ClusterSnapshot snapshot = load("""
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 100, defaultAction: Pass}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.default-deny}
                spec:
                  tier: security
                  order: 200
                  selector: projectcalico.org/namespace != 'kube-system'
                  namespaceSelector: has(team)
                  egress:
                  - action: Pass
                    protocol: UDP
                    destination:
                      selector: k8s-app == 'kube-dns'
                      ports: [53, "8000:8080", dns]
                      notPorts: [8001]
                  - action: Deny
                    notProtocol: TCP
                    destination:
                      nets: [10.0.0.0/8, 192.168.1.5]
                      notNets: [10.1.0.0/16]
                  - action: Log
                ---
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  selector: app == 'db'
                  ingress:
                  - action: Allow
                    protocol: TCP
                    source: {selector: app == 'web', namespaceSelector: all()}
                    destination: {ports: [5432]}
                  - action: Allow
                    protocol: ICMP
                    icmp: {type: 8}
                  - action: Allow
                    http: {methods: [GET]}
                """);
        assertEquals(List.of(), snapshot.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).toList());
        assertTrue(snapshot.unevaluatedPolicyKinds().isEmpty(), "Calico's kinds are evaluated now: " + snapshot.unevaluatedPolicyKinds());
        CalicoTier tier = snapshot.calico().tier("security").orElseThrow();
        assertEquals(100.0, tier.order());
        assertEquals(RuleAction.PASS, tier.defaultAction());
        CalicoPolicy global = snapshot.calico().policies().stream().filter(CalicoPolicy::isGlobal).findFirst().orElseThrow();
        assertEquals("security", global.tier());
        assertEquals(200.0, global.order());
        // docs.tigera.io NetworkPolicy spec, types: "Default: ... Egress, if only egress rules are present"
        assertEquals(Set.of(PolicyType.EGRESS), global.types());
        CalicoRule pass = global.egress().get(0);
        assertEquals(CalicoRule.Action.PASS, pass.action());
        assertEquals("UDP", pass.protocol());
        assertEquals(List.of(CalicoPort.range(53, 53), CalicoPort.range(8000, 8080), CalicoPort.named("dns")), pass.destination().ports());
        assertEquals(List.of(CalicoPort.range(8001, 8001)), pass.destination().notPorts());
        CalicoRule deny = global.egress().get(1);
        assertEquals("TCP", deny.notProtocol());
        assertEquals(List.of("10.0.0.0/8", "192.168.1.5/32"), deny.destination().nets().stream().map(c -> c.display()).toList());
        assertEquals(CalicoRule.Action.LOG, global.egress().get(2).action());
        CalicoPolicy namespaced = snapshot.calico().policies().stream().filter(p -> !p.isGlobal()).findFirst().orElseThrow();
        assertEquals("shop", namespaced.namespace());
        assertEquals(CalicoTier.DEFAULT, namespaced.tier());
        assertNull(namespaced.order(), "unset order stays unset: such a policy comes last in its tier");
        assertEquals(Set.of(PolicyType.INGRESS), namespaced.types());
        assertEquals(List.of("ICMP type/code"), namespaced.ingress().get(1).runTime());
        assertEquals(List.of("HTTP match"), namespaced.ingress().get(2).runTime());
        assertTrue(snapshot.namespace("shop").isPresent(), "a namespaced Calico policy's namespace is known like any other");
    }

    @Test
    void badSelectorIsReportedAtItsLineWithTheCharacterAndTheRestStillLoads() {
        ClusterSnapshot snapshot = load("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: broken}
                spec:
                  selector: app = 'db'
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: fine}
                spec: {selector: all()}
                """);
        Diagnostic error = single(snapshot, Severity.ERROR, "is not a Calico selector");
        assertEquals(5, error.where().line(), error.display());
        assertTrue(error.message().contains("at character 5") && error.message().contains("left out"), error.message());
        assertEquals(List.of("fine"), snapshot.calico().policies().stream().map(CalicoPolicy::name).toList());
    }

    @Test
    void badActionPortAndProtocolAreErrorsWhereTheyAre() {
        ClusterSnapshot snapshot = load("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  ingress:
                  - action: allow
                  - action: Allow
                    destination: {ports: [80]}
                  - action: Allow
                    protocol: TCP
                    destination: {ports: ["90:80"]}
                """);
        assertEquals(6, single(snapshot, Severity.ERROR, "is not a Calico action").where().line());
        assertEquals(8, single(snapshot, Severity.ERROR, "needs the rule's protocol").where().line());
        assertEquals(11, single(snapshot, Severity.ERROR, "is not a port range").where().line());
        assertTrue(snapshot.calico().policies().isEmpty());
    }

    @Test
    void aPolicyInATierNoTierDeclaresIsLeftOutAsCalicoRefusesIt() {
        ClusterSnapshot snapshot = load("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: platform.x}
                spec: {tier: platform, selector: all()}
                """);
        Diagnostic error = single(snapshot, Severity.ERROR, "no Tier declares");
        assertEquals(1, error.where().line());
        assertTrue(snapshot.calico().policies().isEmpty());
    }

    @Test
    void stagedPoliciesStayUnevaluatedAndLoud() {
        ClusterSnapshot snapshot = load("""
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: preview}
                spec: {selector: all()}
                """);
        assertEquals(List.of("projectcalico.org/v3 StagedGlobalNetworkPolicy (Calico)"), snapshot.unevaluatedPolicyKinds());
    }
}

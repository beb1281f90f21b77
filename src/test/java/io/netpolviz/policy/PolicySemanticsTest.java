package io.netpolviz.policy;

import static io.netpolviz.policy.ClusterFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.IpAddress;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conformance: each NetworkPolicy v1 rule of the specification, as a small scenario. */
class PolicySemanticsTest {

    private static boolean allowed(PolicyEngine engine, String from, String to, Protocol protocol, int port) {
        return allowed(engine.evaluate(), from, to, protocol, port);
    }

    /**
     * The engine's answer, after checking that its verdict, its port sets and the literal
     * {@link ReferenceEvaluator} all give it: every scenario below holds both evaluators to the
     * specification.
     */
    private static boolean allowed(Evaluation evaluation, String from, String to, Protocol protocol, int port) {
        return verdict(evaluation, from, to, protocol, port).allowed();
    }

    private static Verdict verdict(Evaluation evaluation, String from, String to, Protocol protocol, int port) {
        PolicyEngine engine = evaluation.engine();
        Verdict verdict = evaluation.verdict(engine.resolve(from).orElseThrow(), engine.resolve(to).orElseThrow(), protocol, port);
        boolean fast = evaluation.allowedPorts(verdict.source(), verdict.destination()).contains(protocol, port);
        assertEquals(verdict.allowed(), fast, "verdict and allowedPorts disagree for " + from + " -> " + to);
        boolean literal = new ReferenceEvaluator(engine.snapshot(), evaluation.switchedOff())
                .allowed(peer(engine, from), peer(engine, to), protocol, port);
        assertEquals(literal, verdict.allowed(), "the engine and the reference evaluator disagree for " + from + " -> " + to
                + " " + protocol + " " + port);
        return verdict;
    }

    /** {@code namespace/workload} or {@code ext:ADDRESS}, as the reference evaluator takes it. */
    private static ReferenceEvaluator.Peer peer(PolicyEngine engine, String endpoint) {
        if (endpoint.startsWith("ext:")) {
            return ReferenceEvaluator.Peer.external(IpAddress.parse(endpoint.substring("ext:".length())).orElseThrow());
        }
        return ReferenceEvaluator.Peer.pod(((Endpoint.Pods) engine.resolve(endpoint).orElseThrow()).workload());
    }

    private static ClusterFixture twoApps() {
        return new ClusterFixture()
                .pod("prod/web", "app=web", tcpPort(80))
                .pod("prod/api", "app=api", tcpPort(8080));
    }

    @Test
    void withoutPoliciesEverythingIsAllowed() {
        PolicyEngine engine = twoApps().engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertTrue(allowed(engine, "prod/api", "prod/web", Protocol.UDP, 9999));
    }

    @Test
    void denyAllEgressBlocksFrontendEvenWhenBackendAdmitsIt() {
        PolicyEngine engine = twoApps()
                .policy(denyAll("prod/deny-all"))
                .policy(ingressPolicy("prod/allow-web-to-api", "app=api", rule(pods("app=web"), tcp(8080))))
                .engine();
        Verdict verdict = verdict(engine.evaluate(), "prod/web", "prod/api", Protocol.TCP, 8080);
        assertFalse(verdict.allowed());
        assertFalse(verdict.egress().allows());
        assertTrue(verdict.ingress().allows());
        assertEquals(List.of(new PolicyId("prod", "deny-all")), verdict.egress().isolatingPolicies());
        assertEquals(List.of(new RuleRef(new PolicyId("prod", "allow-web-to-api"), PolicyType.INGRESS, 0)), verdict.ingress().admittingRules());
    }

    @Test
    void addingTheEgressHalfOpensThePath() {
        PolicyEngine engine = twoApps()
                .policy(denyAll("prod/deny-all"))
                .policy(ingressPolicy("prod/allow-web-to-api", "app=api", rule(pods("app=web"), tcp(8080))))
                .policy(egressPolicy("prod/web-egress", "app=web", rule(pods("app=api"), tcp(8080))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8081));
        assertFalse(allowed(engine, "prod/api", "prod/web", Protocol.TCP, 80));
    }

    @Test
    void policyTypesDefaultToIngressOnlyWithoutEgressRules() {
        PolicyEngine engine = twoApps()
                .policy(policy("prod/p", sel("app=web"), null, List.of(), List.of()))
                .engine();
        assertFalse(allowed(engine, "prod/api", "prod/web", Protocol.TCP, 80), "ingress isolated by default");
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080), "egress not isolated without egress rules");
    }

    @Test
    void policyTypesDefaultIncludesEgressWhenEgressRulesExist() {
        PolicyEngine engine = twoApps()
                .policy(policy("prod/p", sel("app=web"), null, List.of(), List.of(rule(pods("app=api"), tcp(9090)))))
                .engine();
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 9090));
    }

    @Test
    void egressRulesWithoutEgressPolicyTypeHaveNoEffect() {
        PolicyEngine engine = twoApps()
                .policy(policy("prod/p", sel("app=web"), List.of(PolicyType.INGRESS), List.of(), List.of(rule(pods("app=api"), tcp(9090)))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
    }

    @Test
    void emptyRuleAdmitsEverythingWhileNoRulesAdmitNothing() {
        PolicyEngine openRule = twoApps().policy(ingressPolicy("prod/p", "app=api", anything())).engine();
        PolicyEngine noRules = twoApps().policy(ingressPolicy("prod/p", "app=api")).engine();
        assertTrue(allowed(openRule, "prod/web", "prod/api", Protocol.SCTP, 1));
        assertFalse(allowed(noRules, "prod/web", "prod/api", Protocol.TCP, 8080));
    }

    @Test
    void peersAreOredWithinARule() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/a", "app=a").pod("prod/b", "app=b").pod("prod/c", "app=c").pod("prod/db", "app=db", tcpPort(5432))
                .policy(ingressPolicy("prod/p", "app=db", rule(List.of(pods("app=a"), pods("app=b")), List.of(tcp(5432)))))
                .engine();
        assertTrue(allowed(engine, "prod/a", "prod/db", Protocol.TCP, 5432));
        assertTrue(allowed(engine, "prod/b", "prod/db", Protocol.TCP, 5432));
        assertFalse(allowed(engine, "prod/c", "prod/db", Protocol.TCP, 5432));
    }

    @Test
    void namespaceAndPodSelectorInOnePeerAreAnded() {
        PolicyEngine engine = crossNamespace(rule(List.of(podsInNamespaces("app=runner", "env=staging")), List.of()));
        assertTrue(allowed(engine, "staging/runner", "prod/db", Protocol.TCP, 5432));
        assertFalse(allowed(engine, "staging/other", "prod/db", Protocol.TCP, 5432), "right namespace, wrong pod");
        assertFalse(allowed(engine, "dev/runner", "prod/db", Protocol.TCP, 5432), "right pod, wrong namespace");
    }

    @Test
    void namespaceAndPodSelectorInTwoPeersAreOred() {
        PolicyEngine engine = crossNamespace(rule(List.of(namespaces("env=staging"), pods("app=runner")), List.of()));
        assertTrue(allowed(engine, "staging/other", "prod/db", Protocol.TCP, 5432), "any pod of a staging namespace");
        assertTrue(allowed(engine, "prod/runner", "prod/db", Protocol.TCP, 5432), "runner in the policy's own namespace");
        assertFalse(allowed(engine, "dev/runner", "prod/db", Protocol.TCP, 5432), "podSelector alone means the policy's namespace");
    }

    private static PolicyEngine crossNamespace(io.netpolviz.model.PolicyRule rule) {
        return new ClusterFixture()
                .namespace("prod", "env=prod").namespace("staging", "env=staging").namespace("dev", "env=dev")
                .pod("prod/db", "app=db", tcpPort(5432)).pod("prod/runner", "app=runner")
                .pod("staging/runner", "app=runner").pod("staging/other", "app=other")
                .pod("dev/runner", "app=runner")
                .policy(ingressPolicy("prod/p", "app=db", rule))
                .engine();
    }

    @Test
    void emptyNamespaceSelectorMeansEveryNamespace() {
        PolicyEngine engine = new ClusterFixture()
                .pod("a/x", "app=x").pod("b/y", "app=y").pod("c/db", "app=db", tcpPort(5432))
                .policy(ingressPolicy("c/p", "app=db", rule(List.of(new io.netpolviz.model.PolicyPeer(null, LabelSelector.EVERYTHING, null)), List.of())))
                .engine();
        assertTrue(allowed(engine, "a/x", "c/db", Protocol.TCP, 5432));
        assertTrue(allowed(engine, "b/y", "c/db", Protocol.TCP, 5432));
    }

    @Test
    void namespacesAreMatchedByTheirMetadataNameLabel() {
        PolicyEngine engine = new ClusterFixture()
                .pod("kube-system/dns", "k8s-app=kube-dns", port("dns", 53, Protocol.UDP)).pod("prod/web", "app=web")
                .policy(egressPolicy("prod/dns-only", "", rule(List.of(namespaces("kubernetes.io/metadata.name=kube-system")), List.of(numbered(Protocol.UDP, 53)))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "kube-system/dns", Protocol.UDP, 53));
        assertFalse(allowed(engine, "prod/web", "kube-system/dns", Protocol.TCP, 53));
    }

    @Test
    void notInAlsoMatchesPodsWithoutTheKey() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/db", "app=db", tcpPort(5432)).pod("prod/dev", "env=dev").pod("prod/plain", "app=plain").pod("prod/live", "env=live")
                .policy(policy("prod/p", sel("app=db"), List.of(PolicyType.INGRESS),
                        List.of(rule(List.of(new io.netpolviz.model.PolicyPeer(expr("env", SelectorOperator.NOT_IN, "dev"), null, null)), List.of())), List.of()))
                .engine();
        assertTrue(allowed(engine, "prod/plain", "prod/db", Protocol.TCP, 5432), "no env label at all: NotIn matches");
        assertTrue(allowed(engine, "prod/live", "prod/db", Protocol.TCP, 5432));
        assertFalse(allowed(engine, "prod/dev", "prod/db", Protocol.TCP, 5432));
    }

    @Test
    void existsAndDoesNotExistLookOnlyAtTheKey() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/db", "app=db", tcpPort(5432)).pod("prod/tagged", "team=x").pod("prod/untagged", "app=u")
                .policy(ingressPolicy("prod/p", "app=db", rule(List.of(new io.netpolviz.model.PolicyPeer(expr("team", SelectorOperator.EXISTS), null, null)), List.of())))
                .policy(egressPolicy("prod/q", "app=u", rule(List.of(new io.netpolviz.model.PolicyPeer(expr("team", SelectorOperator.DOES_NOT_EXIST), null, null)), List.of())))
                .engine();
        assertTrue(allowed(engine, "prod/tagged", "prod/db", Protocol.TCP, 5432));
        assertFalse(allowed(engine, "prod/untagged", "prod/db", Protocol.TCP, 5432), "ingress at db needs the team key");
        assertFalse(allowed(engine, "prod/untagged", "prod/tagged", Protocol.TCP, 1), "egress of untagged only to pods without team");
        assertFalse(allowed(engine, "prod/untagged", "prod/db", Protocol.TCP, 5432));
    }

    @Test
    void inMatchesListedValuesOnly() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/db", "app=db").pod("prod/a", "tier=a").pod("prod/b", "tier=b").pod("prod/c", "tier=c")
                .policy(ingressPolicy("prod/p", "app=db", rule(List.of(new io.netpolviz.model.PolicyPeer(expr("tier", SelectorOperator.IN, "a", "b"), null, null)), List.of())))
                .engine();
        assertTrue(allowed(engine, "prod/a", "prod/db", Protocol.TCP, 1));
        assertTrue(allowed(engine, "prod/b", "prod/db", Protocol.TCP, 1));
        assertFalse(allowed(engine, "prod/c", "prod/db", Protocol.TCP, 1));
    }

    @Test
    void ipBlockWithExceptControlsEgressToTheInternet() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/web", "app=web")
                .policy(egressPolicy("prod/internet", "app=web", rule(ipBlock("0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16"), tcp(443))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "ext:203.0.113.7", Protocol.TCP, 443));
        assertFalse(allowed(engine, "prod/web", "ext:10.1.2.3", Protocol.TCP, 443), "excepted block");
        assertFalse(allowed(engine, "prod/web", "ext:203.0.113.7", Protocol.TCP, 80), "port not listed");
    }

    @Test
    void ipBlockIsTreatedAsExternalOnlyAndNeverMatchesPods() {
        PolicyEngine engine = twoApps()
                .policy(ingressPolicy("prod/p", "app=api", rule(ipBlock("0.0.0.0/0"), tcp(8080))))
                .engine();
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertTrue(allowed(engine, "ext:198.51.100.1", "prod/api", Protocol.TCP, 8080));
    }

    @Test
    void ipv6AddressesAreMatchedByIpv6BlocksOnly() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/web", "app=web")
                .policy(egressPolicy("prod/v6", "app=web", rule(ipBlock("2001:db8::/32", "2001:db8:dead::/48"), tcp(443))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "ext:2001:db8::1", Protocol.TCP, 443));
        assertFalse(allowed(engine, "prod/web", "ext:2001:db8:dead::1", Protocol.TCP, 443));
        assertFalse(allowed(engine, "prod/web", "ext:32.1.13.184", Protocol.TCP, 443));
    }

    @Test
    void portsDefaultToTcpAndProtocolOnlyRulesAdmitEveryPortOfThatProtocol() {
        PolicyEngine engine = twoApps()
                .policy(ingressPolicy("prod/p", "app=api", rule(List.of(pods("app=web")), List.of(tcp(8080), allOf(Protocol.UDP)))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.UDP, 8080));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.UDP, 5353));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.SCTP, 8080));
    }

    @Test
    void endPortMakesARangeInclusiveAtBothEnds() {
        PolicyEngine engine = twoApps()
                .policy(ingressPolicy("prod/p", "app=api", rule(pods("app=web"), range(Protocol.TCP, 30000, 32767))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 30000));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 32767));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 29999));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 32768));
    }

    @Test
    void namedPortsResolvePerDestinationAndNeedNameAndProtocol() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/web", "app=web")
                .pod("prod/api-v1", "app=api,v=1", port("http", 8080, Protocol.TCP))
                .pod("prod/api-v2", "app=api,v=2", port("http", 9090, Protocol.TCP))
                .pod("prod/api-udp", "app=api,v=3", port("http", 8080, Protocol.UDP))
                .policy(ingressPolicy("prod/p", "app=api", rule(pods("app=web"), named("http", Protocol.TCP))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api-v1", Protocol.TCP, 8080));
        assertFalse(allowed(engine, "prod/web", "prod/api-v1", Protocol.TCP, 9090));
        assertTrue(allowed(engine, "prod/web", "prod/api-v2", Protocol.TCP, 9090));
        assertFalse(allowed(engine, "prod/web", "prod/api-udp", Protocol.UDP, 8080), "name matches, protocol does not");
        assertFalse(allowed(engine, "prod/web", "prod/api-udp", Protocol.TCP, 8080));
    }

    @Test
    void namedPortsInEgressResolveAgainstTheDestination() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/web", "app=web", port("metrics", 9100, Protocol.TCP))
                .pod("prod/api", "app=api", port("http", 8080, Protocol.TCP))
                .policy(egressPolicy("prod/p", "app=web", rule(pods("app=api"), named("http", Protocol.TCP))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertFalse(allowed(engine, "prod/web", "ext:8.8.8.8", Protocol.TCP, 8080));
    }

    @Test
    void udpAndSctpAreSeparateFromTcp() {
        PolicyEngine engine = twoApps()
                .policy(ingressPolicy("prod/p", "app=api", rule(List.of(pods("app=web")), List.of(numbered(Protocol.UDP, 53), numbered(Protocol.SCTP, 9999)))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.UDP, 53));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 53));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.SCTP, 9999));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 9999));
    }

    @Test
    void policiesInOtherNamespacesNeverApply() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/api", "app=api").pod("prod/web", "app=web").pod("dev/api", "app=api")
                .policy(ingressPolicy("dev/lock", "app=api"))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertFalse(allowed(engine, "prod/web", "dev/api", Protocol.TCP, 8080));
    }

    @Test
    void severalPoliciesUnion() {
        PolicyEngine engine = twoApps()
                .policy(ingressPolicy("prod/a", "app=api", rule(pods("app=web"), tcp(8080))))
                .policy(ingressPolicy("prod/b", "app=api", rule(pods("app=web"), tcp(9090))))
                .engine();
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 8080));
        assertTrue(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 9090));
        assertFalse(allowed(engine, "prod/web", "prod/api", Protocol.TCP, 7070));
        assertEquals("TCP 8080, TCP 9090",
                engine.evaluate().allowedPorts(engine.resolve("prod/web").orElseThrow(), engine.resolve("prod/api").orElseThrow()).display());
    }

    @Test
    void hostNetworkPodsAreNotGoverned() {
        PolicyEngine engine = new ClusterFixture()
                .hostNetworkPod("kube-system/agent", "app=agent").pod("prod/web", "app=web")
                .policy(denyAll("kube-system/deny"))
                .engine();
        Verdict verdict = verdict(engine.evaluate(), "prod/web", "kube-system/agent", Protocol.TCP, 80);
        assertTrue(verdict.allowed());
        assertEquals(Governance.HOST_NETWORK, verdict.ingress().governance());
    }

    @Test
    void switchingOffTheOnlyIsolatingPolicyOpensEverything() {
        PolicyEngine engine = twoApps().policy(ingressPolicy("prod/lock", "app=api")).engine();
        assertFalse(allowed(engine.evaluate(), "prod/web", "prod/api", Protocol.TCP, 8080));
        Evaluation whatIf = engine.evaluate(Set.of(new PolicyId("prod", "lock")));
        assertTrue(allowed(whatIf, "prod/web", "prod/api", Protocol.TCP, 8080));
        Verdict verdict = verdict(whatIf, "prod/web", "prod/api", Protocol.TCP, 8080);
        assertEquals(List.of(new PolicyId("prod", "lock")), verdict.ingress().switchedOffPolicies());
    }

    @Test
    void podsPoliciesCannotTellApartShareOneClass() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/a", "app=same", tcpPort(80)).pod("prod/b", "app=same", tcpPort(80)).pod("prod/c", "app=other", tcpPort(80))
                .engine();
        assertEquals(2, engine.classes().size());
        assertEquals(List.of("prod/a", "prod/b"), engine.classes().get(0).workloads().stream().map(w -> w.id()).toList());
    }
}

package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.ReferenceEvaluator;
import io.netpolviz.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cilium's policy semantics as its documentation states them, each case citing the passage it
 * encodes, read through the real loader and checked through the engine's verdict, its class-level
 * connectivity and the literal reference evaluator. The cluster is Cilium's Star Wars demo
 * (examples/minikube/http-sw-app.yaml) with a second namespace.
 */
class CiliumSemanticsTest {

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: default}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: rebels, labels: {side: alliance}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: deathstar, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {org: empire, class: deathstar}}
              template:
                metadata: {labels: {org: empire, class: deathstar}}
                spec: {containers: [{name: d, image: x, ports: [{containerPort: 80, name: http}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tiefighter, namespace: default, labels: {org: empire, class: tiefighter}}
            spec: {containers: [{name: s, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: xwing, namespace: default, labels: {org: alliance, class: xwing}}
            spec: {containers: [{name: s, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: base, namespace: rebels, labels: {org: alliance, class: xwing}}
            spec: {containers: [{name: s, image: x}]}
            """;

    private static final String RULE1 = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: rule1, namespace: default}
            spec:
              endpointSelector: {matchLabels: {org: empire, class: deathstar}}
              ingress:
              - fromEndpoints: [{matchLabels: {org: empire}}]
                toPorts: [{ports: [{port: "80", protocol: TCP}]}]
            """;

    @TempDir
    Path directory;

    private record Cluster(ClusterSnapshot snapshot, PolicyEngine engine) {
        Evaluation evaluation(PolicyId... off) {
            return engine.evaluate(Set.of(off));
        }
    }

    private Cluster load(String... manifests) {
        try {
            Path file = directory.resolve("cluster-" + System.nanoTime() + ".yaml");
            Files.writeString(file, CLUSTER + "---\n" + String.join("---\n", manifests));
            ClusterSnapshot snapshot = new ManifestLoader().load(java.util.List.of(file));
            assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), snapshot.diagnostics().toString());
            return new Cluster(snapshot, PolicyEngine.compile(snapshot));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The verdict, checked against the connectivity and the reference, which must agree. */
    private static Verdict poke(Cluster cluster, Evaluation evaluation, String from, String to, int port, Set<PolicyId> off) {
        Endpoint source = endpoint(cluster.engine(), from);
        Endpoint destination = endpoint(cluster.engine(), to);
        Verdict verdict = evaluation.verdict(source, destination, Protocol.TCP, port);
        // An address the rules do not name is no node of the connectivity; the per-pair ports answer for it instead.
        java.util.Optional<io.netpolviz.policy.PortSet> drawn = evaluation.connectivity().allowed(source, destination);
        assertEquals(verdict.allowed(), drawn.orElseGet(() -> evaluation.allowedPorts(source, destination)).contains(Protocol.TCP, port),
                "connectivity " + from + " -> " + to);
        assertTrue(drawn.isPresent() || from.startsWith("ext:") || to.startsWith("ext:"), "pods are always drawn");
        assertEquals(verdict.allowed(), new ReferenceEvaluator(cluster.snapshot(), off).allowed(peer(source), peer(destination), Protocol.TCP, port),
                "reference " + from + " -> " + to);
        return verdict;
    }

    private static Verdict poke(Cluster cluster, String from, String to, int port) {
        return poke(cluster, cluster.evaluation(), from, to, port, Set.of());
    }

    private static Endpoint endpoint(PolicyEngine engine, String id) {
        return id.startsWith("ext:") ? Endpoint.External.address(io.netpolviz.model.IpAddress.parse(id.substring(4)).orElseThrow())
                : engine.resolve(id).orElseThrow();
    }

    private static ReferenceEvaluator.Peer peer(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Pods pods) {
            return ReferenceEvaluator.Peer.pod(pods.workload());
        }
        return ReferenceEvaluator.Peer.external(((Endpoint.External) endpoint).block().cidr().network());
    }

    @Test
    void theStarWarsRuleLetsTheEmpireLandOnPort80AndKeepsTheXwingOut() {
        // https://docs.cilium.io/en/stable/security/policy/intro/ (Policy Enforcement Modes, default): "If any rule selects an
        // Endpoint and the rule has an ingress section, the endpoint goes into default deny at ingress."
        Cluster cluster = load(RULE1);
        assertTrue(poke(cluster, "default/tiefighter", "default/deathstar", 80).allowed());
        assertFalse(poke(cluster, "default/tiefighter", "default/deathstar", 443).allowed());
        Verdict xwing = poke(cluster, "default/xwing", "default/deathstar", 80);
        assertFalse(xwing.allowed());
        assertTrue(xwing.ingress().isolatingPolicies().contains(new PolicyId("CiliumNetworkPolicy", "default/rule1")));
        // Not selected: the xwing's own ingress stays open.
        assertTrue(poke(cluster, "default/deathstar", "default/xwing", 8080).allowed());
    }

    @Test
    void aDenyWinsOverEveryAllowOfAnyKindIncludingKubernetesNetworkPolicies() {
        // https://docs.cilium.io/en/stable/security/policy/language/#deny-policies: "Deny policies take precedence over allow
        // policies, regardless of whether they are a Cilium Network Policy, a Clusterwide Cilium Network Policy or even a
        // Kubernetes Network Policy."
        Cluster cluster = load(RULE1, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: let-everyone-land, namespace: default}
                spec:
                  podSelector: {matchLabels: {class: deathstar}}
                  ingress: [{}]
                """, """
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: deny-xwing}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingressDeny:
                  - fromEndpoints: [{matchLabels: {class: xwing}}]
                """);
        Verdict xwing = poke(cluster, "default/xwing", "default/deathstar", 80);
        assertFalse(xwing.allowed());
        Evaluation evaluation = cluster.evaluation();
        String why = new Explainer(evaluation).explain(xwing);
        assertTrue(why.contains("CiliumClusterwideNetworkPolicy deny-xwing, ingressDeny rule 1 denies this"), why);
        assertTrue(why.contains("a Cilium deny wins over every allow"), why);
        // The clusterwide peer without a namespace term matches every namespace.
        assertFalse(poke(cluster, "rebels/base", "default/deathstar", 80).allowed());
        // The NetworkPolicy's allow joins rule1's: the union lets the tiefighter in on every port.
        assertTrue(poke(cluster, "default/tiefighter", "default/deathstar", 443).allowed());
        // Switching the deny off lets the NetworkPolicy's allow through; switching it back closes it (both its parts toggle).
        PolicyId deny = new PolicyId("CiliumClusterwideNetworkPolicy", "deny-xwing");
        Evaluation off = evaluation.toggle(deny);
        assertTrue(poke(cluster, off, "default/xwing", "default/deathstar", 80, Set.of(deny)).allowed());
        assertFalse(off.isSwitchedOn(deny));
        assertFalse(poke(cluster, off.toggle(deny), "default/xwing", "default/deathstar", 80, Set.of()).allowed());
    }

    @Test
    void aPolicyWithOnlyDenyRulesStillPutsTheEndpointIntoDefaultDeny() {
        // https://docs.cilium.io/en/stable/security/policy/language/#deny-policies: "Similarly to "allow" policies, Pods will enter
        // default-deny mode as soon a single policy selects it." api.Rule's enableDefaultDeny: "If not specified, the default is
        // true for each traffic direction that has rules ... if a policy only has Ingress or IngressDeny rules, then the default
        // for ingress is true and egress is false."
        Cluster cluster = load("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny-xwing, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingressDeny: [{fromEndpoints: [{matchLabels: {class: xwing}}]}]
                """);
        assertFalse(poke(cluster, "default/tiefighter", "default/deathstar", 80).allowed());
        assertTrue(poke(cluster, "default/deathstar", "default/tiefighter", 80).allowed(), "egress has no rules: not isolated");
    }

    @Test
    void enableDefaultDenyFalseAllowsWithoutIsolatingAndStillJoinsTheUnion() {
        // Cilium api.Rule, enableDefaultDeny: "If multiple policies apply to an endpoint, that endpoint's default deny will be
        // enabled if any policy requests it." (https://docs.cilium.io/en/stable/security/policy/language/)
        String monitoring = """
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: rebels-may-scan}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  enableDefaultDeny: {ingress: false}
                  ingress:
                  - fromEndpoints: [{matchLabels: {org: alliance, io.kubernetes.pod.namespace: rebels}}]
                    toPorts: [{ports: [{port: "8080"}]}]
                """;
        Cluster alone = load(monitoring);
        assertTrue(poke(alone, "default/xwing", "default/deathstar", 443).allowed(), "nothing isolates the deathstar");
        Cluster both = load(monitoring, RULE1);
        assertFalse(poke(both, "default/xwing", "default/deathstar", 8080).allowed(), "the xwing is not in namespace rebels");
        assertTrue(poke(both, "rebels/base", "default/deathstar", 8080).allowed(), "rule1 isolates; the scan joins the union");
        assertFalse(poke(both, "rebels/base", "default/deathstar", 80).allowed());
    }

    @Test
    void aNamespacedPolicysSelectorsStayInItsNamespaceUnlessTheyNameOne() {
        // https://docs.cilium.io/en/stable/security/policy/kubernetes/ (Namespaces): "Network policies imported directly with the
        // API Reference apply to all namespaces unless a namespace selector is specified"; a CiliumNetworkPolicy's selectors
        // are limited to its own namespace (Cilium's parser adds k8s:io.kubernetes.pod.namespace=<namespace> to a selector
        // that names neither the namespace nor its labels).
        Cluster cluster = load("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: xwings, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {class: xwing}}]
                  - fromEndpoints: [{matchLabels: {k8s:io.cilium.k8s.namespace.labels.side: alliance}}]
                    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                """);
        assertTrue(poke(cluster, "default/xwing", "default/deathstar", 80).allowed());
        assertFalse(poke(cluster, "rebels/base", "default/deathstar", 80).allowed(), "class=xwing alone means namespace default");
        assertTrue(poke(cluster, "rebels/base", "default/deathstar", 443).allowed(), "a namespace-label key reaches other namespaces");
        assertFalse(poke(cluster, "default/tiefighter", "default/deathstar", 443).allowed());
    }

    @Test
    void anEmptyRuleAllowsNothingAndARuleWithOnlyPortsAllowsEveryPeer() {
        // https://docs.cilium.io/en/stable/security/policy/language/ (Ingress/Egress Default Deny): "An endpoint can be put into
        // the default deny mode at ingress or egress if a rule selects the endpoint and contains the respective rule section
        // ingress or egress." Layer 4 Policies: "Layer 4 policy can be specified in addition to layer 3 policies or independently."
        Cluster cluster = load("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: lockdown, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: tiefighter}}
                  ingress: [{}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: port-only, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingress: [{toPorts: [{ports: [{port: http, protocol: TCP}]}]}]
                """);
        assertFalse(poke(cluster, "default/deathstar", "default/tiefighter", 80).allowed());
        assertTrue(poke(cluster, "rebels/base", "default/deathstar", 80).allowed(), "the named port http is 80 on the deathstar");
        assertTrue(poke(cluster, "ext:203.0.113.9", "default/deathstar", 80).allowed(), "every peer includes the world");
        assertFalse(poke(cluster, "rebels/base", "default/deathstar", 81).allowed());
    }

    @Test
    void worldIsEverythingOutsideTheClusterAndClusterIsEveryPod() {
        // https://docs.cilium.io/en/stable/security/policy/language/#entities-based: "world: The world entity corresponds to all
        // endpoints outside of the cluster." "cluster: Cluster is the logical group of all network endpoints inside of the local
        // cluster."
        Cluster cluster = load("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: inside-only}
                spec:
                  endpointSelector: {}
                  egress: [{toEntities: [cluster]}]
                  egressDeny: [{toCIDRSet: [{cidr: 0.0.0.0/0, except: [198.51.100.0/24]}]}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: public, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingress: [{fromEntities: [world], toPorts: [{ports: [{port: "80"}]}]}]
                """);
        assertTrue(poke(cluster, "default/xwing", "rebels/base", 8080).allowed());
        assertFalse(poke(cluster, "default/xwing", "ext:203.0.113.9", 443).allowed());
        assertFalse(poke(cluster, "default/xwing", "ext:198.51.100.4", 443).allowed(), "outside the deny, but no allow for the world");
        assertTrue(poke(cluster, "ext:203.0.113.9", "default/deathstar", 80).allowed());
        assertFalse(poke(cluster, "default/tiefighter", "default/deathstar", 80).allowed(), "world is not a pod");
    }

    @Test
    void cidrRulesNeverSelectAPodEvenWhenItsAddressIsInside() {
        // https://docs.cilium.io/en/stable/security/policy/language/ (Layer 3 Examples): "IP/CIDR based: This is used to describe
        // the relationship to or from external services if the remote peer is not an endpoint." And the API reference of
        // EgressRule.toCIDR: "Only connections destined for outside of the cluster and not targeting the host will be subject
        // to CIDR rules." So, unlike Calico's nets, a CIDR that holds a pod's status.podIP neither allows nor denies that pod.
        Cluster cluster = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: probe, namespace: rebels, labels: {app: probe}}
                spec: {containers: [{name: s, image: x, ports: [{containerPort: 80}]}]}
                status: {podIP: 10.0.3.7}
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: to-the-range, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: xwing}}
                  egress: [{toCIDR: [10.0.0.0/16]}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: not-from-the-range, namespace: rebels}
                spec:
                  endpointSelector: {matchLabels: {app: probe}}
                  ingressDeny: [{fromCIDRSet: [{cidr: 10.0.0.0/8}]}]
                  ingress: [{fromEntities: [cluster]}]
                """);
        assertFalse(poke(cluster, "default/xwing", "rebels/probe", 80).allowed(), "the probe's 10.0.3.7 is inside, but it is an endpoint");
        assertTrue(poke(cluster, "default/xwing", "ext:10.0.200.1", 80).allowed(), "an address outside the cluster in the range");
        assertTrue(poke(cluster, "default/tiefighter", "rebels/probe", 80).allowed(), "the deny's CIDR does not select pods either");
        assertFalse(poke(cluster, "ext:10.1.0.1", "rebels/probe", 80).allowed());
    }

    @Test
    void aNamedPortResolvesOnlyWithTheProtocolItsPortEntryGives() {
        // https://docs.cilium.io/en/stable/security/policy/layer4/ (PortProtocol): "Port can be an L4 port number, or a name in
        // the form of "http" or "http-8080"." and "Protocol is the L4 protocol. If omitted or empty, any protocol matches." The
        // protocol belongs to the same entry as the name: {port: http, protocol: UDP} names a UDP container port called http.
        // The deathstar declares http as TCP 80.
        String udp = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: rule1, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {org: empire}}]
                    toPorts: [{ports: [{port: http, protocol: UDP}]}]
                """;
        assertFalse(poke(load(udp), "default/tiefighter", "default/deathstar", 80).allowed(), "a UDP name does not resolve a TCP port");
        assertTrue(poke(load(udp.replace("protocol: UDP", "protocol: TCP")), "default/tiefighter", "default/deathstar", 80).allowed());
        assertTrue(poke(load(udp.replace(", protocol: UDP", "")), "default/tiefighter", "default/deathstar", 80).allowed(),
                "no protocol: any protocol matches");
        // The same holds for a deny rule: a UDP name leaves TCP 80 to the allows.
        String deny = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny-named, namespace: default}
                spec:
                  endpointSelector: {matchLabels: {class: deathstar}}
                  ingressDeny:
                  - fromEndpoints: [{matchLabels: {class: tiefighter}}]
                    toPorts: [{ports: [{port: http, protocol: UDP}]}]
                """;
        String allowAll = udp.replace("{port: http, protocol: UDP}", "{port: \"0\"}");
        assertTrue(poke(load(allowAll, deny), "default/tiefighter", "default/deathstar", 80).allowed());
        assertFalse(poke(load(allowAll, deny.replace("protocol: UDP", "protocol: TCP")), "default/tiefighter", "default/deathstar", 80)
                .allowed());
    }
}

package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent check of the v1alpha1 semantics: np-guard/netpol-analyzer's scenarios,
 * written anew here, with every pod pair's allowed ports compared to that project's expected
 * connectivity list ({@code test_outputs/connlist/<scenario>_connlist_output.txt}; a pair it
 * does not list allows nothing).
 */
class NetpolAnalyzerScenariosTest {

    @TempDir
    Path directory;

    /**
     * {@code tests/anp_banp_blog_demo}: a Pass (priority 7) for internal namespaces hands
     * monitoring's traffic to foo's NetworkPolicy (allowed) and to bar's Baseline Deny (denied),
     * while baz, not internal, gets the Allow at priority 9.
     */
    @Test
    void blogDemoPassesMonitoringToTheNetworkPolicyOrTheBaseline() throws IOException {
        Evaluation evaluation = load("""
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Namespace, metadata: {name: foo, labels: {security: internal}}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: bar, labels: {security: internal}}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: baz}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: monitoring}}
                - {apiVersion: v1, kind: Pod, metadata: {namespace: foo, name: myfoo, labels: {security: internal}}, spec: {containers: [{name: c, image: i}]}}
                - {apiVersion: v1, kind: Pod, metadata: {namespace: bar, name: mybar, labels: {security: internal}}, spec: {containers: [{name: c, image: i}]}}
                - {apiVersion: v1, kind: Pod, metadata: {namespace: baz, name: mybaz, labels: {security: none}}, spec: {containers: [{name: c, image: i}]}}
                - {apiVersion: v1, kind: Pod, metadata: {namespace: monitoring, name: mymonitoring, labels: {security: monitoring}}, spec: {containers: [{name: c, image: i}]}}
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: allow-monitoring, namespace: foo}
                  spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]}
                - apiVersion: policy.networking.k8s.io/v1alpha1
                  kind: BaselineAdminNetworkPolicy
                  metadata: {name: default}
                  spec:
                    subject: {namespaces: {matchLabels: {security: internal}}}
                    ingress: [{name: deny-ingress-from-all-namespaces, action: Deny, from: [{namespaces: {}}]}]
                - apiVersion: policy.networking.k8s.io/v1alpha1
                  kind: AdminNetworkPolicy
                  metadata: {name: allow-monitoring}
                  spec:
                    priority: 9
                    subject: {namespaces: {}}
                    ingress: [{name: allow-ingress-from-monitoring, action: Allow, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]
                - apiVersion: policy.networking.k8s.io/v1alpha1
                  kind: AdminNetworkPolicy
                  metadata: {name: pass-monitoring}
                  spec:
                    priority: 7
                    subject: {namespaces: {matchLabels: {security: internal}}}
                    ingress: [{name: pass-ingress-from-monitoring, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]
                """);
        Map<String, String> expected = new TreeMap<>(Map.of(
                "bar/mybar -> baz/mybaz", "all",
                "bar/mybar -> monitoring/mymonitoring", "all",
                "baz/mybaz -> monitoring/mymonitoring", "all",
                "foo/myfoo -> baz/mybaz", "all",
                "foo/myfoo -> monitoring/mymonitoring", "all",
                "monitoring/mymonitoring -> baz/mybaz", "all",
                "monitoring/mymonitoring -> foo/myfoo", "all"));
        assertEquals(expected, allowedPairs(evaluation));
    }

    /**
     * {@code tests/anp_with_np_pass_test}: TCP 80 is allowed by the ANP, UDP 80/81 and TCP 81 are
     * passed to ns1's NetworkPolicy, which admits UDP 80 only; ns1's pods may send nothing
     * (Egress isolated without rules). Expected list: {@code ns2/pod1 => ns1/pod1 : TCP 80,UDP 80}.
     */
    @Test
    void passedPortsAreDecidedByTheNetworkPolicyAndTheRestByTheAllow() throws IOException {
        String deployment = """
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: pod1, namespace: NS, labels: {app: a-app}}
                  spec:
                    selector: {matchLabels: {app: a-app}}
                    template:
                      metadata: {labels: {app: a-app}}
                      spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}, {containerPort: 81},
                             {containerPort: 80, protocol: UDP}, {containerPort: 81, protocol: UDP}]}]}
                """;
        Evaluation evaluation = load("""
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Namespace, metadata: {name: ns1}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: ns2}}
                """ + deployment.replace("NS", "ns1") + deployment.replace("NS", "ns2") + """
                - apiVersion: policy.networking.k8s.io/v1alpha1
                  kind: AdminNetworkPolicy
                  metadata: {name: pass-example-with-np}
                  spec:
                    priority: 10
                    subject: {pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns1}}, podSelector: {matchLabels: {app: a-app}}}}
                    ingress:
                    - name: allow-tcp-80-from-ns2-pod1
                      action: Allow
                      from: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns2}}, podSelector: {matchLabels: {app: a-app}}}}]
                      ports: [{portNumber: {port: 80, protocol: TCP}}]
                    - name: pass-tcp81-udp80-81-conns-from-ns2-pod1
                      action: Pass
                      from: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns2}}, podSelector: {matchLabels: {app: a-app}}}}]
                      ports: [{portNumber: {protocol: UDP, port: 80}}, {portNumber: {protocol: UDP, port: 81}}, {portNumber: {protocol: TCP, port: 81}}]
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: allow-ingress-from-ns2-pod1, namespace: ns1}
                  spec:
                    podSelector: {}
                    policyTypes: [Ingress, Egress]
                    ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns2}}, podSelector: {matchLabels: {app: a-app}}}],
                               ports: [{port: 80, protocol: UDP}]}]
                """);
        assertEquals(Map.of("ns2/pod1 -> ns1/pod1", "TCP 80, UDP 80"), allowedPairs(evaluation));
    }

    /**
     * {@code tests/anp_test_ingress_egress_intersection}: one ANP allows ingress on UDP 5353 and TCP
     * 2000 only, and egress to foo-ns-2 on UDP 5000-6000 and TCP 8080 only; a connection needs
     * both, so into foo-ns-2 only UDP 5353 remains. Every pair of the five workloads is listed.
     */
    @Test
    void aConnectionNeedsTheAdminTiersEgressAndIngressBoth() throws IOException {
        StringBuilder workloads = new StringBuilder();
        String[][] all = {{"foo-ns-1", "foo"}, {"foo-ns-2", "foo"}, {"bar-ns", "bar"}, {"monitoring-ns", "monitoring"}, {"kube-system", "kube-dns"}};
        for (String[] workload : all) {
            workloads.append("- {apiVersion: v1, kind: Namespace, metadata: {name: ").append(workload[0]).append("}}\n")
                    .append("- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: ").append(workload[1]).append(", namespace: ")
                    .append(workload[0]).append("}\n  spec:\n    selector: {matchLabels: {app: ").append(workload[1])
                    .append("}}\n    template: {metadata: {labels: {app: ").append(workload[1])
                    .append("}}, spec: {containers: [{name: c, image: i}]}}\n");
        }
        Evaluation evaluation = load("apiVersion: v1\nkind: List\nitems:\n" + workloads + """
                - apiVersion: policy.networking.k8s.io/v1alpha1
                  kind: AdminNetworkPolicy
                  metadata: {name: cluster-allow-example}
                  spec:
                    priority: 30
                    subject: {namespaces: {}}
                    ingress:
                    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {protocol: UDP, port: 5353}}, {portNumber: {protocol: TCP, port: 2000}}]}
                    - {action: Deny, from: [{namespaces: {}}]}
                    egress:
                    - {action: Allow, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: foo-ns-2}}}],
                       ports: [{portRange: {protocol: UDP, start: 5000, end: 6000}}, {portNumber: {protocol: TCP, port: 8080}}]}
                    - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: foo-ns-2}}}]}
                """);
        Map<String, String> expected = new TreeMap<>();
        for (String[] from : all) {
            for (String[] to : all) {
                if (from != to) {
                    expected.put(from[0] + "/" + from[1] + " -> " + to[0] + "/" + to[1], to[0].equals("foo-ns-2") ? "UDP 5353" : "TCP 2000, UDP 5353");
                }
            }
        }
        assertEquals(expected, allowedPairs(evaluation));
    }

    private Evaluation load(String manifest) throws IOException {
        Path file = directory.resolve("scenario.yaml");
        Files.writeString(file, manifest);
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(file));
        assertEquals(List.of(), snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        return PolicyEngine.compile(snapshot).evaluate();
    }

    /** Every pair of distinct workloads with something allowed, as netpol-analyzer lists them. */
    private static Map<String, String> allowedPairs(Evaluation evaluation) {
        Map<String, String> pairs = new TreeMap<>();
        for (Endpoint.Pods from : evaluation.engine().workloadEndpoints()) {
            for (Endpoint.Pods to : evaluation.engine().workloadEndpoints()) {
                PortSet allowed = evaluation.allowedPorts(from, to);
                assertEquals(allowed, evaluation.connectivity().allowed(from, to).orElseThrow(), from.id() + " -> " + to.id());
                if (!from.equals(to) && !allowed.isEmpty()) {
                    pairs.put(from.id() + " -> " + to.id(), allowed.display());
                }
            }
        }
        return pairs;
    }
}

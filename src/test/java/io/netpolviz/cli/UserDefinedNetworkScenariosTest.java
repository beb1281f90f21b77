package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netpol-analyzer's UserDefinedNetwork scenarios ({@code tests/udn_*}, {@code tests/cudn_*}), written anew with
 * the objects that decide the result, through {@code analyze}, {@code diff} and {@code explain}. Pod-to-pod pairs
 * and the ingress controller's are compared with its {@code test_outputs/connlist/*.csv}; it also lists
 * 0.0.0.0/0 for every pod where no rule names an address, which {@code analyze} leaves out everywhere.
 *
 * <p>https://docs.openshift.com/container-platform/4.18/networking/multiple_networks/primary_networks/about-user-defined-networks.html:
 * "Without using the Kubernetes network policy, a pod attached to a UDN can communicate with other pods in that UDN. By
 * default, these pods are isolated from communicating with pods that exist in other UDNs." and "You can assign one or
 * more UDNs to a namespace, with a limitation of only one primary UDN to a namespace, and one or more namespaces to a UDN."
 * https://ovn-kubernetes.io/features/user-defined-networks/user-defined-networks: "the workloads in namespaces belonging
 * to BERLIN across the four namespaces - purple, yellow, green and blue can talk to each other but they can't talk to
 * the workloads belogning to MUNICH tenant".
 * https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/eval/check.go (podsFromIsolatedPrimaryNetworks):
 * "If both are UDNs in the same namespace, or both are CUDNs in the same network, they are not isolated", "If only one
 * peer is in a primary network, they are isolated", "If either peer is external, returns not isolated";
 * pkg/netpol/eval/resources.go (insertUserDefinedNetwork): "ignoring udn - currently supporting only Primary UDNs",
 * "ignoring udn - its namespace does not include the must label", "UserDefinedNetwork CRs should not be created in the
 * default namespace".
 */
class UserDefinedNetworkScenariosTest {

    @TempDir
    Path directory;

    private static String namespace(String name, boolean primaryLabel, String... labels) {
        StringBuilder all = new StringBuilder(primaryLabel ? "k8s.ovn.org/primary-user-defined-network: ''" : "");
        for (String label : labels) {
            all.append(all.isEmpty() ? "" : ", ").append(label);
        }
        return "---\n{apiVersion: v1, kind: Namespace, metadata: {name: " + name + ", labels: {" + all + "}}}\n";
    }

    private static String udn(String namespace, String name, String topology, String role) {
        String layer = topology.equals("Layer2") ? "layer2" : "layer3";
        return "---\n{apiVersion: k8s.ovn.org/v1, kind: UserDefinedNetwork, metadata: {name: " + name + ", namespace: " + namespace
                + "}, spec: {topology: " + topology + ", " + layer + ": {role: " + role + ", subnets: [192.168.0.0/16]}}}\n";
    }

    private static String cudn(String name, String selector, String role) {
        return "---\n{apiVersion: k8s.ovn.org/v1, kind: ClusterUserDefinedNetwork, metadata: {name: " + name + "}, spec: {namespaceSelector: "
                + selector + ", network: {topology: Layer3, layer3: {role: " + role + ", subnets: [{cidr: 10.100.0.0/16}]}}}}\n";
    }

    private static String pod(String namespace, String name, String labels, int... ports) {
        StringBuilder declared = new StringBuilder();
        for (int port : ports) {
            declared.append(declared.isEmpty() ? "" : ", ").append("{containerPort: ").append(port).append('}');
        }
        return "---\n{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: " + namespace + ", labels: {" + labels
                + "}}, spec: {containers: [{name: c, image: i, ports: [" + declared + "]}]}}\n";
    }

    private Path side(String name, String manifests) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(name));
        Files.writeString(folder.resolve("all.yaml"), manifests);
        return folder;
    }

    /** Pod-to-pod lines of {@code analyze --format csv} that allow something. */
    private static List<String> podPairs(CliRun run) {
        return run.out().lines().skip(1).filter(line -> !line.contains("ext:") && !line.endsWith(",none"))
                .filter(line -> !line.split(",")[0].equals(line.split(",")[1])).toList();
    }

    private static final String BLUE_AND_GREEN = namespace("blue", true) + udn("blue", "separate-namespace", "Layer2", "Primary")
            + namespace("green", true) + udn("green", "namespace-scoped", "Layer2", "Primary")
            + pod("blue", "webserver", "") + pod("green", "webserver", "");

    /**
     * tests/udn_test_1 against tests/only_pods_test; expected test_outputs/diff/diff_between_udn_test_1_and_only_pods_test.csv:
     * {@code removed,blue/webserver[Pod],green/webserver[Pod],All Connections,No Connections} and the reverse. Also
     * test_outputs/connlist/udn_test_1_connlist_output.csv: no pod-to-pod connection.
     */
    @Test
    void twoNamespacesOnTheirOwnUdnsLoseEachOther() throws IOException {
        Path before = side("before", pod("blue", "webserver", "") + pod("green", "webserver", ""));
        Path after = side("after", BLUE_AND_GREEN);

        CliRun diff = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");
        CliRun analyze = CliRun.of("analyze", after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, diff.exitCode(), diff.err());
        assertEquals(List.of("diff-type,source,destination,before,after", "removed,blue/webserver,green/webserver,all,none",
                "removed,green/webserver,blue/webserver,all,none"), diff.out().lines().toList());
        assertEquals(ExitCode.OK, analyze.exitCode(), "a primary UDN is evaluated, so nothing is left unevaluated: " + analyze.err());
        assertEquals(List.of(), podPairs(analyze));
        assertFalse(analyze.err().contains("does not evaluate"), analyze.err());
    }

    /**
     * tests/udn_test_2; test_outputs/connlist/udn_test_2_connlist_output.csv: green's two pods reach each other on
     * {@code TCP 9001} (green/ingress-port-9001-only admits everyone on it), and blue reaches neither.
     */
    @Test
    void aPolicyAdmittingEveryoneStillCannotOpenAnotherNetwork() throws IOException {
        Path folder = side("udn2", BLUE_AND_GREEN + pod("green", "webserver-2", "")
                + "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: ingress-port-9001-only, namespace: green},"
                + " spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{ports: [{protocol: TCP, port: 9001}]}]}}\n");

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");
        CliRun explain = CliRun.of("explain", folder.toString(), "blue/webserver", "green/webserver", "9001/TCP");

        assertEquals(List.of("green/webserver,green/webserver-2,TCP 9001", "green/webserver-2,green/webserver,TCP 9001"), podPairs(analyze));
        assertTrue(explain.out().contains("Verdict: DENIED"), explain.out());
        assertTrue(explain.out().contains("Why: namespace green is on UserDefinedNetwork green/namespace-scoped; pods on other networks"
                + " cannot reach it (namespace blue is on UserDefinedNetwork blue/separate-namespace); no policy can open this connection."),
                explain.out());
    }

    /**
     * tests/cudn_test_1 with pods for its VirtualMachines; test_outputs/connlist/cudn_test_1_connlist_output.csv: blue and red
     * (on ClusterUDN happy-tenant) reach each other, green and yellow (pod network) reach each other, nothing crosses.
     */
    @Test
    void aClusterUdnJoinsTheNamespacesItSelectsAndSeparatesThemFromThePodNetwork() throws IOException {
        Path folder = side("cudn1", namespace("blue-namespace", true, "tenant: happy") + namespace("red-namespace", true, "tenant: happy")
                + namespace("green-namespace", false) + namespace("yellow-namespace", false)
                + cudn("happy-tenant", "{matchLabels: {tenant: happy}}", "Primary")
                + pod("blue-namespace", "blue", "") + pod("red-namespace", "red", "")
                + pod("green-namespace", "green", "") + pod("yellow-namespace", "yellow", ""));

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(ExitCode.OK, analyze.exitCode(), analyze.err());
        assertEquals(List.of("blue-namespace/blue,red-namespace/red,all", "green-namespace/green,yellow-namespace/yellow,all",
                "red-namespace/red,blue-namespace/blue,all", "yellow-namespace/yellow,green-namespace/green,all"), podPairs(analyze));
    }

    private static String virtualMachine(String namespace, String name, String labels) {
        return "---\n{apiVersion: kubevirt.io/v1, kind: VirtualMachine, metadata: {name: " + name + ", namespace: " + namespace
                + ", labels: {kubevirt.io/vm: " + name + "}}, spec: {runStrategy: Always, template: {metadata: {labels: {" + labels
                + "}}, spec: {domain: {devices: {interfaces: [{name: happy, binding: {name: l2bridge}}]}}, networks: [{pod: {}, name: happy}]}}}}\n";
    }

    /**
     * tests/cudn_test_1 as written, with KubeVirt VirtualMachines (pkg/netpol/eval/internal/k8s/pod.go: "for virtualMachines the
     * vmTemplate is used", its labels the pod's, one replica); test_outputs/connlist/cudn_test_1_connlist_output.csv:
     * {@code blue-namespace/blue[VirtualMachine],red-namespace/red[VirtualMachine],All Connections,happy-tenant} and
     * {@code green-namespace/green[VirtualMachine],yellow-namespace/yellow[VirtualMachine],All Connections,pod-network}.
     */
    @Test
    void virtualMachinesAreReadAndKeptToTheirNetworks() throws IOException {
        Path folder = side("vms", namespace("blue-namespace", true, "tenant: happy") + namespace("red-namespace", true, "tenant: happy")
                + namespace("green-namespace", false) + namespace("yellow-namespace", false)
                + cudn("happy-tenant", "{matchLabels: {tenant: happy}}", "Primary")
                + virtualMachine("blue-namespace", "blue", "app.kubernetes.io/name: bluevm")
                + virtualMachine("red-namespace", "red", "app.kubernetes.io/name: redvm")
                + virtualMachine("green-namespace", "green", "app.kubernetes.io/name: greenvm")
                + virtualMachine("yellow-namespace", "yellow", "app.kubernetes.io/name: yellowvm")
                + "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: red-only-bluevm, namespace: red-namespace},"
                + " spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app.kubernetes.io/name: bluevm}}}]}]}}\n");

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(ExitCode.OK, analyze.exitCode(), analyze.err());
        assertFalse(analyze.err().contains("VirtualMachine"), "VirtualMachines are read, not skipped: " + analyze.err());
        assertEquals(List.of("blue-namespace/blue,red-namespace/red,all", "green-namespace/green,yellow-namespace/yellow,all",
                "red-namespace/red,blue-namespace/blue,all", "yellow-namespace/yellow,green-namespace/green,all"), podPairs(analyze));
    }

    /**
     * tests/udn_with_ingress_controller_two_pods; test_outputs/connlist/udn_with_ingress_controller_two_pods_connlist_output.csv:
     * {@code {ingress-controller},green[udn]/app[Pod],"TCP 8000,8090",green}: the controller is outside every network.
     */
    @Test
    void theIngressControllerStillReachesAPodOnAUdn() throws IOException {
        Path folder = side("ingress", namespace("green", true) + udn("green", "namespace-scoped", "Layer2", "Primary")
                + pod("green", "app", "app: ingress-world", 8000, 8050, 8090) + pod("green", "db", "app: db")
                + "---\n{apiVersion: v1, kind: Service, metadata: {name: app-service, namespace: green}, spec: {selector: {app: ingress-world},"
                + " ports: [{name: a, port: 8000, targetPort: 8000}, {name: b, port: 8090, targetPort: 8090}]}}\n"
                + "---\n{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: web, namespace: green}, spec: {rules: [{http: {paths: ["
                + "{path: /a, pathType: Prefix, backend: {service: {name: app-service, port: {number: 8000}}}},"
                + "{path: /b, pathType: Prefix, backend: {service: {name: app-service, port: {number: 8090}}}}]}}]}}\n");

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(List.of("green/app,green/db,all", "green/db,green/app,all", "{ingress-controller},green/app,TCP 8000;TCP 8090"),
                podPairs(analyze));
    }

    /** resources.go: a namespace without the label, and a Secondary role, leave the pods on the pod network, with a warning. */
    @Test
    void whatIsNotAppliedIsWarnedAboutAndLeavesThePodNetwork() throws IOException {
        Path folder = side("ignored", namespace("blue", false) + udn("blue", "tenant", "Layer2", "Primary")
                + namespace("green", true) + udn("green", "extra", "Layer3", "Secondary")
                + pod("blue", "a", "") + pod("green", "b", ""));

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(List.of("blue/a,green/b,all", "green/b,blue/a,all"), podPairs(analyze));
        assertTrue(analyze.err().contains("all.yaml:4:1: warning: UserDefinedNetwork blue/tenant is not applied to namespace blue: the"
                + " namespace lacks the label k8s.ovn.org/primary-user-defined-network"), analyze.err());
        assertTrue(analyze.err().contains("warning: UserDefinedNetwork green/extra has role Secondary"), analyze.err());
    }

    /** The CRD's rules and resources.go: a UDN in default, or a topology without its settings, is reported and left out; the rest loads. */
    @Test
    void anInvalidNetworkIsAnErrorAndTheRestStillLoads() throws IOException {
        Path folder = side("bad", namespace("default", true) + udn("default", "tenant", "Layer2", "Primary")
                + namespace("blue", true) + "---\n{apiVersion: k8s.ovn.org/v1, kind: UserDefinedNetwork, metadata: {name: t, namespace: blue},"
                + " spec: {topology: Layer2, layer3: {role: Primary}}}\n"
                + pod("default", "a", "") + pod("blue", "b", ""));

        CliRun analyze = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(ExitCode.INPUT_ERRORS, analyze.exitCode(), analyze.err());
        assertEquals(List.of("blue/b,default/a,all", "default/a,blue/b,all"), podPairs(analyze));
        assertTrue(analyze.err().contains("error: UserDefinedNetwork default/tenant is not applied to namespace default: OVN-Kubernetes"
                + " refuses a primary network in default or openshift-* namespaces"), analyze.err());
        assertTrue(analyze.err().contains("layer3 is set, but topology is Layer2; set layer2 only"), analyze.err());
    }
}

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
 * netpol-analyzer's scenarios with Ingresses, Routes and pods named by their owner, written anew
 * (cut down to the objects that decide the result) and run through {@code analyze} and {@code diff}.
 *
 * <p>https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/connlist/connlist.go: "Connectivity inferred
 * from Ingress/Route resources is between {ingress-controller} to k8s workloads", and "compute allowed connections
 * based on pe.policies to the peer, then intersect the conns with ingress connections to the peer"; the
 * controller is a fake pod named ingress-controller in namespace ingress-controller-ns
 * (pkg/netpol/internal/common/netpol_commands_common.go: IngressPodName, IngressPodNamespace).
 * https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/connlist/internal/ingressanalyzer/ingress_analyzer.go:
 * "servicePort.TargetPort is Number or name of the port to access on the pods targeted by the service";
 * "if the required port is not specified, all service ports are allowed".
 */
class IngressControllerScenariosTest {

    @TempDir
    Path directory;

    private static final String INGRESSWORLD = """
            ---
            {apiVersion: v1, kind: Namespace, metadata: {name: ingressworld}}
            ---
            {apiVersion: apps/v1, kind: Deployment, metadata: {name: ingress-world-multiple-ports, namespace: ingressworld},
             spec: {replicas: 2, selector: {matchLabels: {app: ingress-world}}, template: {metadata: {labels: {app: ingress-world}},
             spec: {containers: [{name: w, image: w, ports: [{containerPort: 8000}, {containerPort: 8050}, {containerPort: 8090}]}]}}}}
            ---
            {apiVersion: v1, kind: Service, metadata: {name: ingress-world, namespace: ingressworld}, spec: {selector: {app: ingress-world},
             ports: [{port: 8000, targetPort: 8000}, {port: 8050, targetPort: 8050}, {port: 8090, targetPort: 8090}]}}
            """;

    /**
     * tests/multiple_ingress_objects_with_different_ports → ..._new; expected
     * test_outputs/diff/diff_between_multiple_ingress_objects_with_different_ports_new_and_multiple_ingress_objects_with_different_ports.csv:
     * {@code changed,{ingress-controller},ingressworld/ingress-world-multiple-ports[Deployment],TCP 8050,8090,TCP 8000,8090}.
     * Two Ingresses (8090, 8050) become one Ingress (8090) and a Route (targetPort 8000).
     */
    @Test
    void anIngressReplacedByARouteChangesTheControllersPorts() throws IOException {
        Path before = side("before", INGRESSWORLD + ingress("ingress-1", "ingressworld", "ingress-world", "number: 8090")
                + ingress("ingress-2", "ingressworld", "ingress-world", "number: 8050"));
        Path after = side("after", INGRESSWORLD + ingress("ingress-1", "ingressworld", "ingress-world", "number: 8090")
                + "---\n{apiVersion: route.openshift.io/v1, kind: Route, metadata: {name: route-1, namespace: ingressworld},"
                + " spec: {to: {kind: Service, name: ingress-world, weight: 100}, port: {targetPort: 8000}}}\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after",
                "changed,{ingress-controller},ingressworld/ingress-world-multiple-ports,\"TCP 8050,8090\",\"TCP 8000,8090\""),
                run.out().lines().toList());
        assertFalse(run.err().contains("Ingress: "), "Ingresses are read, not skipped: " + run.err());
        CliRun dot = CliRun.of("diff", before.toString(), after.toString(), "--format", "dot");
        assertEquals(ExitCode.CHANGED, dot.exitCode(), dot.err());
        assertTrue(dot.out().contains("\"{ingress-controller}\" -> \"ingressworld/ingress-world-multiple-ports\""), dot.out());
        CliRun explained = CliRun.of("diff", before.toString(), after.toString(), "--format", "txt", "--explain");
        assertTrue(explained.out().contains("after: Ingress ingressworld/ingress-1 routes port 8090 of Service ingress-world to"
                + " ingressworld/ingress-world-multiple-ports on TCP 8090; Route ingressworld/route-1 routes port 8000"), explained.out());
    }

    /**
     * tests/onlineboutique_workloads → onlineboutique_workloads_with_ingress; expected
     * test_outputs/diff/diff_between_onlineboutique_workloads_with_ingress_and_onlineboutique_workloads.csv:
     * {@code added,{ingress-controller},default/frontend[Deployment],No Connections,TCP 8080}. The Ingress names
     * the Service port 80, whose targetPort is 8080; frontend admits anyone on 8080.
     */
    @Test
    void anAddedIngressOpensTheServicesTargetPortFromTheController() throws IOException {
        String frontend = deployment("frontend", "default", "frontend", "{containerPort: 8080}")
                + "---\n{apiVersion: v1, kind: Service, metadata: {name: frontend-external, namespace: default}, spec: {selector: {app: frontend},"
                + " ports: [{name: http, port: 80, targetPort: 8080}]}}\n"
                + "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: frontend-netpol, namespace: default},"
                + " spec: {podSelector: {matchLabels: {app: frontend}}, policyTypes: [Ingress], ingress: [{ports: [{port: 8080}]}]}}\n";
        Path before = side("before", frontend);
        Path after = side("after", frontend + ingress("frontend-ingress", "default", "frontend-external", "number: 80"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after", "added,{ingress-controller},default/frontend,none,TCP 8080"),
                run.out().lines().toList());
    }

    /**
     * A Route whose targetPort names a container port reaches that port; an Ingress to a pod whose
     * policy admits only its own namespace is blocked, and analyze lists no line for it (netpol-analyzer
     * warns instead: "connection is blocked by network policies" for the K8s-Ingress).
     */
    @Test
    void analyzeListsTheControllersAllowedPortsAndLeavesOutBlockedOnes() throws IOException {
        Path folder = side("shop", deployment("web", "shop", "web", "{name: http, containerPort: 8080}, {containerPort: 9090}")
                + deployment("db", "shop", "db", "{containerPort: 5432}")
                + "---\n{apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop}, spec: {selector: {app: web},"
                + " ports: [{port: 80, targetPort: http}, {port: 90, targetPort: 9090}]}}\n"
                + "---\n{apiVersion: v1, kind: Service, metadata: {name: db, namespace: shop}, spec: {selector: {app: db}, ports: [{port: 5432}]}}\n"
                + "---\n{apiVersion: route.openshift.io/v1, kind: Route, metadata: {name: web, namespace: shop},"
                + " spec: {to: {kind: Service, name: web}, port: {targetPort: http}}}\n"
                + ingress("db", "shop", "db", "number: 5432")
                + "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: db-from-shop, namespace: shop},"
                + " spec: {podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {}}]}]}}\n");

        CliRun run = CliRun.of("analyze", folder.toString(), "--format", "csv");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> controllerLines = run.out().lines().filter(line -> line.startsWith("{ingress-controller}")).toList();
        assertEquals(List.of("{ingress-controller},shop/web,TCP 8080"), controllerLines, run.out());
        CliRun dot = CliRun.of("analyze", folder.toString(), "--format", "dot");
        assertEquals(ExitCode.OK, dot.exitCode(), dot.err());
        assertTrue(dot.out().contains("  \"{ingress-controller}\" [shape=ellipse];\n"), dot.out());
        assertTrue(dot.out().contains("  \"{ingress-controller}\" -> \"shop/web\" [label=\"TCP 8080\"];\n"), dot.out());
        assertTrue(run.err().contains("warning: Ingress shop/db routes port 5432 of Service db to shop/db on TCP 5432;"
                + " the policies block the ingress controller: "), run.err());
    }

    /**
     * tests/k8s_ingress_test (bookinfo): pods whose ownerReferences name a ReplicaSet that the folder
     * lacks are named by it, as netpol-analyzer's WorkloadPeer.Name does ("ownerName := p.Pod.Owner.Name;
     * if ownerName == "" { return p.Pod.Name }"): expected lines such as
     * {@code added,default/unicorn[Deployment],default/details-v1-79f774bdb9[ReplicaSet],No Connections,TCP 9080}.
     * Two pods of one ReplicaSet are one workload.
     */
    @Test
    void podsAreNamedByTheirAbsentController() throws IOException {
        String pods = ownedPod("details-v1-79f774bdb9-tw7sj", "details-v1-79f774bdb9", "details")
                + ownedPod("details-v1-79f774bdb9-x8k2p", "details-v1-79f774bdb9", "details");
        Path before = side("before", pods);
        Path after = side("after", pods + deployment("unicorn", "default", "unicorn", "{containerPort: 8080}")
                + "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: details, namespace: default},"
                + " spec: {podSelector: {matchLabels: {app: details}}, ingress: [{ports: [{port: 9080}]}]}}\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(line -> line.equals("added,default/unicorn,default/details-v1-79f774bdb9,none,TCP 9080")), run.out());
        assertFalse(run.out().contains("tw7sj"), run.out());
        CliRun analyzed = CliRun.of("analyze", before.toString(), "--format", "txt");
        assertTrue(analyzed.out().contains("1 workload (2 pods)"), analyzed.out());
    }

    private Path side(String name, String manifests) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(name));
        Files.writeString(folder.resolve("manifests.yaml"), manifests);
        return folder;
    }

    private static String ingress(String name, String namespace, String service, String port) {
        return "---\n{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: " + name + ", namespace: " + namespace + "},"
                + " spec: {rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: " + service
                + ", port: {" + port + "}}}}]}}]}}\n";
    }

    private static String deployment(String name, String namespace, String app, String ports) {
        return "---\n{apiVersion: apps/v1, kind: Deployment, metadata: {name: " + name + ", namespace: " + namespace + "}, spec: {selector:"
                + " {matchLabels: {app: " + app + "}}, template: {metadata: {labels: {app: " + app + "}}, spec: {containers: [{name: server,"
                + " image: " + name + ", ports: [" + ports + "]}]}}}}\n";
    }

    private static String ownedPod(String name, String replicaSet, String app) {
        return "---\n{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: default, labels: {app: " + app + "},"
                + " ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: " + replicaSet + ", controller: true, uid: u}]},"
                + " spec: {containers: [{name: c, image: i, ports: [{containerPort: 9080}]}]}}\n";
    }
}

package io.netpolviz.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} and {@code explain} take a pod's name as well as a workload's, and a workload
 * whose pods do not all carry its template's labels is answered per group of pods, never by one
 * of them picked silently. Policies select "particular Pods" by the pods' labels (NetworkPolicy
 * v1 API reference, NetworkPolicyPeer).
 */
class PodEndpointsCliTest {

    @TempDir
    Path dir;

    private static String pod(String name, String extraLabel) {
        return """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: shop
                  labels: {app: web%s}
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}]
                spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
                """.formatted(name, extraLabel);
    }

    @BeforeEach
    void writeShop() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: shop, labels: {app: client}}
                spec: {containers: [{name: c, image: curl}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: quarantine, namespace: shop}
                spec:
                  podSelector: {matchLabels: {quarantine: "true"}}
                  policyTypes: [Ingress, Egress]
                """ + pod("web-5d8f-a", "") + pod("web-5d8f-b", "") + pod("web-5d8f-c", ", quarantine: \"true\""));
    }

    @Test
    void aWorkloadWhosePodsDisagreeIsMixedAndEachGroupIsNamed() {
        CliRun check = CliRun.withInput("shop/client\tshop/web\t8080\tTCP\n", "check", "--manifests", dir.toString(), "--probes", "-");

        assertEquals(0, check.exitCode(), check.err());
        assertEquals("shop/client\tshop/web\t8080\tTCP\tmixed\tallow from shop/client (1 pod) to shop/web (2 pods); deny from shop/client"
                + " (1 pod) to shop/web-5d8f-c (1 pod of Deployment web: quarantine=true)\n", check.out());
    }

    @Test
    void aPodNameIsAnswerableAndAnswersForItsOwnGroup() {
        CliRun check = CliRun.withInput("shop/client\tshop/web-5d8f-a\t8080\tTCP\nshop/client\tshop/web-5d8f-c\t8080\tTCP\n",
                "check", "--manifests", dir.toString(), "--probes", "-");

        assertEquals("shop/client\tshop/web-5d8f-a\t8080\tTCP\tallow\nshop/client\tshop/web-5d8f-c\t8080\tTCP\tdeny\n", check.out(), check.err());
    }

    @Test
    void explainExplainsEachGroupOfAMixedWorkload() {
        CliRun explain = CliRun.of("explain", dir.toString(), "shop/client", "shop/web", "8080/TCP");

        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(explain.out().startsWith("The pods of shop/web do not all carry their template's labels"), explain.out());
        assertTrue(explain.out().contains("== from shop/client (1 pod) to shop/web (2 pods)"), explain.out());
        assertTrue(explain.out().contains("== from shop/client (1 pod) to shop/web-5d8f-c (1 pod of Deployment web: quarantine=true)"),
                explain.out());
        assertTrue(explain.out().contains("quarantine"), "the blocking policy is named: " + explain.out());
    }

    @Test
    void analyzeListsThePodsShownApartAsTheirOwnEndpoint() {
        CliRun analyze = CliRun.of("analyze", dir.toString(), "--format", "csv");

        assertTrue(analyze.out().contains("\nshop/client,shop/web,all\n"), analyze.out());
        assertTrue(analyze.out().contains("\nshop/client,shop/web-5d8f-c,none\n"), analyze.out());
    }
}

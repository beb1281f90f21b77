package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotWriterTest {

    @TempDir
    Path temp;

    /** Reads a small two-namespace cluster, with the clutter a real one has, through the real code path. */
    private ClusterCapture readBusyCluster() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            Deployment web = cluster.admin().apps().deployments().inNamespace("shop").withName("web").get();
            ReplicaSet replicas = cluster.admin().resource(Fixtures.replicaSetOwnedBy(web, "web-5d8f")).create();
            cluster.admin().resource(Fixtures.podOwnedBy(replicas, "web-5d8f-a", Map.of("app", "web"))).create();
            Pod applied = Fixtures.pod("billing", "invoices", Map.of("app", "invoices"));
            applied.getMetadata().getAnnotations().put(ManifestCleaner.LAST_APPLIED, "{\"kind\":\"Pod\"}");
            applied.getMetadata().getAnnotations().put("team", "billing");
            cluster.admin().resource(Fixtures.namespace("billing", Map.of("team", "money"))).create();
            cluster.admin().resource(applied).create();
            cluster.admin().resource(Fixtures.allow("billing", "invoices-from-web", Map.of("app", "invoices"), Map.of("app", "web"))).create();
            cluster.admin().resource(new SecretBuilder().withNewMetadata().withNamespace("shop").withName("db-password").endMetadata()
                    .addToStringData("password", "do-not-write-me").build()).create();
            cluster.admin().resource(new ConfigMapBuilder().withNewMetadata().withNamespace("shop").withName("settings").endMetadata()
                    .addToData("key", "value").build()).create();
            ClusterOptions options = cluster.options(temp);
            ClusterCapture capture = ClusterSnapshotReader.read(options, Duration.ofSeconds(20));
            cluster.stop();
            return capture;
        }
    }

    @Test
    void loadingTheWrittenFolderGivesTheSameSnapshotAsTheCluster() throws Exception {
        ClusterCapture capture = readBusyCluster();
        Path out = temp.resolve("snapshot");

        List<Path> written = SnapshotWriter.write(capture, out);
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(out));

        assertEquals(List.of(out.resolve("billing.yaml"), out.resolve("shop.yaml")), written);
        assertEquals(SnapshotShapes.withoutSources(capture.snapshot()), SnapshotShapes.withoutSources(loaded));
        assertEquals(capture.snapshot().policy(new PolicyId("shop", "web-from-debug")).orElseThrow().sourceText(),
                loaded.policy(new PolicyId("shop", "web-from-debug")).orElseThrow().sourceText(),
                "a policy's text reads the same live and from the folder");
        assertEquals(List.of("Pod billing/invoices", "Pod shop/debug", "Deployment shop/web"),
                loaded.workloads().stream().map(w -> w.kind().apiKind() + " " + w.id()).toList());
    }

    @Test
    void writtenManifestsAreCleanAndHoldNoSecrets() throws Exception {
        ClusterCapture capture = readBusyCluster();
        Path out = temp.resolve("snapshot");

        SnapshotWriter.write(capture, out);
        String shop = Files.readString(out.resolve("shop.yaml"));
        String billing = Files.readString(out.resolve("billing.yaml"));

        assertTrue(shop.startsWith("# Written by NetPolViz from cluster:mock: namespace shop\n---\napiVersion: v1\nkind: Namespace\n"), shop);
        for (String text : List.of(shop, billing)) {
            for (String gone : List.of("status:", "uid:", "resourceVersion", "managedFields", "creationTimestamp", "generation:",
                    "last-applied-configuration", "ownerReferences", "Secret", "ConfigMap", "do-not-write-me", "web-5d8f")) {
                assertFalse(text.contains(gone), gone + " in\n" + text);
            }
        }
        assertTrue(billing.contains("team: billing"), "other annotations stay:\n" + billing);
        assertEquals(List.of("Namespace", "Deployment", "Pod", "Service", "NetworkPolicy", "NetworkPolicy"),
                shop.lines().filter(line -> line.startsWith("kind: ")).map(line -> line.substring(6)).toList());
    }

    @Test
    void theSameObjectsGiveTheSameBytes() throws Exception {
        ClusterCapture capture = readBusyCluster();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        SnapshotWriter.write(capture, first);
        List<Map<String, Object>> reversed = new java.util.ArrayList<>(capture.manifests());
        java.util.Collections.reverse(reversed);
        SnapshotWriter.write(new ClusterCapture(capture.snapshot(), reversed), second);

        for (String file : List.of("billing.yaml", "shop.yaml")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @Test
    void aFolderWithOtherManifestsIsLeftAlone() throws Exception {
        Path out = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(out.resolve("app.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: keep\n");

        IOException refused = assertThrows(IOException.class,
                () -> SnapshotWriter.write("cluster:mock", List.of(namespaceManifest("shop")), out));

        assertTrue(refused.getMessage().contains("app.yaml, which NetPolViz did not write"), refused.getMessage());
        assertEquals(List.of(out.resolve("app.yaml")), Files.list(out).toList());
    }

    @Test
    void rewritingReplacesTheFilesOfAnEarlierRun() throws Exception {
        Path out = temp.resolve("again");
        SnapshotWriter.write("cluster:mock", List.of(namespaceManifest("gone"), namespaceManifest("shop")), out);

        SnapshotWriter.write("cluster:mock", List.of(namespaceManifest("shop")), out);

        assertEquals(List.of(out.resolve("shop.yaml")), Files.list(out).sorted().toList());
    }

    @Test
    void kindsThatAreNeverReadAreNeverWrittenEvenIfHandedIn() throws Exception {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", "token", "namespace", "shop"));
        secret.put("data", Map.of("token", "c2VjcmV0"));
        Path out = temp.resolve("secrets");

        SnapshotWriter.write("cluster:mock", List.of(namespaceManifest("shop"), secret), out);

        assertFalse(Files.readString(out.resolve("shop.yaml")).contains("Secret"));
    }

    @Test
    void aNamespaceNameThatIsNoValidNameNeverBecomesAPath() {
        Path out = temp.resolve("safe");
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", Map.of("name", "x", "namespace", "../escape"));

        IOException refused = assertThrows(IOException.class, () -> SnapshotWriter.write("cluster:mock", List.of(pod), out));

        assertTrue(refused.getMessage().contains("not a valid namespace name"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("escape.yaml")));
    }

    @Test
    void clusterScopedPoliciesOfEveryKindAreWrittenAndReadBack() throws Exception {
        // ClusterNetworkPolicy, BaselineAdminNetworkPolicy and CiliumClusterwideNetworkPolicy have no namespace
        // ("cluster-scoped"); a snapshot that left them out, or refused them, would show traffic they deny as allowed.
        ClusterCapture capture;
        try (MockCluster cluster = MockCluster.start()) {
            Fixtures.createShop(cluster.admin());
            cluster.admin().genericKubernetesResources(ResourceKind.CLUSTER_NETWORK_POLICY.definition()).resource(
                    new GenericKubernetesResourceBuilder().withApiVersion("policy.networking.k8s.io/v1alpha2").withKind("ClusterNetworkPolicy")
                            .withNewMetadata().withName("no-debug").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("tier", "Admin", "priority", 5,
                                    "subject", Map.of("namespaces", Map.of()),
                                    "ingress", List.of(Map.of("name", "deny-debug", "action", "Deny",
                                            "from", List.of(Map.of("pods", Map.of("namespaceSelector", Map.of(),
                                                    "podSelector", Map.of("matchLabels", Map.of("app", "debug")))))))))
                            .build()).create();
            cluster.admin().genericKubernetesResources(ResourceKind.BASELINE_ADMIN_NETWORK_POLICY.definition()).resource(
                    new GenericKubernetesResourceBuilder().withApiVersion("policy.networking.k8s.io/v1alpha1").withKind("BaselineAdminNetworkPolicy")
                            .withNewMetadata().withName("default").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("subject", Map.of("namespaces", Map.of()),
                                    "egress", List.of(Map.of("name", "deny-all", "action", "Deny",
                                            "to", List.of(Map.of("namespaces", Map.of()))))))
                            .build()).create();
            cluster.admin().genericKubernetesResources(ResourceKind.CILIUM_CLUSTERWIDE_NETWORK_POLICY.definition()).resource(
                    new GenericKubernetesResourceBuilder().withApiVersion("cilium.io/v2").withKind("CiliumClusterwideNetworkPolicy")
                            .withNewMetadata().withName("inside-only").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("endpointSelector", Map.of(),
                                    "egress", List.of(Map.of("toEntities", List.of("cluster")))))
                            .build()).create();
            capture = ClusterSnapshotReader.read(cluster.options(temp), Duration.ofSeconds(20));
        }
        assertEquals(2, capture.snapshot().clusterPolicies().size(), capture.snapshot().diagnostics().toString());
        Path out = temp.resolve("snapshot");

        List<Path> written = SnapshotWriter.write(capture, out);
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(out));

        assertTrue(written.contains(out.resolve(SnapshotWriter.CLUSTER_SCOPED + ".yaml")), written::toString);
        assertEquals(SnapshotShapes.withoutSources(capture.snapshot()), SnapshotShapes.withoutSources(loaded));
        assertEquals(List.of("BaselineAdminNetworkPolicy default", "ClusterNetworkPolicy no-debug"),
                loaded.clusterPolicies().stream().map(p -> p.kind() + " " + p.name()).sorted().toList());
        assertEquals(1, loaded.ciliumPolicies().size(), loaded.diagnostics().toString());
    }

    private static Map<String, Object> namespaceManifest(String name) {
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("apiVersion", "v1");
        namespace.put("kind", "Namespace");
        namespace.put("metadata", Map.of("name", name));
        return namespace;
    }
}

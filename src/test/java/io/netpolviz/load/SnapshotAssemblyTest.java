package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.assertAt;
import static io.netpolviz.load.Fixtures.policyIds;
import static io.netpolviz.load.Fixtures.single;
import static io.netpolviz.load.Fixtures.workload;
import static io.netpolviz.load.Fixtures.workloadIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Service;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** How objects come together into one snapshot: lists, owners, namespaces, duplicates, and the kinds that are skipped. */
class SnapshotAssemblyTest {

    @TempDir
    Path dir;

    private ClusterSnapshot load(String yaml) {
        return Fixtures.load(Fixtures.write(dir, "cluster.yaml", yaml));
    }

    @Test
    void kubectlListIsUnpacked() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Namespace
                  metadata: {name: shop}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: web, namespace: shop}
                  spec:
                    selector: {app: web}
                    ports: [{name: http, port: 80, targetPort: http}, {port: 443}]
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: deny, namespace: shop}
                  spec: {podSelector: {}}
                """);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(List.of("shop/deny"), policyIds(snapshot));
        Service service = snapshot.services().get(0);
        assertEquals(Map.of("app", "web"), service.selector());
        assertEquals(List.of(new ServicePort("http", 80, "http", Protocol.TCP), new ServicePort(null, 443, "443", Protocol.TCP)),
                service.ports());
        assertFalse(snapshot.namespace("shop").orElseThrow().implicit());
    }

    @Test
    void kubectlGetOutputLoadsCleanlyWithOwnedObjectsFolded() throws URISyntaxException {
        Path dump = Path.of(getClass().getResource("/load/kubectl-get-all.yaml").toURI());
        ClusterSnapshot snapshot = Fixtures.load(dump);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(List.of("Deployment shop/api"), workloadIds(snapshot));
        Workload api = workload(snapshot, "shop/api");
        assertEquals(3, api.replicas());
        assertEquals(List.of(new ContainerPort("http", 8080, Protocol.TCP)), api.ports());
        Namespace shop = snapshot.namespace("shop").orElseThrow();
        assertFalse(shop.implicit());
        assertEquals("payments", shop.labels().get("team"));
        NetworkPolicy policy = Fixtures.policy(snapshot, "shop/api-ingress");
        assertEquals(List.of(PolicyType.INGRESS), policy.declaredPolicyTypes());
        assertEquals(PortRef.named("http"), policy.ingress().get(0).ports().get(0).port());
        assertEquals(List.of(new ServicePort("http", 80, "http", Protocol.TCP)), snapshot.services().get(0).ports());
    }

    @Test
    void typedListItemsTakeTheirKindFromTheList() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: PodList
                items:
                - metadata: {name: a, namespace: shop, labels: {app: a}}
                  spec: {containers: [{name: c}]}
                ---
                apiVersion: apps/v1
                kind: DeploymentList
                items:
                - metadata: {name: b, namespace: shop}
                  spec:
                    template:
                      metadata: {labels: {app: b}}
                      spec: {containers: [{name: c}]}
                """);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(List.of("Pod shop/a", "Deployment shop/b"), workloadIds(snapshot));
    }

    @Test
    void diagnosticsInsideAListPointAtTheItem() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: bad, namespace: shop}
                  spec:
                    podSelector: {}
                    ingress:
                    - ports: [{port: 0}]
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: good, namespace: shop}
                """);
        assertAt(single(snapshot, Severity.ERROR, "spec.ingress[0].ports[0].port is 0"), "cluster.yaml", 10, 22);
        assertEquals(List.of("shop/good"), policyIds(snapshot));
    }

    @Test
    void objectsRunByAPresentWorkloadAreFoldedIntoIt() {
        ClusterSnapshot snapshot = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 2
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c}]}
                ---
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-5d8
                  namespace: shop
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
                spec:
                  replicas: 2
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-5d8-x
                  namespace: shop
                  labels: {app: web}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8, uid: u2, controller: true}]
                spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: orphan-x
                  namespace: shop
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: orphan, uid: u3, controller: true}]
                spec: {containers: [{name: c}]}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: shop}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: nightly}}
                        spec: {containers: [{name: c}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: nightly-123
                  namespace: shop
                  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: u4, controller: true}]
                spec:
                  template:
                    metadata: {labels: {app: nightly}}
                    spec: {containers: [{name: c}]}
                """);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        // A pod whose controller is absent is named by that controller, as netpol-analyzer names it
        // (pkg/netpol/eval/internal/k8s/peer.go, WorkloadPeer.Name: "ownerName := p.Pod.Owner.Name; if ownerName == "" { return p.Pod.Name }").
        assertEquals(List.of("CronJob shop/nightly", "ReplicaSet shop/orphan", "Deployment shop/web"), workloadIds(snapshot));
        assertEquals(List.of("orphan-x"), workload(snapshot, "shop/orphan").podNames());
        // A controller's pod that is as its template is one of the workload's pods, without a note of its own.
        assertEquals(List.of("web-5d8-x"), workload(snapshot, "shop/web").podNames());
        assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.message().contains("web-5d8-x")), Fixtures.all(snapshot));
        single(snapshot, Severity.NOTE, "ReplicaSet shop/web-5d8 is run by Deployment shop/web");
        single(snapshot, Severity.NOTE, "Job shop/nightly-123 is run by CronJob shop/nightly");
    }

    @Test
    void namespaceUsedButNotDeclaredExistsImplicitlyWithItsNameLabel() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: declared, labels: {team: a}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: undeclared}
                """);
        Namespace implicit = snapshot.namespace("undeclared").orElseThrow();
        assertTrue(implicit.implicit());
        assertEquals(Map.of(Namespace.NAME_LABEL, "undeclared"), implicit.labels());
        assertAt(single(snapshot, Severity.NOTE, "namespace undeclared is used here but not declared"), "cluster.yaml", 5, 1);
        Namespace declared = snapshot.namespace("declared").orElseThrow();
        assertFalse(declared.implicit());
        assertEquals(Map.of("team", "a", Namespace.NAME_LABEL, "declared"), declared.labels());
    }

    @Test
    void conflictingNameLabelIsOverriddenAsTheApiServerDoes() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: prod
                  labels:
                    kubernetes.io/metadata.name: staging
                """);
        assertEquals("prod", snapshot.namespace("prod").orElseThrow().labels().get(Namespace.NAME_LABEL));
        assertAt(single(snapshot, Severity.NOTE, "the API server always sets it to the namespace's name \"prod\""), "cluster.yaml", 6, 34);
    }

    @Test
    void objectsWithoutNamespaceGoToDefault() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: loose}
                spec: {containers: [{name: c}]}
                """);
        assertEquals("default", workload(snapshot, "default/loose").namespace());
        assertTrue(snapshot.namespace("default").orElseThrow().implicit());
        assertTrue(single(snapshot, Severity.NOTE, "namespace default is used here").message().contains("without -n"));
    }

    @Test
    void duplicateObjectIsAnErrorNamingBothPlacesAndTheFirstIsKept() {
        ClusterSnapshot snapshot = Fixtures.load(
                Fixtures.write(dir, "a.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, namespace: shop}
                        spec:
                          replicas: 1
                          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}
                        """),
                Fixtures.write(dir, "b.yaml", """
                        # the same Deployment again
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, namespace: shop}
                        spec:
                          replicas: 9
                          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}
                        """));
        Diagnostic error = single(snapshot, Severity.ERROR, "Deployment shop/web is defined twice");
        assertAt(error, "b.yaml", 2, 1);
        assertTrue(error.message().contains("a.yaml:1:1"), error.message());
        assertEquals(1, workload(snapshot, "shop/web").replicas());
    }

    @Test
    void sameNameInAnotherKindOrNamespaceIsNoDuplicate() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a}
                spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: b}
                spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: a}
                """);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(2, snapshot.workloads().size());
    }

    @Test
    void otherKindsAreSkippedWithOneNotePerKind() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {a: b}
                ---
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: fn, namespace: shop}
                """);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertAt(single(snapshot, Severity.NOTE, "ConfigMap: 1 object skipped"), "cluster.yaml", 1, 1);
        assertAt(single(snapshot, Severity.NOTE, "Service: 1 object skipped"), "cluster.yaml", 6, 1);
        assertTrue(snapshot.isComplete(), "kinds that cannot decide pod traffic leave the picture whole");
        assertTrue(snapshot.services().isEmpty());
    }

    @Test
    void retiredApiVersionOfAKnownKindIsAnError() {
        ClusterSnapshot snapshot = load("""
                apiVersion: extensions/v1beta1
                kind: Deployment
                metadata: {name: old, namespace: shop}
                """);
        assertTrue(single(snapshot, Severity.ERROR, "extensions/v1beta1 Deployment is not served").message().contains("apps/v1"));
        assertTrue(snapshot.workloads().isEmpty());
    }

    @Test
    void documentWithoutKindIsAnError() {
        ClusterSnapshot snapshot = load("""
                apiVersion: v1
                metadata: {name: what}
                """);
        assertAt(single(snapshot, Severity.ERROR, "has no kind"), "cluster.yaml", 1, 1);
    }

    @Test
    void mapsFromALiveClusterGiveTheSameSnapshotAsTheFile() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {env: prod}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  replicas: 2
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {env: prod}}, podSelector: {}}]
                    ports: [{port: http}, {port: 9000, endPort: 9010, protocol: UDP}]
                  egress:
                  - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.9.0.0/16]}}]
                """;
        ClusterSnapshot fromFile = load(yaml);
        SnapshotBuilder builder = new SnapshotBuilder();
        for (Object document : new Yaml().loadAll(yaml)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) document;
            builder.add(object, SourceRef.of("cluster:test"));
        }
        ClusterSnapshot fromMaps = builder.build("cluster:test");
        assertFalse(fromFile.hasErrors(), Fixtures.all(fromFile));
        assertFalse(fromMaps.hasErrors(), Fixtures.all(fromMaps));
        assertEquals(withoutSources(fromFile), withoutSources(fromMaps));
        assertTrue(fromMaps.policies().get(0).sourceText().contains("cidr: 10.0.0.0/8"), "policies from maps show re-dumped YAML");
    }

    @Test
    void problemsInMapsPointAtTheObjectsSource() {
        SnapshotBuilder builder = new SnapshotBuilder();
        builder.add(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", "p", "namespace", "shop"),
                "spec", Map.of("podSelector", Map.of(), "policyTypes", List.of("ingress"))), SourceRef.of("cluster:ctx/NetworkPolicy/shop/p"));
        ClusterSnapshot snapshot = builder.build("cluster:ctx");
        Diagnostic error = single(snapshot, Severity.ERROR, "\"ingress\" is not a policy type");
        assertEquals(SourceRef.of("cluster:ctx/NetworkPolicy/shop/p"), error.where());
        assertTrue(snapshot.policies().isEmpty());
    }

    /** The snapshot with every source position and policy text blanked, leaving only what the objects mean. */
    private static ClusterSnapshot withoutSources(ClusterSnapshot snapshot) {
        return new ClusterSnapshot("",
                snapshot.namespaces().stream().map(n -> new Namespace(n.name(), n.labels(), n.implicit(), SourceRef.NONE)).toList(),
                snapshot.workloads().stream().map(w -> new Workload(w.namespace(), w.name(), w.kind(), w.replicas(), w.podLabels(),
                        w.ports(), w.hostNetwork(), SourceRef.NONE)).toList(),
                snapshot.services().stream().map(s -> new Service(s.namespace(), s.name(), s.selector(), s.ports(), SourceRef.NONE)).toList(),
                snapshot.policies().stream().map(SnapshotAssemblyTest::withoutSources).toList(),
                snapshot.diagnostics().stream().map(d -> new Diagnostic(d.severity(), SourceRef.NONE, d.message())).toList());
    }

    private static NetworkPolicy withoutSources(NetworkPolicy p) {
        return new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.declaredPolicyTypes(),
                p.ingress().stream().map(r -> new PolicyRule(r.peers(), r.ports(), SourceRef.NONE)).toList(),
                p.egress().stream().map(r -> new PolicyRule(r.peers(), r.ports(), SourceRef.NONE)).toList(),
                SourceRef.NONE, "");
    }
}

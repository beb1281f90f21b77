package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.assertAt;
import static io.netpolviz.load.Fixtures.single;
import static io.netpolviz.load.Fixtures.workload;
import static io.netpolviz.load.Fixtures.workloadIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods and workloads become {@link Workload}s with the labels, ports and pod count of their pods. */
class WorkloadReadingTest {

    @TempDir
    Path dir;

    private static final String TEMPLATE = """
              template:
                metadata:
                  labels: {app: %s}
                spec:
                  initContainers:
                  - name: init
                    ports: [{containerPort: 9999}]
                  containers:
                  - name: main
                    ports:
                    - {name: http, containerPort: 8080}
                    - {containerPort: 53, protocol: UDP}
            """;

    private ClusterSnapshot loadValid(String yaml) {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", yaml));
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        return snapshot;
    }

    private static String workloadYaml(String apiVersion, String kind, String name, String specExtra) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: " + name + ", namespace: shop}\nspec:\n"
                + specExtra + TEMPLATE.formatted(name) + "---\n";
    }

    @Test
    void everyWorkloadKindReadsItsPodTemplateAndReplicas() {
        ClusterSnapshot snapshot = loadValid(
                workloadYaml("apps/v1", "Deployment", "deploy", "  replicas: 3\n")
                + workloadYaml("apps/v1", "Deployment", "deploy-default", "")
                + workloadYaml("apps/v1", "ReplicaSet", "rs", "  replicas: 2\n")
                + workloadYaml("apps/v1", "StatefulSet", "sts", "  replicas: 0\n")
                + workloadYaml("apps/v1", "DaemonSet", "ds", "")
                + workloadYaml("v1", "ReplicationController", "rc", "  replicas: 4\n")
                + workloadYaml("batch/v1", "Job", "job", "  parallelism: 5\n")
                + workloadYaml("batch/v1", "Job", "job-default", ""));
        Map<String, Integer> expectedReplicas = Map.of("deploy", 3, "deploy-default", 1, "rs", 2, "sts", 0, "ds", 1, "rc", 4,
                "job", 5, "job-default", 1);
        List<ContainerPort> expectedPorts = List.of(new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort(null, 53, Protocol.UDP));
        assertEquals(expectedReplicas.size(), snapshot.workloads().size());
        for (Workload workload : snapshot.workloads()) {
            assertEquals(expectedReplicas.get(workload.name()), workload.replicas(), workload.name());
            assertEquals(Map.of("app", workload.name()), workload.podLabels(), workload.name());
            assertEquals(expectedPorts, workload.ports(), workload.name() + ": container ports only, not init containers");
            assertFalse(workload.hostNetwork());
        }
        assertEquals(WorkloadKind.REPLICATION_CONTROLLER, workload(snapshot, "shop/rc").kind());
        assertEquals(WorkloadKind.DAEMON_SET, workload(snapshot, "shop/ds").kind());
    }

    @Test
    void cronJobTakesItsPodTemplateFromTheJobTemplate() {
        ClusterSnapshot snapshot = loadValid("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      parallelism: 7
                      template:
                        metadata:
                          labels: {app: report}
                        spec:
                          containers:
                          - name: main
                            ports: [{containerPort: 9000}]
                """);
        Workload cron = workload(snapshot, "shop/report");
        assertEquals(WorkloadKind.CRON_JOB, cron.kind());
        assertEquals(1, cron.replicas());
        assertEquals(Map.of("app", "report"), cron.podLabels());
        assertEquals(List.of(new ContainerPort(null, 9000, Protocol.TCP)), cron.ports());
    }

    @Test
    void podTakesLabelsFromItsMetadataAndKeepsHostNetwork() {
        ClusterSnapshot snapshot = loadValid("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                  namespace: kube-system
                  labels: {app: agent, tier: node}
                spec:
                  hostNetwork: true
                  containers:
                  - name: agent
                    ports: [{name: metrics, containerPort: 9100}]
                """);
        Workload pod = workload(snapshot, "kube-system/agent");
        assertEquals(WorkloadKind.POD, pod.kind());
        assertEquals(1, pod.replicas());
        assertEquals(Map.of("app", "agent", "tier", "node"), pod.podLabels());
        assertTrue(pod.hostNetwork());
        assertEquals(List.of(new ContainerPort("metrics", 9100, Protocol.TCP)), pod.ports());
    }

    @Test
    void containerPortOutOfRangeLeavesTheWorkloadOut() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: broken}}
                    spec:
                      containers:
                      - name: main
                        ports:
                        - containerPort: 70000
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: fine, namespace: shop}
                spec:
                  containers: [{name: main}]
                """));
        assertAt(single(snapshot, Severity.ERROR, "containerPort is 70000"), "workloads.yaml", 11, 26);
        assertEquals(List.of("Pod shop/fine"), workloadIds(snapshot));
    }

    @Test
    void lowercaseContainerProtocolLeavesTheWorkloadOut() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: broken, namespace: shop}
                spec:
                  containers:
                  - name: main
                    ports: [{containerPort: 80, protocol: udp}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: fine, namespace: shop}
                spec:
                  containers: [{name: main}]
                """));
        assertAt(single(snapshot, Severity.ERROR, "\"udp\" is not a supported protocol"), "workloads.yaml", 7, 43);
        assertEquals(List.of("Pod shop/fine"), workloadIds(snapshot));
    }

    @Test
    void invalidContainerPortNameLeavesTheWorkloadOut() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: broken, namespace: shop}
                spec:
                  containers:
                  - name: main
                    ports: [{name: Web_Port, containerPort: 80}]
                """));
        assertAt(single(snapshot, Severity.ERROR, "\"Web_Port\" is not a valid port name"), "workloads.yaml", 7, 20);
        assertTrue(snapshot.workloads().isEmpty());
    }

    @Test
    void quotedReplicasIsRejectedAsTheApiDecodesIntegersStrictly() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml",
                workloadYaml("apps/v1", "Deployment", "quoted", "  replicas: \"3\"\n")));
        assertTrue(single(snapshot, Severity.ERROR, "spec.replicas must be a whole number").message().contains("remove the quotes"));
        assertTrue(snapshot.workloads().isEmpty());
    }

    @Test
    void workloadWithoutPodTemplateIsRejected() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: empty, namespace: shop}
                spec:
                  schedule: "@daily"
                """));
        assertAt(single(snapshot, Severity.ERROR, "spec.jobTemplate.spec.template is missing"), "workloads.yaml", 5, 3);
        assertTrue(snapshot.workloads().isEmpty());
    }

    @Test
    void podWithoutContainersIsKeptWithAWarning() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "workloads.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: bare, namespace: shop, labels: {app: bare}}
                """));
        single(snapshot, Severity.WARNING, "spec.containers is missing or empty");
        assertEquals(List.of(), workload(snapshot, "shop/bare").ports());
    }
}

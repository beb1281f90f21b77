package io.netpolviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy for pods an operator creates (kube-prometheus's policies for Prometheus and
 * Alertmanager) selects nothing in the manifests, which hold the operator's custom resources but
 * not the pods: the warning says the pods are probably an operator's.
 */
class OperatorPodsHintTest {

    private static final String OTHER_POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: grafana, namespace: monitoring, labels: {app.kubernetes.io/name: grafana}}
            spec: {containers: [{name: grafana, image: grafana}]}
            ---
            """;

    private static String policy(String name, String labels) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: %s, namespace: monitoring}
                spec: {podSelector: {matchLabels: {%s}}, policyTypes: [Ingress]}
                ---
                """.formatted(name, labels);
    }

    @Test
    void aPolicyForPrometheusPodsSaysAnOperatorProbablyMakesThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("monitoring.yaml"), OTHER_POD
                + policy("prometheus-k8s", "app.kubernetes.io/name: prometheus, app.kubernetes.io/component: prometheus")
                + policy("alertmanager-main", "alertmanager: main, operator.prometheus.io/name: main")
                + policy("typo", "app.kubernetes.io/name: grafanna"));

        CliRun run = CliRun.of("lint", dir.toString());

        assertEquals(LintCommand.FOUND, run.exitCode(), run.err());
        String prometheus = line(run.out(), "monitoring/prometheus-k8s selects no pod");
        assertTrue(prometheus.contains("Its label app.kubernetes.io/name=prometheus is one an operator sets on the pods it creates: the pods"
                + " are probably made by an operator"), prometheus);
        assertTrue(line(run.out(), "monitoring/alertmanager-main selects no pod").contains("operator.prometheus.io/name=main"), run.out());
        String typo = line(run.out(), "monitoring/typo selects no pod");
        assertFalse(typo.contains("operator"), typo);
        assertTrue(typo.contains("Check the labels"), typo);
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.contains(start)).findFirst().orElseThrow(() -> new AssertionError("no '" + start + "' in:\n" + out));
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster runs one network plugin, so an input holding both Cilium's and Calico's own policies is
 * a mistake or left-over objects. The two engines order their layers differently and cannot be
 * combined exactly, so the picture follows Cilium's and says so: the loader warns, leaves Calico's
 * policies out and counts their kind as not evaluated (the picture is then marked incomplete), and
 * an engine given a snapshot built with both by hand evaluates it as Cilium's alone.
 */
class CiliumBesideCalicoTest {

    private static final String WORKLOADS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: default}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 5432}]}]}
            """;

    private static final String CILIUM = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: db-from-web, namespace: default}
            spec:
              endpointSelector: {matchLabels: {app: db}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: web}}]
                toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
            """;

    /** Would deny everything into the database if it were evaluated. */
    private static final String CALICO = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: deny-into-db}
            spec:
              selector: app == 'db'
              types: [Ingress]
              ingress: [{action: Deny}]
            """;

    @TempDir
    Path dir;

    private ClusterSnapshot load(String... texts) throws IOException {
        List<Path> files = new ArrayList<>();
        Path folder = Files.createTempDirectory(dir, "input");
        for (int i = 0; i < texts.length; i++) {
            files.add(Files.writeString(folder.resolve("part" + i + ".yaml"), texts[i]));
        }
        return new ManifestLoader().load(files);
    }

    /** Every pair of workloads with the ports the evaluation allows, as text. */
    private static List<String> picture(ClusterSnapshot snapshot) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        List<String> out = new ArrayList<>();
        for (Endpoint.Pods source : engine.workloadEndpoints()) {
            for (Endpoint.Pods destination : engine.workloadEndpoints()) {
                out.add(source.id() + " -> " + destination.id() + ": " + evaluation.allowedPorts(source, destination));
            }
        }
        return out;
    }

    @Test
    void theLoaderWarnsFollowsCiliumAndCountsCalicosPoliciesAsNotEvaluated() throws IOException {
        ClusterSnapshot both = load(WORKLOADS, CILIUM, CALICO);

        assertEquals(1, both.ciliumPolicies().size());
        assertTrue(both.calico().policies().isEmpty(), "Calico's policies are left out");
        List<String> warnings = both.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("both Cilium policies (1) and Calico policies (1)")
                && w.contains("the picture follows Cilium's")), warnings::toString);
        assertEquals(List.of("projectcalico.org GlobalNetworkPolicy (Calico)"), both.unevaluatedPolicyKinds());
        assertFalse(both.isComplete(), "a picture that leaves policies out is not complete");
        assertEquals(picture(load(WORKLOADS, CILIUM)), picture(both));
    }

    @Test
    void anEngineGivenBothByHandEvaluatesCiliumsAlone() throws IOException {
        ClusterSnapshot cilium = load(WORKLOADS, CILIUM);
        ClusterSnapshot calico = load(WORKLOADS, CALICO);
        ClusterSnapshot both = new ClusterSnapshot("both", cilium.namespaces(), cilium.workloads(), cilium.services(), cilium.policies(),
                cilium.clusterPolicies(), cilium.diagnostics(), cilium.unevaluatedPolicyKinds(), cilium.ciliumPolicies(), calico.calico());

        assertEquals(1, both.calico().policies().size());
        assertTrue(PolicyEngine.compile(both).calicoPolicies().isEmpty());
        assertEquals(picture(cilium), picture(both));
        assertTrue(picture(both).contains("default/web -> default/db: TCP 5432"), picture(both)::toString);
        assertTrue(picture(calico).stream().noneMatch(line -> line.startsWith("default/web -> default/db: TCP")),
                "Calico's policy alone denies it, so following Cilium is a choice the test can see");
    }
}

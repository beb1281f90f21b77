package io.netpolviz.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Severity;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's Cilium policies: written as manifests that load with no error through the real
 * loader, the same bytes for the same seed, the rest of the cluster byte for byte as without them,
 * and every kind the generator writes switching something when toggled.
 */
class CiliumGenerationTest {

    @TempDir
    Path folder;

    @Test
    void generatedCiliumPoliciesLoadAndLeaveTheRestAsItWas() throws Exception {
        ClusterShape shape = new ClusterShape(600, 120, 3, 7, false, 10, 60);
        GeneratedCluster cluster = ClusterGenerator.generate(shape);
        assertEquals(cluster.files().get("cilium-policies.yaml"), ClusterGenerator.generate(shape).files().get("cilium-policies.yaml"));
        GeneratedCluster without = ClusterGenerator.generate(new ClusterShape(600, 120, 3, 7, false, 10));
        without.files().forEach((name, text) -> assertEquals(text, cluster.files().get(name), name));
        cluster.writeTo(folder);

        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(folder));

        assertEquals(60, snapshot.ciliumPolicies().size());
        assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), snapshot.diagnostics().toString());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation all = engine.evaluate();
        Evaluation none = engine.evaluate(Set.copyOf(snapshot.ciliumPolicies().stream().map(p -> p.id()).toList()));
        assertTrue(all.changesFrom(none).edges().size() > 0, "the Cilium policies change what is allowed");
    }
}

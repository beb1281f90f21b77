package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real repositories hold YAML and JSON that are not Kubernetes objects (a chart's values, a
 * package.json, an API description): they are skipped with one line, not reported as broken
 * manifests; and an input with nothing NetPolViz reads says so instead of drawing an empty cluster.
 */
class NotManifestsTest {

    @TempDir
    Path dir;

    @Test
    void filesOfOtherYamlAreOneQuietLineAndTheManifestsStillLoad() {
        Fixtures.write(dir, "package.json", "{\"name\": \"shop\", \"version\": \"1.0.0\"}");
        Fixtures.write(dir, "chart/values.yaml", "replicaCount: 2\nimage: {repository: nginx}\n---\nextra: true\n");
        Fixtures.write(dir, "api/swagger.yaml", "openapi: 3.0.0\ninfo: {title: shop}\n");
        Fixtures.write(dir, "web.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: web, image: nginx}]}
                """);

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(List.of("Pod shop/web"), Fixtures.workloadIds(snapshot));
        Diagnostic skipped = Fixtures.single(snapshot, Severity.NOTE, "without apiVersion and kind");
        assertTrue(skipped.message().startsWith("4 documents in 3 files without apiVersion and kind skipped"), skipped.message());
        assertEquals(1, snapshot.diagnostics().stream().filter(d -> d.message().contains("apiVersion")).count(), Fixtures.all(snapshot));
    }

    @Test
    void aDocumentWithAnApiVersionButNoKindIsStillABrokenManifest() {
        Fixtures.write(dir, "broken.yaml", "apiVersion: v1\nmetadata: {name: what}\n");

        assertTrue(Fixtures.single(Fixtures.load(dir), Severity.ERROR, "has no kind").message().contains("needs apiVersion and kind"));
    }

    @Test
    void aFolderWithNothingToReadSaysSoAndWhy() {
        Fixtures.write(dir, "values.yaml", "replicaCount: 2\n");

        ClusterSnapshot snapshot = Fixtures.load(dir);

        String warning = Fixtures.single(snapshot, Severity.WARNING, "nothing to show").message();
        assertTrue(warning.startsWith("nothing to show: 1 file was read, but none holds a Namespace, Pod, workload, Service or policy"),
                warning);
    }

    @Test
    void anEmptyFolderSaysNoManifestFileWasFound() {
        assertTrue(Fixtures.single(Fixtures.load(dir), Severity.WARNING, "nothing to show").message()
                .contains("no .yaml, .yml or .json file was found there"));
    }
}

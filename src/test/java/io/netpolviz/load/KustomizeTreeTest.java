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
 * A kustomize tree is not rendered (there is no kustomize for Java): it is recognised, said once
 * with the command that renders it, and its patches, which are partial objects, are not read as
 * broken ones. A base and an overlay that both define an object say which copy is used.
 */
class KustomizeTreeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aKustomizationIsSaidOnceAndItsPatchesAreNotBrokenObjects() {
        Fixtures.write(dir, "app/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop
                resources: [deployment.yaml]
                patches:
                - path: delete-web.yaml
                patchesStrategicMerge: [replicas.yaml]
                """);
        Fixtures.write(dir, "app/deployment.yaml", DEPLOYMENT);
        Fixtures.write(dir, "app/delete-web.yaml", "$patch: delete\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        Fixtures.write(dir, "app/replicas.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n");

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        assertEquals(List.of("Deployment default/web"), Fixtures.workloadIds(snapshot));
        String note = Fixtures.single(snapshot, Severity.WARNING, "kustomization").message();
        assertTrue(note.contains("kubectl kustomize " + dir.resolve("app") + " > rendered.yaml"), note);
        assertTrue(note.contains("Its 2 patch files are not read as objects"), note);
        assertFalse(Fixtures.all(snapshot).contains("Kustomization: 1 object skipped"), Fixtures.all(snapshot));
    }

    @Test
    void aBaseAndAnOverlayDefiningTheSameObjectSayWhichCopyIsUsed() {
        Fixtures.write(dir, "base/kustomization.yaml", "resources: [deployment.yaml]\n");
        Fixtures.write(dir, "base/deployment.yaml", DEPLOYMENT);
        Fixtures.write(dir, "overlays/prod/kustomization.yaml", "resources: [../../base, deployment.yaml]\n");
        Fixtures.write(dir, "overlays/prod/deployment.yaml", DEPLOYMENT);

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        Diagnostic copy = Fixtures.single(snapshot, Severity.WARNING, "is also defined in");
        assertTrue(copy.message().contains("that copy is used") && copy.message().contains(dir.resolve("base").toString()), copy.message());
        assertTrue(copy.message().contains("kubectl kustomize " + dir.resolve("overlays/prod")), copy.message());
        assertTrue(Fixtures.single(snapshot, Severity.WARNING, "2 kustomizations").message().contains("render the overlay's folder"));
    }

    @Test
    void anObjectDefinedTwiceInOneFolderIsStillAnError() {
        Fixtures.write(dir, "a.yaml", DEPLOYMENT);
        Fixtures.write(dir, "b.yaml", DEPLOYMENT);

        assertTrue(Fixtures.single(Fixtures.load(dir), Severity.ERROR, "is defined twice").message().contains("remove one of them"));
    }
}

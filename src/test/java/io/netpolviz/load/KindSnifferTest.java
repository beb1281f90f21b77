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
 * Documents of a skipped kind are recognised without parsing them, and nothing else changes: they
 * are counted as before, and the documents around them keep their lines and columns (and their text).
 */
class KindSnifferTest {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: things.example.io}
            spec:
              versions:
              - schema:
                  openAPIV3Schema:
                    description: |
                      kind: Deployment
                      apiVersion: apps/v1
                    properties: {spec: {type: object}}
            """;

    @TempDir
    Path dir;

    @Test
    void aSkippedKindIsLeftUnparsedAndTheRestKeepsItsPositions() {
        String text = CRD + "---\n" + CRD.replace("things.", "others.") + "---\n"
                + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\n"
                + "spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]}\n";

        KindSniffer.Result sniffed = KindSniffer.sniff(text);

        assertEquals(List.of(new KindSniffer.Skipped("CustomResourceDefinition", "apiextensions.k8s.io/v1", 1, 1),
                new KindSniffer.Skipped("CustomResourceDefinition", "apiextensions.k8s.io/v1", 13, 1)), sniffed.skipped());
        assertEquals(text.lines().count(), sniffed.text().lines().count());
        assertFalse(sniffed.text().contains("openAPIV3Schema"));

        Fixtures.write(dir, "all.yaml", text);
        ClusterSnapshot snapshot = Fixtures.load(dir);
        Fixtures.assertAt(Fixtures.single(snapshot, Severity.ERROR, "10.0.0.0/33"), "all.yaml", 28, 60);
        Diagnostic crds = Fixtures.single(snapshot, Severity.NOTE, "CustomResourceDefinition: 2 objects skipped");
        Fixtures.assertAt(crds, "all.yaml", 1, 1);
        Fixtures.write(dir, "all.yaml", CRD + "---\n" + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                + "metadata: {name: q, namespace: shop}\nspec: {podSelector: {}}\n");
        io.netpolviz.model.NetworkPolicy kept = Fixtures.policy(Fixtures.load(dir), "shop/q");
        assertEquals(13, kept.where().line());
        assertTrue(kept.sourceText().startsWith("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"), kept.sourceText());
    }

    @Test
    void whatCannotBeRecognisedSafelyIsLeftToTheParser() {
        for (String text : List.of(
                "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}",
                "kind: ConfigMap\nkind: Secret\napiVersion: v1\n",
                "apiVersion: v1\nkind: &k ConfigMap\n",
                "apiVersion: v1\nkind: ConfigMapList\nitems: []\n",
                "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n",
                "apiVersion: v1\nkind: !!str ConfigMap\n")) {
            assertTrue(KindSniffer.sniff(text).skipped().isEmpty(), text);
        }
    }

    @Test
    void aSkippedDocumentWithBrokenYamlIsCountedNotReported() {
        Fixtures.write(dir, "cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {broken: [\n");

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        Fixtures.single(snapshot, Severity.NOTE, "ConfigMap: 1 object skipped");
    }
}

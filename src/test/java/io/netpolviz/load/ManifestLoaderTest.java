package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.assertAt;
import static io.netpolviz.load.Fixtures.single;
import static io.netpolviz.load.Fixtures.workloadIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files and folders: every bad input becomes a diagnostic, and everything else still loads. */
class ManifestLoaderTest {

    @TempDir
    Path dir;

    private static String namespace(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n";
    }

    private static List<String> namespaceNames(ClusterSnapshot snapshot) {
        return snapshot.namespaces().stream().map(Namespace::name).toList();
    }

    @Test
    void multiDocumentFileLoadsEveryDocumentAndIgnoresEmptyOnes() {
        Path file = Fixtures.write(dir, "all.yaml", "---\n" + namespace("a") + "---\n# only a comment\n---\n" + namespace("b") + "---\n");
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertTrue(snapshot.diagnostics().isEmpty(), Fixtures.all(snapshot));
        assertEquals(List.of("a", "b"), namespaceNames(snapshot));
    }

    @Test
    void jsonIsReadLikeYamlWithPositions() {
        Path file = Fixtures.write(dir, "policy.json", """
                {
                \t"apiVersion": "networking.k8s.io/v1",
                \t"kind": "NetworkPolicy",
                \t"metadata": {"name": "p", "namespace": "shop"},
                \t"spec": {
                \t\t"podSelector": {},
                \t\t"ingress": [{"ports": [{"port": 99999}]}]
                \t}
                }
                """);
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "port is 99999"), "policy.json", 7, 35);
        Path good = Fixtures.write(dir, "good.json", """
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "p", "namespace": "shop"}, "spec": {"podSelector": {}}}
                """);
        assertEquals(List.of("shop/p"), Fixtures.policyIds(Fixtures.load(good)));
    }

    @Test
    void syntaxErrorKeepsTheDocumentsBeforeItAndOtherFiles() {
        Path broken = Fixtures.write(dir, "broken.yaml", namespace("a") + "---\n" + namespace("b") + """
                ---
                apiVersion: v1
                kind: Namespace
                metadata: name: c
                ---
                """ + namespace("d"));
        Path other = Fixtures.write(dir, "other.yaml", namespace("e"));
        ClusterSnapshot snapshot = Fixtures.load(broken, other);
        Diagnostic error = single(snapshot, Severity.ERROR, "YAML syntax error");
        assertAt(error, "broken.yaml", 11, 15);
        assertTrue(error.message().contains("mapping values are not allowed here"), error.message());
        assertEquals(List.of("a", "b", "e"), namespaceNames(snapshot));
    }

    @Test
    void duplicateKeySkipsOnlyThatDocument() {
        Path file = Fixtures.write(dir, "dup.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                kind: Pod
                ---
                """ + namespace("b"));
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "duplicate key"), "dup.yaml", 4, 1);
        assertEquals(List.of("b"), namespaceNames(snapshot));
    }

    @Test
    void documentThatIsNotAnObjectIsAnError() {
        Path file = Fixtures.write(dir, "list.yaml", "- a\n- b\n---\n" + namespace("ok"));
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "this document is a list, not a Kubernetes object"), "list.yaml", 1, 1);
        assertEquals(List.of("ok"), namespaceNames(snapshot));
    }

    @Test
    void folderIsWalkedRecursivelyInNameOrderSkippingHiddenFoldersAndOtherFiles() {
        Fixtures.write(dir, "b/z.yml", namespace("from-b-z"));
        Fixtures.write(dir, "a.yaml", namespace("from-a"));
        Fixtures.write(dir, "c.JSON", "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"from-c\"}}");
        Fixtures.write(dir, "notes.txt", "not: [a manifest");
        Fixtures.write(dir, ".git/config.yaml", "broken: [");
        Fixtures.write(dir, ".hidden/ns.yaml", namespace("hidden"));
        // The same name in two files: the first in walk order wins, which shows the order.
        Fixtures.write(dir, "a.yaml", namespace("from-a") + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: first}]}\n");
        Fixtures.write(dir, "b/y.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: second}]}\n");
        ClusterSnapshot snapshot = Fixtures.load(dir);
        assertEquals(List.of("from-a", "from-b-z", "from-c", "x"), namespaceNames(snapshot));
        // In another folder the second copy is a variant (kustomize overlay), not a mistake: a warning names the copy used.
        assertAt(single(snapshot, Severity.WARNING, "Pod x/p is also defined in " + dir), "y.yaml", 1, 1);
        assertEquals(0, Fixtures.withSeverity(snapshot, Severity.ERROR).size(), Fixtures.all(snapshot));
        assertEquals(dir.toString(), snapshot.sourceName());
    }

    @Test
    void diagnosticsNameFilesBelowTheFolderAsGiven() {
        Fixtures.write(dir, "sub/bad.yaml", "apiVersion: v1\nkind: Pod\n");
        ClusterSnapshot snapshot = Fixtures.load(dir);
        Diagnostic error = single(snapshot, Severity.ERROR, "metadata is missing");
        assertEquals(dir.resolve("sub").resolve("bad.yaml").toString(), error.where().file());
    }

    @Test
    void symbolicLinkLoopIsRefusedAndTheRestLoads() throws IOException {
        Fixtures.write(dir, "app/ns.yaml", namespace("app"));
        Files.createSymbolicLink(dir.resolve("app").resolve("loop"), dir);
        ClusterSnapshot snapshot = Fixtures.load(dir);
        Diagnostic error = single(snapshot, Severity.ERROR, "symbolic link loop");
        assertEquals(dir.resolve("app").resolve("loop").toString(), error.where().file());
        assertEquals(List.of("app"), namespaceNames(snapshot));
    }

    @Test
    void brokenSymbolicLinkIsReportedAsUnreadable() throws IOException {
        Fixtures.write(dir, "ok.yaml", namespace("ok"));
        Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("missing-target.yaml"));
        ClusterSnapshot snapshot = Fixtures.load(dir);
        Diagnostic error = single(snapshot, Severity.ERROR, "is a symbolic link to");
        assertEquals(dir.resolve("gone.yaml").toString(), error.where().file());
        assertTrue(error.message().contains("missing-target.yaml"), error.message());
        assertEquals(List.of("ok"), namespaceNames(snapshot));
    }

    @Test
    void missingPathIsAnErrorAndTheOtherPathsLoad() {
        Path present = Fixtures.write(dir, "present.yaml", namespace("present"));
        Path missing = dir.resolve("nope.yaml");
        ClusterSnapshot snapshot = Fixtures.load(missing, present);
        Diagnostic error = single(snapshot, Severity.ERROR, "does not exist");
        assertEquals(missing.toString(), error.where().file());
        assertEquals(List.of("present"), namespaceNames(snapshot));
        assertEquals(missing + ", " + present, snapshot.sourceName());
    }

    @Test
    void explicitlyGivenFileIsReadWhateverItsExtension() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "manifest.txt", namespace("txt")));
        assertEquals(List.of("txt"), namespaceNames(snapshot));
    }

    @Test
    void sameFileGivenTwiceIsReadOnce() {
        Path file = Fixtures.write(dir, "ns.yaml", namespace("once"));
        ClusterSnapshot snapshot = Fixtures.load(file, dir);
        assertFalse(snapshot.hasErrors(), Fixtures.all(snapshot));
        single(snapshot, Severity.NOTE, "is the same file as");
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        Path binary = dir.resolve("image.yaml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Fixtures.write(dir, "ok.yaml", namespace("ok"));
        ClusterSnapshot snapshot = Fixtures.load(dir);
        assertEquals(binary.toString(), single(snapshot, Severity.ERROR, "binary file").where().file());
        assertEquals(List.of("ok"), namespaceNames(snapshot));
    }

    @Test
    void invalidUtf8IsRefusedAtTheBadByte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        byte[] text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        ClusterSnapshot snapshot = Fixtures.load(file);
        Diagnostic error = single(snapshot, Severity.ERROR, "is not valid UTF-8");
        assertAt(error, "latin1.yaml", 3, 21);
        assertTrue(error.message().contains("0xE9"), error.message());
    }

    @Test
    void utf16FileIsRefusedWithAHint() throws IOException {
        Path file = dir.resolve("windows.yaml");
        Files.write(file, ("\uFEFF" + namespace("x")).getBytes(StandardCharsets.UTF_16LE));
        single(Fixtures.load(file), Severity.ERROR, "save it as UTF-8");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFF" + namespace("bom")).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("bom"), namespaceNames(Fixtures.load(file)));
    }

    @Test
    void fileOverTheSizeLimitIsRefused() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(namespace("huge").getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written <= LoadLimits.DEFAULT.maxFileBytes(); written += line.length) {
                out.write(line);
            }
        }
        Fixtures.write(dir, "small.yaml", namespace("small"));
        ClusterSnapshot snapshot = Fixtures.load(dir);
        Diagnostic error = single(snapshot, Severity.ERROR, "more than the limit of 16.0 MB");
        assertEquals(huge.toString(), error.where().file());
        assertEquals(List.of("small"), namespaceNames(snapshot));
    }

    @Test
    void smallerConfiguredSizeLimitApplies() {
        Path file = Fixtures.write(dir, "ns.yaml", namespace("x"));
        ClusterSnapshot snapshot = new ManifestLoader(new LoadLimits(10, 50, 50, 1000)).load(List.of(file));
        single(snapshot, Severity.ERROR, "more than the limit");
        assertTrue(snapshot.namespaces().isEmpty());
    }

    @Test
    void billionLaughsIsRefusedByTheAliasLimit() {
        StringBuilder bomb = new StringBuilder(namespace("before") + "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = String.valueOf(name);
        }
        Path file = Fixtures.write(dir, "bomb.yaml", bomb.toString());
        Fixtures.write(dir, "z.yaml", namespace("after"));
        ClusterSnapshot snapshot = Fixtures.load(dir);
        assertAt(single(snapshot, Severity.ERROR, "alias bomb"), "bomb.yaml", 4, 1);
        assertEquals(List.of("after", "before"), namespaceNames(snapshot));
        assertTrue(file.toFile().length() < 1000, "the bomb is small; only expanding it would be huge");
    }

    @Test
    void aliasChainWithinTheAliasLimitIsRefusedByTheExpansionLimit() {
        StringBuilder chain = new StringBuilder("a0: &a0 [x, y]\n");
        for (int i = 1; i <= 25; i++) {
            chain.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Path file = Fixtures.write(dir, "chain.yaml", chain + "---\n" + namespace("after"));
        ClusterSnapshot snapshot = Fixtures.load(file);
        Diagnostic error = single(snapshot, Severity.ERROR, "alias bomb");
        assertTrue(error.message().contains("expand this document"), error.message());
        assertEquals(List.of("after"), namespaceNames(snapshot));
    }

    @Test
    void anchorContainingItselfIsRefused() {
        Path file = Fixtures.write(dir, "self.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: &m {name: self, again: *m}\n---\n" + namespace("after"));
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "contains an alias to itself"), "self.yaml", 3, 11);
        assertEquals(List.of("after"), namespaceNames(snapshot));
    }

    @Test
    void tooDeepDocumentIsRefused() {
        Path file = Fixtures.write(dir, "deep.yaml", namespace("before") + "---\nkey: " + "[".repeat(80) + "]".repeat(80) + "\n");
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "nested more than 50 levels deep"), "deep.yaml", 4, 1);
        assertEquals(List.of("before"), namespaceNames(snapshot));
    }

    @Test
    void controlCharacterIsReportedWhereItIs() {
        Path file = Fixtures.write(dir, "ctrl.yaml", namespace("before") + "---\napiVersion: v1\nkind: Name\u0007space\n");
        ClusterSnapshot snapshot = Fixtures.load(file);
        assertAt(single(snapshot, Severity.ERROR, "U+0007 is not allowed"), "ctrl.yaml", 6, 11);
        assertEquals(List.of("before"), namespaceNames(snapshot));
    }

    @Test
    void loadingIsDeterministic() {
        Fixtures.write(dir, "m/b.yaml", namespace("b") + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p2, namespace: b}\n");
        Fixtures.write(dir, "m/a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p1, namespace: b}\nspec: {containers: [{name: c}]}\n");
        Fixtures.write(dir, "m/c/d.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n");
        ClusterSnapshot first = Fixtures.load(dir.resolve("m"));
        ClusterSnapshot second = Fixtures.load(dir.resolve("m"));
        assertEquals(first, second);
        assertEquals(List.of("Pod b/p1", "Pod b/p2"), workloadIds(first));
        ClusterSnapshot reversed = Fixtures.load(dir.resolve("m/c/d.yaml"), dir.resolve("m/b.yaml"), dir.resolve("m/a.yaml"));
        assertEquals(first.workloads(), reversed.workloads());
        assertEquals(first.diagnostics(), reversed.diagnostics());
    }
}

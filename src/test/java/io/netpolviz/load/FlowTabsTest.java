package io.netpolviz.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tabs that YAML allows inside flow collections. YAML 1.2.2, 6.1: "To maintain portability, tab
 * characters must not be used in indentation"; 6.2 "Separation Spaces": "Outside indentation and
 * scalar content, YAML uses white space characters for separation between tokens", and white space
 * is "s-white ::= s-space | s-tab". netpol-analyzer's tests/acs-security-demos-added-workloads has
 * such a tab in a Deployment's {@code args} list, which Go's reader takes and SnakeYAML refuses.
 */
class FlowTabsTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: webapp, namespace: frontend}
            spec:
              selector: {matchLabels: {app: webapp}}
              template:
                metadata: {labels: {app: webapp}}
                spec:
                  containers:
                    - name: webapp
                      args:
                        [
                          "-jar",
            \t            "-Dlisten=8080",
                        ]
                      ports: [{containerPort: 8080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: webapp, namespace: frontend}
            spec: {selector: {app: webapp}, ports: [{port: 80, targetPort: 8080}]}
            """;

    @Test
    void aTabInAFlowListIsReadAsGosReaderReadsIt() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "deployment.yaml", DEPLOYMENT));
        assertEquals(List.of("frontend/webapp"), snapshot.workloads().stream().map(w -> w.id()).toList(), Fixtures.all(snapshot));
        assertTrue(snapshot.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), Fixtures.all(snapshot));
        assertEquals(8080, snapshot.workloads().get(0).ports().get(0).port());
    }

    @Test
    void aTabThatIndentsABlockIsStillAnErrorAtItsLine() {
        ClusterSnapshot snapshot = Fixtures.load(Fixtures.write(dir, "bad.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                \tname: shop
                """));
        assertTrue(snapshot.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.where().line() == 4),
                Fixtures.all(snapshot));
    }

    @Test
    void onlyTabsBetweenTokensOfFlowCollectionsChangeAndNothingMoves() {
        String text = "a: [1,\t2]\nb: \"x\t[y\"\nc: |\n  [\tliteral\n# [\tcomment\nd: {e:\tf}\n";
        String spaced = FlowTabs.spaced(text);
        assertEquals("a: [1, 2]\nb: \"x\t[y\"\nc: |\n  [\tliteral\n# [\tcomment\nd: {e: f}\n", spaced);
        assertEquals(text.length(), spaced.length());
        String withoutTabs = "a: [1, 2]\n";
        assertSame(withoutTabs, FlowTabs.spaced(withoutTabs));
    }
}

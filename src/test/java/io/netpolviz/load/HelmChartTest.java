package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder with Chart.yaml is a Helm chart: rendered offline by the embedded Helm, as
 * {@code helm template} would, with its values and the ones given, and problems point into the
 * template that produced the object.
 */
class HelmChartTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-web
              namespace: {{ .Values.namespace }}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports:
                    - containerPort: {{ .Values.port }}
            """;

    /** Line 11 is the ipBlock's cidr, which is invalid. */
    private static final String POLICY = """
            {{- if .Values.policy }}
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
              namespace: {{ .Values.namespace }}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from:
                - ipBlock: {cidr: "10.0.0.0/33"}
            {{- end }}
            """;

    @TempDir
    Path dir;

    private Path chart(String dependencies) {
        Fixtures.write(dir, "shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n" + dependencies);
        Fixtures.write(dir, "shop/values.yaml", "namespace: shop\nport: 8080\npolicy: true\n");
        Fixtures.write(dir, "shop/templates/deployment.yaml", DEPLOYMENT);
        Fixtures.write(dir, "shop/templates/policy.yaml", POLICY);
        Fixtures.write(dir, "shop/templates/_helpers.tpl", "{{- define \"shop.name\" -}}shop{{- end }}\n");
        return dir.resolve("shop");
    }

    @Test
    void aChartIsRenderedWithItsDefaultValuesAndSaysSo() {
        ClusterSnapshot snapshot = Fixtures.load(chart(""));

        assertEquals(List.of("Deployment shop/release-name-web"), Fixtures.workloadIds(snapshot));
        assertEquals(List.of(new ContainerPort(null, 8080, io.netpolviz.model.Protocol.TCP)), snapshot.workloads().get(0).ports());
        assertTrue(Fixtures.single(snapshot, Severity.NOTE, "Helm chart rendered").message().contains("default values"));
        // Templates are not YAML: nothing of the chart's folder is read as a manifest.
        assertFalse(Fixtures.all(snapshot).contains("syntax"), Fixtures.all(snapshot));
    }

    @Test
    void aProblemPointsAtTheTemplateLineThatProducedIt() {
        ClusterSnapshot snapshot = Fixtures.load(chart(""));

        Diagnostic cidr = Fixtures.single(snapshot, Severity.ERROR, "10.0.0.0/33");
        assertEquals(dir.resolve("shop") + "/templates/policy.yaml", cidr.where().file());
        assertEquals(11, cidr.where().line(), cidr.display());
        assertEquals(dir.resolve("shop") + "/templates/deployment.yaml", snapshot.workloads().get(0).where().file());
        assertEquals(1, snapshot.workloads().get(0).where().line());
    }

    @Test
    void valuesFilesAndSettingsChangeWhatIsRendered() {
        Path chart = chart("");
        Path values = Fixtures.write(dir, "prod.yaml", "namespace: prod\npolicy: false\n");

        ClusterSnapshot snapshot = new ManifestLoader().withChartValues(new ChartValues(List.of(values), List.of("port=9090")))
                .load(List.of(chart));

        assertEquals(List.of("Deployment prod/release-name-web"), Fixtures.workloadIds(snapshot));
        assertEquals(9090, snapshot.workloads().get(0).ports().get(0).port());
        assertTrue(snapshot.policies().isEmpty());
        assertTrue(Fixtures.single(snapshot, Severity.NOTE, "Helm chart rendered").message().contains("--set port=9090"));
    }

    @Test
    void dependenciesThatAreNotVendoredAreNamedWithTheCommandThatFetchesThem() {
        Path chart = chart("dependencies:\n- name: redis\n  version: 17.0.0\n  repository: https://charts.bitnami.com/bitnami\n");

        String message = Fixtures.single(Fixtures.load(chart), Severity.ERROR, "not in its charts/ folder").message();

        assertTrue(message.contains("redis") && message.contains("helm dependency build " + chart), message);
    }

    @Test
    void aTemplateThatFailsIsOneErrorNamingTheTemplate() {
        Path chart = chart("");
        Fixtures.write(dir, "shop/templates/broken.yaml", "kind: {{ .Values.missing.deeper }}\n");

        Diagnostic error = Fixtures.single(Fixtures.load(chart), Severity.ERROR, "could not be rendered");

        assertTrue(error.message().contains("shop/templates/broken.yaml"), error.message());
    }

    @Test
    void aChartInsideAFolderIsRenderedAlongTheOtherManifests() {
        chart("");
        Fixtures.write(dir, "ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertEquals(List.of("Deployment shop/release-name-web"), Fixtures.workloadIds(snapshot));
        assertFalse(snapshot.namespaces().get(0).implicit());
    }

    @Test
    void aChartAtAGitRevisionIsRenderedFromItsFilesAsTheRevisionHoldsThem() throws Exception {
        Path folder = chart("");
        Fixtures.write(dir, "shop/../other.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("chart").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
        }
        // The working tree moves on; the revision still holds port 8080 and the policy.
        Fixtures.write(dir, "shop/values.yaml", "namespace: shop\nport: 9090\npolicy: false\n");

        ClusterSnapshot atMain = new GitRevisionReader(new ManifestLoader()).read("main", dir);

        assertEquals(List.of("Deployment shop/release-name-web"), Fixtures.workloadIds(atMain));
        assertEquals(List.of(new ContainerPort(null, 8080, io.netpolviz.model.Protocol.TCP)), atMain.workloads().get(0).ports());
        assertTrue(atMain.namespaces().stream().anyMatch(namespace -> namespace.name().equals("other")), "the manifest beside the chart");
        // The template's problem points at the template's line in the revision, named as the revision names it.
        Diagnostic cidr = Fixtures.single(atMain, Severity.ERROR, "10.0.0.0/33");
        assertEquals("git:main:shop/templates/policy.yaml", cidr.where().file());
        assertEquals(11, cidr.where().line());
        assertFalse(Fixtures.all(atMain).contains("syntax"), Fixtures.all(atMain));
        assertTrue(Files.exists(folder.resolve("Chart.yaml")), "the working tree is untouched");
    }
}

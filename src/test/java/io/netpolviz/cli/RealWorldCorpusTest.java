package io.netpolviz.cli;

import io.netpolviz.load.ChartValues;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public projects as a new user opens them (src/test/resources/corpus, see its README): a Helm
 * chart, a kustomize tree, a policy-only recipe collection. Each loads without errors or false
 * "defined twice", with few diagnostics and the warnings that matter, in little time, and the
 * verdicts derived by hand (the *.probes.tsv files) are the ones {@code check} gives.
 */
class RealWorldCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Path BOUTIQUE = CORPUS.resolve("online-boutique");
    /** Far above the measured load (docs/benchmarks.md); here to catch a pathology, not to benchmark. */
    private static final long MAX_LOAD_MILLIS = 15_000;

    private static ClusterSnapshot load(Path path, ChartValues values) {
        long start = System.nanoTime();
        ClusterSnapshot snapshot = new ManifestLoader().withChartValues(values).load(List.of(path));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "corpus %s: %d ms, %d workloads, %d policies, %d diagnostics%n", path, millis,
                snapshot.workloads().size(), snapshot.policies().size(), snapshot.diagnostics().size());
        assertTrue(millis < MAX_LOAD_MILLIS, path + " took " + millis + " ms");
        return snapshot;
    }

    private static String all(ClusterSnapshot snapshot) {
        return String.join("\n", snapshot.diagnostics().stream().map(Diagnostic::display).toList());
    }

    private static List<Diagnostic> withSeverity(ClusterSnapshot snapshot, Severity severity) {
        return snapshot.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    }

    /** Runs {@code check} on the probes of {@code expected} and compares its verdicts with the ones written there by hand. */
    private static void assertVerdicts(Path expected, String... source) throws IOException {
        List<String> probes = Files.readAllLines(expected).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> args = new ArrayList<>(List.of("check", "--probes", "-"));
        args.addAll(List.of(source));
        CliRun run = CliRun.withInput(String.join("\n", probes) + "\n", args.toArray(String[]::new));
        List<String> answers = run.out().lines().toList();
        assertEquals(probes.size(), answers.size(), run.out() + run.err());
        for (int i = 0; i < probes.size(); i++) {
            String[] probe = probes.get(i).split("\t");
            String[] answer = answers.get(i).split("\t");
            assertEquals(String.join(" ", List.of(probe).subList(0, 4)), String.join(" ", List.of(answer).subList(0, 4)));
            assertEquals(probe[4], answer[4], expected.getFileName() + ": " + probes.get(i));
        }
    }

    @Test
    void theKustomizeTreeLoadsAsWrittenAndSaysHowToRenderIt() throws IOException {
        Path tree = BOUTIQUE.resolve("kustomize");
        ClusterSnapshot snapshot = load(tree, ChartValues.DEFAULTS);

        assertEquals(List.of(), withSeverity(snapshot, Severity.ERROR), all(snapshot));
        assertFalse(all(snapshot).contains("defined twice") || all(snapshot).contains("also defined in"), all(snapshot));
        assertEquals(12, snapshot.workloads().size(), all(snapshot));
        assertEquals(13, snapshot.policies().size(), all(snapshot));
        List<Diagnostic> warnings = withSeverity(snapshot, Severity.WARNING);
        assertEquals(1, warnings.size(), all(snapshot));
        assertTrue(warnings.get(0).message().startsWith("this is 2 kustomizations (the first here)"), warnings.get(0).message());
        assertTrue(snapshot.diagnostics().size() <= 5, all(snapshot));
        assertVerdicts(BOUTIQUE.resolve("kustomize.probes.tsv"), "--manifests", tree.toString());
    }

    @Test
    void theHelmChartIsRenderedWithTheValuesGivenAndItsPoliciesDecide() throws IOException {
        Path chart = BOUTIQUE.resolve("helm-chart");
        ClusterSnapshot snapshot = load(chart, new ChartValues(List.of(), List.of("networkPolicies.create=true")));

        assertEquals(List.of(), withSeverity(snapshot, Severity.ERROR), all(snapshot));
        assertFalse(all(snapshot).contains("defined twice"), all(snapshot));
        assertEquals(12, snapshot.workloads().size(), all(snapshot));
        assertEquals(13, snapshot.policies().size(), all(snapshot));
        // Every object points into the template it came from.
        assertTrue(snapshot.policies().stream().allMatch(p -> p.where().file().startsWith(chart + "/templates/")), all(snapshot));
        assertTrue(snapshot.diagnostics().size() <= 5, all(snapshot));
        assertVerdicts(BOUTIQUE.resolve("helm-chart.probes.tsv"), "--manifests", chart.toString(), "--set", "networkPolicies.create=true");
        assertVerdicts(BOUTIQUE.resolve("helm-chart-defaults.probes.tsv"), "--manifests", chart.toString());
    }

    @Test
    void aPolicyOnlyRepositoryIsDrawnWithStandInsForThePodsItsSelectorsName() {
        CliRun lint = CliRun.of("lint", CORPUS.resolve("policy-recipes").toString());
        ClusterSnapshot snapshot = load(CORPUS.resolve("policy-recipes"), ChartValues.DEFAULTS);

        assertEquals(List.of(), withSeverity(snapshot, Severity.ERROR), all(snapshot));
        assertFalse(all(snapshot).contains("defined twice"), all(snapshot));
        assertEquals(6, snapshot.policies().size(), all(snapshot));
        assertTrue(all(snapshot).contains("no workload or pod was read, only policies"), all(snapshot));
        assertTrue(!snapshot.workloads().isEmpty()
                && snapshot.workloads().stream().allMatch(workload -> workload.kind() == io.netpolviz.model.WorkloadKind.STAND_IN),
                snapshot.workloads().toString());
        // Read with stand-ins, the recipes say what they do: recipe 06 admits namespaces labelled purpose=production, and
        // no namespace read has that label. Recipe 11 isolates app=foo's egress while recipe 04 admits every pod of the
        // namespace: a rule for every pod names no one, so foo's closed egress is no half-open path.
        assertEquals(LintCommand.FOUND, lint.exitCode(), lint.err());
        assertTrue(lint.out().contains("default/web-allow-prod ingress rule #0: the peer \"all pods in namespaces purpose=production\" matches no pod"),
                lint.out());
        assertFalse(lint.out().contains("egress is isolated by default/foo-deny-egress"), lint.out());
    }
}

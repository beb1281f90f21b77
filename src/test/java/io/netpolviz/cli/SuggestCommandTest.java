package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.ReferenceEvaluator;
import io.netpolviz.policy.ReferenceEvaluator.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code suggest} end to end: YAML on standard output that opens the connection once applied, words on standard error, exit codes. */
class SuggestCommandTest {

    private static final String TUTORIAL = "sample-clusters/01-tutorial";
    private static final String[] TUTORIAL_ALLOWS = {"--off", "production/allow-frontend-egress-to-api", "--off",
            "production/allow-frontend-to-api", "--off", "production/allow-frontend-to-backend"};

    @TempDir
    Path work;

    @Test
    void allowPrintsPoliciesThatOpenTheTutorialsBrokenPathOnceApplied() throws Exception {
        CliRun run = CliRun.of(concat(new String[] {"suggest", TUTORIAL, "--allow", "production/frontend", "production/backend-api", "8080/TCP"},
                TUTORIAL_ALLOWS));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("To allow production/frontend \u2192 production/backend-api on TCP 8080:"), run.err());
        assertTrue(run.err().contains("Nothing else changes."), run.err());
        // Both halves block (deny-all isolates both directions): the proposal must open both, as Kubernetes needs.
        Path yaml = Files.writeString(work.resolve("fix.yaml"), run.out());
        ClusterSnapshot fix = new ManifestLoader().load(List.of(yaml));
        ClusterSnapshot lesson = new ManifestLoader().load(List.of(Path.of(TUTORIAL)));
        Map<PolicyId, NetworkPolicy> applied = new TreeMap<>();
        lesson.policies().forEach(p -> applied.put(p.id(), p));
        fix.policies().forEach(p -> applied.put(p.id(), p));
        ClusterSnapshot after = new ClusterSnapshot("applied", lesson.namespaces(), lesson.workloads(), lesson.services(),
                List.copyOf(applied.values()), lesson.diagnostics());
        Set<PolicyId> off = Set.of(PolicyId.parse("production/allow-frontend-egress-to-api"), PolicyId.parse("production/allow-frontend-to-api"),
                PolicyId.parse("production/allow-frontend-to-backend"));
        Peer frontend = Peer.pod(workload(lesson, "production/frontend"));
        Peer api = Peer.pod(workload(lesson, "production/backend-api"));
        assertEquals(false, new ReferenceEvaluator(lesson, off).allowed(frontend, api, Protocol.TCP, 8080));
        assertEquals(true, new ReferenceEvaluator(after, off).allowed(frontend, api, Protocol.TCP, 8080));
    }

    @Test
    void outWritesTheYamlToAFileAndSaysHowToApplyIt() throws Exception {
        Path out = work.resolve("block.yaml");
        CliRun run = CliRun.of("suggest", TUTORIAL, "--block", "production/frontend", "production/backend-api", "8080/TCP", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(Files.readString(out).startsWith("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"));
        assertTrue(run.err().contains("kubectl apply -f " + out), run.err());
    }

    /**
     * Workloads with the same labels cannot be told apart by any selector ("A label selector is
     * ... a set of requirements ... all of them must be satisfied", LabelSelector in the Kubernetes
     * API reference): a rule admitting {@code web} admits {@code web-canary} too, and says so; the
     * narrower fix labels {@code web} first and then opens nothing else.
     */
    @Test
    void twinsAreListedAsCollateralAndNarrowLabelsTheWorkloadFirst() throws Exception {
        String twins = "src/test/resources/fixes/twins";
        CliRun wide = CliRun.of("suggest", twins, "--allow", "shop/web", "shop/db", "5432/TCP");
        assertEquals(0, wide.exitCode(), wide.err());
        assertTrue(wide.err().contains("It also changes 1 other pair:\n    shop/web-canary \u2192 shop/db: opens TCP 5432"), wide.err());
        assertTrue(wide.err().contains("Narrower: first give the workload a label of its own; then nothing else changes."), wide.err());
        CliRun narrow = CliRun.of("suggest", twins, "--allow", "shop/web", "shop/db", "5432/TCP", "--narrow");
        assertEquals(0, narrow.exitCode(), narrow.err());
        assertTrue(narrow.err().contains("kubectl -n shop patch deployment web --type merge -p '{\"spec\":{\"template\":{\"metadata\":"
                + "{\"labels\":{\"netpolviz.io/workload\":\"web\"}}}}}'"), narrow.err());
        assertTrue(narrow.err().contains("Nothing else changes."), narrow.err());
        assertTrue(narrow.out().contains("netpolviz.io/workload: web"), narrow.out());
    }

    /**
     * The proposal applied as a user would — its file added to the folder — and the folder read
     * again by {@code check} and {@code analyze}: the target is allowed, and the pairs whose line
     * in {@code analyze} changed are the target and exactly the collateral the proposal listed.
     */
    @Test
    void appliedToTheFolderCheckAndAnalyzeSeeTheTargetAndExactlyTheListedCollateralChange() throws Exception {
        Path folder = Files.createDirectories(work.resolve("twins"));
        Files.copy(Path.of("src/test/resources/fixes/twins/cluster.yaml"), folder.resolve("cluster.yaml"));
        String before = CliRun.of("analyze", folder.toString()).out();
        CliRun suggest = CliRun.of("suggest", folder.toString(), "--allow", "shop/web", "shop/db", "5432/TCP", "--out",
                folder.resolve("fix.yaml").toString());
        assertEquals(0, suggest.exitCode(), suggest.err());
        CliRun check = CliRun.withInput("shop/web\tshop/db\t5432\tTCP\n", "check", "--manifests", folder.toString(), "--probes", "-");
        assertEquals("shop/web\tshop/db\t5432\tTCP\tallow\n", check.out(), check.err());
        String after = CliRun.of("analyze", folder.toString()).out();
        List<String> changed = after.lines().filter(line -> line.startsWith("shop/")).filter(line -> !before.lines().toList().contains(line))
                .map(line -> line.replaceAll("\\s+", " ")).toList();
        // The target, and the one pair listed as collateral: web-canary has web's labels.
        assertEquals(List.of("shop/web shop/db TCP 5432", "shop/web-canary shop/db TCP 5432"), changed);
        assertTrue(suggest.err().contains("It also changes 1 other pair:\n    shop/web-canary \u2192 shop/db: opens TCP 5432"), suggest.err());
    }

    /**
     * "Admin tier rules decide before any NetworkPolicy": so a Deny there is opened by an Accept
     * that decides before it, a rule of a policy with a lower priority number ("a lower number
     * takes precedence", network-policy-api, ClusterNetworkPolicy {@code priority}). The proposal is
     * a ClusterNetworkPolicy in the lesson's own API version, for exactly the pair and port.
     */
    @Test
    void anAdminTierDenyIsOpenedByAnAcceptAheadOfIt() throws IOException {
        Path folder = Files.createDirectories(work.resolve("admin"));
        copyTree(Path.of("sample-clusters/07-admin-tiers"), folder);
        CliRun run = CliRun.of("suggest", folder.toString(), "--allow", "staging/tester", "prod/db", "5432/TCP", "--out",
                folder.resolve("zz-fix.yaml").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("ClusterNetworkPolicy `protect-prod`") && run.err().contains("ahead of protect-prod's 10")
                && run.err().contains("Nothing else changes."), run.err());
        String yaml = Files.readString(folder.resolve("zz-fix.yaml"));
        assertTrue(yaml.contains("apiVersion: policy.networking.k8s.io/v1alpha2") && yaml.contains("action: Accept")
                && yaml.contains("priority: 9"), yaml);
        CliRun check = CliRun.withInput("staging/tester\tprod/db\t5432\tTCP\nstaging/tester\tprod/web\t8080\tTCP\n", "check",
                "--manifests", folder.toString(), "--probes", "-");
        assertEquals("staging/tester\tprod/db\t5432\tTCP\tallow\nstaging/tester\tprod/web\t8080\tTCP\tdeny\n", check.out(), check.err());
    }

    /** Where the cluster has an Admin tier, a Deny there is offered beside the NetworkPolicy edit, and --admin-tier writes it. */
    @Test
    void aBlockOffersAnAdminTierDenyBesideTheNetworkPolicyEdit() {
        CliRun plain = CliRun.of("suggest", "sample-clusters/07-admin-tiers", "--block", "prod/web", "prod/db", "5432/TCP");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("kind: NetworkPolicy") && plain.err().contains("In the Admin tier instead:")
                && plain.err().contains("--admin-tier"), plain.err());
        CliRun admin = CliRun.of("suggest", "sample-clusters/07-admin-tiers", "--block", "prod/web", "prod/db", "5432/TCP", "--admin-tier");
        assertEquals(0, admin.exitCode(), admin.err());
        assertTrue(admin.out().contains("kind: ClusterNetworkPolicy") && admin.out().contains("action: Deny")
                && !admin.out().contains("kind: NetworkPolicy"), admin.out());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void anAlreadyAllowedConnectionHasNothingToAllow() {
        CliRun run = CliRun.of("suggest", TUTORIAL, "--allow", "production/frontend", "production/backend-api", "8080/TCP");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("is already allowed"), run.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("suggest", TUTORIAL, "production/frontend", "production/backend-api", "8080/TCP").exitCode());
        assertEquals(2, CliRun.of("suggest", TUTORIAL, "--allow", "--block", "production/frontend", "production/backend-api", "8080/TCP").exitCode());
        CliRun unknown = CliRun.of("suggest", TUTORIAL, "--allow", "production/nobody", "production/backend-api", "8080/TCP");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown endpoint 'production/nobody'"), unknown.err());
        assertEquals(2, CliRun.of("suggest", TUTORIAL, "--allow", "production/frontend", "production/backend-api", "99999/TCP").exitCode());
    }

    private static io.netpolviz.model.Workload workload(ClusterSnapshot snapshot, String id) {
        return snapshot.workloads().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The CLI on a cluster with both cluster-wide tiers (src/test/resources/apps/admin-tiers): an
 * Admin Deny that no NetworkPolicy can override, a Pass to a NetworkPolicy, and a Baseline Deny
 * for a pod no NetworkPolicy isolates; explanations name tier, policy, priority, rule and action.
 */
class AdminTierCliTest {

    private static final String CLUSTER = "src/test/resources/apps/admin-tiers";

    @Test
    void anAdminDenyIsNamedWithItsTierPolicyPriorityAndRule() {
        CliRun run = CliRun.of("explain", CLUSTER, "staging/web", "prod/db", "5432/TCP");
        assertTrue(run.out().contains("Verdict: DENIED"), run.out());
        assertTrue(run.out().contains("Admin tier: ClusterNetworkPolicy `cluster-deny-monitoring` (priority 10) rule `deny-from-staging` denies this"),
                run.out());
        assertTrue(run.out().contains("no NetworkPolicy is consulted"), run.out());
    }

    @Test
    void switchingTheAdminPolicyOffLetsTheNetworkPolicyDecide() {
        CliRun run = CliRun.of("explain", CLUSTER, "staging/web", "prod/db", "5432/TCP", "--off", "ClusterNetworkPolicy/cluster-deny-monitoring");
        assertTrue(run.out().contains("Verdict: ALLOWED"), run.out() + run.err());
        assertTrue(run.out().contains("Admitted by prod/allow-staging ingress rule #0"), run.out());
        assertTrue(run.out().contains("Switched off for this what-if: ClusterNetworkPolicy/cluster-deny-monitoring"), run.out());
    }

    @Test
    void aPassGoesOnToTheNetworkPolicyThatIsolatesTheDestination() {
        CliRun run = CliRun.of("explain", CLUSTER, "monitoring/prom", "prod/db", "5432/TCP");
        assertTrue(run.out().contains("Verdict: DENIED"), run.out());
        assertTrue(run.out().contains("rule `pass-monitoring` passes this"), run.out());
    }

    @Test
    void theBaselineDecidesForAPodNoNetworkPolicyIsolates() {
        CliRun run = CliRun.of("explain", CLUSTER, "prod/db", "monitoring/prom", "9090/TCP");
        assertTrue(run.out().contains("Verdict: DENIED"), run.out());
        assertTrue(run.out().contains("Baseline tier: ClusterNetworkPolicy `default` (priority 0) rule `deny-all` denies this"), run.out());
    }

    @Test
    void aPodReachingItselfFollowsNoPolicy() {
        CliRun run = CliRun.of("explain", CLUSTER, "staging/web", "staging/web", "80/TCP");
        assertTrue(run.out().contains("Verdict: ALLOWED"), run.out());
        assertTrue(run.out().contains("A pod reaching itself (loopback) follows no policy of any kind"), run.out());
    }

    @Test
    void aPolicyKindNotEvaluatedIsLoudAndOtherSkippedKindsAreOneLineEach() {
        CliRun run = CliRun.of("analyze", CLUSTER);
        assertEquals(1, run.exitCode(), "a policy kind NetPolViz does not evaluate (Antrea's) makes the CLI exit 1");
        String report = run.out() + run.err();
        assertTrue(report.contains("warning: crd.antrea.io/v1beta1 NetworkPolicy: 1 object of a Antrea policy kind that"
                + " NetPolViz does not evaluate. The picture may allow what the cluster blocks"), report);
        assertTrue(report.contains("note: ConfigMap: 2 objects skipped (the first is here)"), report);
        assertEquals(1, report.split("ConfigMap", -1).length - 1, "one line for both ConfigMaps: " + report);
        assertTrue(report.contains("1 policy, 2 cluster-wide policies"), report);
        assertTrue(run.out().contains("prod/db          monitoring/prom  none"), "the Baseline Deny: " + run.out());
        assertTrue(run.out().contains("staging/web      staging/web      all"), "a pod reaching itself: " + run.out());
    }

    @Test
    void anExportsTitleCarriesTheMarkOfKindsNotEvaluated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path svg = dir.resolve("view.svg");
        CliRun run = CliRun.of("export", CLUSTER, "--svg", svg.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(java.nio.file.Files.readString(svg).contains("not evaluated: NetworkPolicy (Antrea)"), "title of " + svg);
    }
}

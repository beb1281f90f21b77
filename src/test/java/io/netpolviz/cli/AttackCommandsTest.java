package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code reach} and {@code paths} on the shop lesson, end to end: hop counts, paths with ports, the cut with its fixes, usage errors. */
class AttackCommandsTest {

    private static final String SHOP = "sample-clusters/05-shop";

    @Test
    void reachFromTheInternetListsHopCountsAndWhatIsNotReached() {
        CliRun run = CliRun.of("reach", SHOP, "--from", "ext:internet", "--max-hops", "1");
        assertEquals(0, run.exitCode(), run.err());
        // The ingress controller and the namespaces without policies (monitoring, kube-system) are open to any address.
        assertTrue(run.out().contains("1 hop (3): ingress-nginx/ingress-nginx-controller, kube-system/kube-dns, monitoring/prometheus"),
                run.out());
        assertTrue(run.out().contains("From ext:internet within 1 hop: 3 reached, 12 workloads not"), run.out());
    }

    @Test
    void reachAsJsonGivesEachNodeWithItsHops() {
        CliRun run = CliRun.of("reach", SHOP, "--from", "storefront/web", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"node\": \"orders/checkout\",\n      \"hops\": 1"), run.out());
    }

    @Test
    void pathsListsTheHopsWithPortsAndACutWithVerifiedFixes() {
        CliRun run = CliRun.of("paths", SHOP, "--from", "ext:internet", "--to", "data/postgres");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Shortest paths from ext:internet to data/postgres: 2 hops"), run.out());
        assertTrue(run.out().contains("ext:internet \u2192(all)\u2192 monitoring/prometheus \u2192(TCP 9187)\u2192 data/postgres"), run.out());
        assertTrue(run.out().contains("Minimum cut: close 2 connections"), run.out());
        assertTrue(run.out().contains("Verified by evaluating the cluster with the change"), run.out());
    }

    @Test
    void badNodesAndOptionsAreUsageErrors() {
        CliRun unknown = CliRun.of("paths", SHOP, "--from", "shop/nobody", "--to", "data/postgres");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown node 'shop/nobody' for --from"), unknown.err());
        assertEquals(2, CliRun.of("paths", SHOP, "--from", "storefront/web").exitCode());
        assertEquals(2, CliRun.of("reach", SHOP, "--from", "storefront/web", "--max-hops", "0").exitCode());
        assertEquals(2, CliRun.of("reach", SHOP, "--from", "storefront/web", "--format", "dot").exitCode());
        assertEquals(2, CliRun.of("paths", SHOP, "--from", "storefront/web", "--to", "storefront/web").exitCode());
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PolicyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network mask of primary UserDefinedNetworks on every evaluation path: random clusters with
 * NetworkPolicies and cluster-wide policies, some namespaces on a UDN or a ClusterUDN; the fast
 * evaluation (verdicts, pair ports, connectivity) against the literal {@link ReferenceEvaluator},
 * fresh and after each toggle, and each toggled connectivity against a fresh one.
 *
 * <p>https://docs.openshift.com/container-platform/4.18/networking/multiple_networks/primary_networks/about-user-defined-networks.html:
 * "By default, these pods are isolated from communicating with pods that exist in other UDNs."
 * https://github.com/np-guard/netpol-analyzer/blob/main/pkg/netpol/eval/check.go: "If only one peer is in a primary
 * network, they are isolated" and "If either peer is external, returns not isolated".
 */
class UserDefinedNetworksMatchReferenceTest {

    private static final int[] PORTS = {53, 80, 443, 8080};
    private static final List<IpAddress> EXTERNALS = List.of(IpAddress.parse("10.1.2.3").orElseThrow(),
            IpAddress.parse("8.8.8.8").orElseThrow());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everyPairAgreesWithTheReferenceThroughToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomNetworks.addTo(RandomTiers.addTo(RandomClusters.small(random), random, seed % 2 == 0 ? 3 : 0), random);
        walk(snapshot, random, seed, 8, true);
    }

    /** Classes over several bitset blocks, so the mask meets the windows incremental toggles recompute. */
    @ParameterizedTest
    @ValueSource(longs = {101, 102})
    void largeClustersKeepTheMaskThroughWindowedToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomNetworks.addTo(RandomTiers.addTo(RandomClusters.large(random, 500, 40), random, 10), random);
        walk(snapshot, random, seed, 12, false);
    }

    private static void walk(ClusterSnapshot snapshot, Random random, long seed, int steps, boolean withReference) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        assertTrue(engine.networkMask().masks(), "seed " + seed + ": some namespace is on a primary network");
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        if (withReference) {
            ReferenceAgreement.compareAll(engine, current, snapshot, off, "seed " + seed + " fresh", PORTS, EXTERNALS);
        }
        List<PolicyId> toggleable = new ArrayList<>();
        snapshot.policies().forEach(p -> toggleable.add(p.id()));
        snapshot.clusterPolicies().stream().map(ClusterPolicy::id).forEach(toggleable::add);
        int separated = 0;
        for (int step = 0; step < steps; step++) {
            PolicyId toggled = toggleable.get(random.nextInt(toggleable.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            String context = "seed " + seed + " step " + step + " toggling " + toggled;
            Connectivity fresh = engine.evaluate(off).connectivity();
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    assertEquals(fresh.allowed(s, d), next.connectivity().allowed(s, d), context + " class " + s + " -> " + d);
                    if (!engine.networkMask().connects(s, d)) {
                        assertEquals(PortSet.NONE, next.connectivity().allowed(s, d), context + " separated " + s + " -> " + d);
                        separated++;
                    }
                }
            }
            if (withReference) {
                ReferenceAgreement.compareAll(engine, next, snapshot, off, context, PORTS, EXTERNALS);
            }
            current = next;
        }
        assertTrue(separated > 0, "seed " + seed + ": some pairs are on different networks");
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PolicyId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class-level engine with Cilium policies mapped onto its layers against the literal
 * reference ({@link ReferenceCilium}): random NetworkPolicies, cluster-wide policies and Cilium
 * policies together, every pair and protocol, addresses inside, outside and in the holes of the
 * CIDRs; then a walk of toggles of all three kinds, each compared with a fresh evaluation and
 * with the reference, including traffic that enters from outside the cluster.
 */
class CiliumEngineMatchesReferenceTest {

    private static final int[] PORTS = {53, 80, 443, 5432, 8080, 8081};
    private static final List<IpAddress> EXTERNALS = List.of(ip("10.1.2.3"), ip("10.5.0.1"), ip("192.168.1.1"), ip("8.8.8.8"));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void everyPairAgreesWithTheReferenceThroughToggles(long seed) {
        agreesThroughToggles(seed, seed % 3 == 0 ? 3 : 0);
    }

    /**
     * Cilium's denials open the Admin tier, and a class they and cluster-wide policies select gets
     * the tier's partition as the cluster-wide policies' behind the denials' ({@link TierPartition#behind}):
     * every seed here has cluster-wide policies whose Allows and Passes a denial must override.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50})
    void ciliumDenialsOverrideClusterWideAllowsThroughToggles(long seed) {
        agreesThroughToggles(seed, 5);
    }

    private static void agreesThroughToggles(long seed, int clusterPolicies) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.addTo(RandomTiers.addTo(RandomClusters.small(random), random, clusterPolicies), random, 6);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        ReferenceAgreement.compareAll(engine, current, snapshot, off, "seed " + seed + " fresh", PORTS, EXTERNALS);
        List<PolicyId> toggleable = RandomCilium.toggleable(snapshot);
        for (int step = 0; step < 10; step++) {
            PolicyId toggled = toggleable.get(random.nextInt(toggleable.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            String context = "seed " + seed + " step " + step + " toggling " + toggled;
            assertEquals(off, next.switchedOff(), context);
            Connectivity fresh = engine.evaluate(off).connectivity();
            int[] reported = {0};
            next.changes().forEachPair((s, d, before, after) -> reported[0]++);
            int expected = 0;
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    assertEquals(fresh.allowed(s, d), next.connectivity().allowed(s, d), context + " class " + s + " -> " + d);
                    expected += current.connectivity().allowed(s, d).equals(fresh.allowed(s, d)) ? 0 : 1;
                }
                for (int x = 0; x < engine.externalPeers().size(); x++) {
                    assertEquals(fresh.allowedToExternal(s, x), next.connectivity().allowedToExternal(s, x), context + " to ext " + x);
                    assertEquals(fresh.allowedFromExternal(x, s), next.connectivity().allowedFromExternal(x, s), context + " from ext " + x);
                }
            }
            assertTrue(reported[0] >= expected, context + ": every changed pair is reported, " + reported[0] + " < " + expected);
            ReferenceAgreement.compareAll(engine, next, snapshot, off, context, PORTS, EXTERNALS);
            current = next;
        }
    }

    /** Classes over several bitset blocks: incremental Cilium toggles (windowed) must still equal fresh evaluations. */
    @ParameterizedTest
    @ValueSource(longs = {201, 202})
    void togglesStayExactWhenClassesSpanManyBlocks(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.addTo(RandomClusters.large(random, 700, 40), random, 30);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        assertTrue(engine.classes().size() > 512, "spans several blocks: " + engine.classes().size());
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        List<PolicyId> cilium = snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).toList();
        List<PolicyId> policies = snapshot.policies().stream().map(p -> p.id()).toList();
        for (int step = 0; step < 12; step++) {
            PolicyId toggled = step % 3 == 2 ? policies.get(random.nextInt(policies.size())) : cilium.get(random.nextInt(cilium.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            Connectivity fresh = engine.evaluate(off).connectivity();
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    assertEquals(fresh.allowed(s, d), next.connectivity().allowed(s, d), "seed " + seed + " step " + step + " " + toggled);
                }
                for (int x = 0; x < engine.externalPeers().size(); x++) {
                    assertEquals(fresh.allowedFromExternal(x, s), next.connectivity().allowedFromExternal(x, s), "from ext " + x);
                }
            }
            current = next;
        }
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

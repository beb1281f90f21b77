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
 * The class-level engine with ordered tiers against the literal reference: every pair, every
 * protocol, the ports the random policies name, addresses inside and outside the CIDRs they
 * name; then a walk of toggles of both kinds, each compared with a fresh evaluation and the
 * reference. This is what could go wrong in "first match minus what an earlier rule decided".
 */
class TieredEngineMatchesReferenceTest {

    private static final int[] PORTS = {53, 79, 80, 443, 5432, 8080, 8081};
    private static final List<IpAddress> EXTERNALS = List.of(ip("10.1.2.3"), ip("192.168.1.1"), ip("8.8.8.8"));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
    void everyPairAgreesWithTheReferenceThroughToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomTiers.addTo(RandomClusters.small(random), random, 6);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        ReferenceAgreement.compareAll(engine, current, snapshot, off, "seed " + seed + " fresh", PORTS, EXTERNALS);
        List<PolicyId> toggleable = new ArrayList<>();
        snapshot.policies().forEach(p -> toggleable.add(p.id()));
        snapshot.clusterPolicies().stream().map(ClusterPolicy::id).forEach(toggleable::add);
        for (int step = 0; step < 10; step++) {
            PolicyId toggled = toggleable.get(random.nextInt(toggleable.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            String context = "seed " + seed + " step " + step + " toggling " + toggled;
            assertEquals(off, next.switchedOff(), context);
            Connectivity fresh = engine.evaluate(off).connectivity();
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    assertEquals(fresh.allowed(s, d), next.connectivity().allowed(s, d), context + " class " + s + " -> " + d);
                }
                for (int x = 0; x < engine.externalPeers().size(); x++) {
                    assertEquals(fresh.allowedToExternal(s, x), next.connectivity().allowedToExternal(s, x), context + " to ext " + x);
                }
            }
            ReferenceAgreement.compareAll(engine, next, snapshot, off, context, PORTS, EXTERNALS);
            current = next;
        }
    }

    /** Classes over several bitset blocks: windowed toggles of both kinds must still equal fresh evaluations. */
    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103})
    void togglesStayExactWhenClassesSpanManyBlocks(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomTiers.addTo(RandomClusters.large(random, 700, 40), random, 30);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        assertTrue(engine.classes().size() > 512, "spans several blocks: " + engine.classes().size());
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        current.connectivity();
        List<PolicyId> tiers = snapshot.clusterPolicies().stream().map(ClusterPolicy::id).toList();
        List<PolicyId> policies = snapshot.policies().stream().map(p -> p.id()).toList();
        for (int step = 0; step < 12; step++) {
            PolicyId toggled = step % 3 == 2 ? policies.get(random.nextInt(policies.size())) : tiers.get(random.nextInt(tiers.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            Connectivity fresh = engine.evaluate(off).connectivity();
            int[] changed = {0};
            next.changes().forEachPair((s, d, before, after) -> changed[0]++);
            int expectedChanges = 0;
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    assertEquals(fresh.allowed(s, d), next.connectivity().allowed(s, d), "seed " + seed + " step " + step + " " + toggled);
                    if (!current.connectivity().allowed(s, d).equals(fresh.allowed(s, d))) {
                        expectedChanges++;
                    }
                }
            }
            assertTrue(changed[0] >= expectedChanges, "every changed class pair is reported: " + changed[0] + " < " + expectedChanges);
            current = next;
        }
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

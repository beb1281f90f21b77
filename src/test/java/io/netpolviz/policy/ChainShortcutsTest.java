package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts of the Calico walks against the long way round, on random clusters with Calico
 * tiers that deny or pass by default, cluster-wide policies and NetworkPolicies, along random
 * toggle walks: what an external peer may send to a class, walked over the class's own entries
 * ({@code ChainExternalIngress}, resuming walks of classes whose keys begin alike), equals {@code ChainWalk}, which asks every entry of every tier;
 * and toggles that recompute only the source windows a policy of a passing tier can change
 * ({@code ChainToggleWindows}) give exactly the fresh evaluation and report exactly the changed
 * pairs. (The cutoff of {@code IngressEntries} is checked pair by pair against the literal
 * reference by {@code CalicoEngineMatchesReferenceTest}.)
 */
class ChainShortcutsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void externalPeersAnswersWalkedOverTheClassEntriesEqualWalksOverEveryTier(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.small(random), random, random.nextInt(5)), random,
                6 + random.nextInt(10));
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> toggleable = toggleable(snapshot);
        Evaluation evaluation = engine.evaluate(Set.of());
        for (int step = 0; step < 6; step++) {
            for (int d = 0; d < engine.classes().size(); d++) {
                PodClass podClass = engine.classes().get(d);
                if (podClass.hostNetwork()) {
                    continue;
                }
                Endpoint.Pods destination = new Endpoint.Pods(podClass.workloads().get(0), podClass);
                for (int x = 0; x < engine.externalPeers().size(); x++) {
                    PortSet walked = ChainWalk.of(evaluation, podClass, PolicyType.INGRESS, engine.externalPeers().get(x), destination, null, 0)
                            .allowedPorts();
                    // Through the columns: the walk resumes where a class whose key begins alike crossed into a tier (WalkPrefixes).
                    PortSet fromEntries = evaluation.chainColumns().fromExternal(x, d);
                    assertEquals(walked, fromEntries, "seed " + seed + " step " + step + " external " + x + " to class " + d);
                }
            }
            evaluation = evaluation.toggle(toggleable.get(random.nextInt(toggleable.size())));
        }
    }

    /** Mostly policies that toggle by windows, on clusters of several bitset blocks, with steps taken back from older evaluations. */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void togglesByWindowsEqualFreshEvaluationsAndReportExactlyTheChangedPairs(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.large(random, 300, 30), random, 10), random, 24);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> windowed = new ArrayList<>();
        List<PolicyId> others = new ArrayList<>();
        for (PolicyId id : toggleable(snapshot)) {
            CompiledCalicoPolicy calico = engine.calicoPolicy(id).orElse(null);
            CompiledTierPolicy tier = engine.tierPolicy(id).orElse(null);
            (ChainToggleWindows.of(engine, calico, tier) != null ? windowed : others).add(id);
        }
        assertTrue(!windowed.isEmpty(), "seed " + seed + ": some policy toggles by windows");
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        List<Evaluation> history = new ArrayList<>(List.of(current));
        List<Set<PolicyId>> offHistory = new ArrayList<>(List.of(Set.copyOf(off)));
        String path = "";
        for (int step = 0; step < 14; step++) {
            if (step > 2 && random.nextInt(4) == 0) {
                int back = random.nextInt(history.size());
                path += " back to " + back;
                current = history.get(back);
                off = new TreeSet<>(offHistory.get(back));
            }
            List<PolicyId> from = random.nextInt(4) == 0 && !others.isEmpty() ? others : windowed;
            PolicyId toggled = from.get(random.nextInt(from.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            path += " " + toggled;
            String context = "seed " + seed + " step " + step + " toggling " + toggled + " after" + path;
            Evaluation fresh = engine.evaluate(off);
            assertEquals(pairs(engine, fresh.connectivity()), pairs(engine, next.connectivity()), context);
            assertEquals(changed(pairs(engine, current.connectivity()), pairs(engine, fresh.connectivity())), reported(next.changes()),
                    context + ": changes");
            history.add(next);
            offHistory.add(Set.copyOf(off));
            current = next;
        }
    }

    /**
     * A walk resumes where a walk of a class whose ingress key begins alike crossed into a later tier ({@code WalkPrefixes}),
     * on the same window of source blocks only: columns asked on random windows, in random order, before any whole column,
     * hold there what the whole columns of an evaluation with a memo of its own hold.
     */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44})
    void columnsWalkedOnWindowsFirstEqualTheWholeColumnsThere(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.large(random, 300, 30), random, 10), random, 24);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        int blocks = engine.connectivityIndex().blockCount;
        assertTrue(blocks > 1, "seed " + seed + ": several bitset blocks, not " + blocks);
        ChainColumns whole = engine.evaluate(Set.of()).chainColumns();
        ChainColumns windows = engine.evaluate(Set.of()).chainColumns();
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < engine.connectivityIndex().columnCount(); column++) {
            columns.add(column);
        }
        java.util.Collections.shuffle(columns, random);
        for (int column : columns) {
            int from = random.nextInt(blocks);
            int to = from + 1 + random.nextInt(blocks - from);
            assertTrue(ColumnWindows.sameOnWindow(whole.column(column, 0, blocks), windows.column(column, from, to), from, to),
                    "seed " + seed + ": column " + column + " on blocks " + from + ".." + to);
        }
    }

    /**
     * An external peer's row asks once per rank of ingress side ({@code ChainColumns.ingressRanks}): classes share a rank
     * exactly when they share a side id, also when a toggle gives a class the id of another side after ranks were made.
     */
    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53})
    void classesShareARankExactlyWhenTheyShareAnIngressSideIdEvenAfterAnIdIsKept(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.small(random), random, 3), random, 12);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        ChainColumns chain = engine.evaluate(Set.of()).chainColumns();
        List<Integer> classes = new ArrayList<>();
        for (int d = 0; d < engine.classes().size(); d++) {
            if (!engine.classes().get(d).hostNetwork()) {
                classes.add(d);
            }
        }
        assertRanksFollowIds(chain, classes, "seed " + seed);
        int first = classes.get(0);
        int other = classes.stream().filter(d -> chain.ingressId(d) != chain.ingressId(first)).findFirst().orElseThrow();
        chain.keepIngressId(first, chain.ingressId(other));
        assertRanksFollowIds(chain, classes, "seed " + seed + " after class " + first + " kept the id of class " + other);
        assertEquals(chain.ingressRanks()[other], chain.ingressRanks()[first]);
    }

    private static void assertRanksFollowIds(ChainColumns chain, List<Integer> classes, String context) {
        int[] ranks = chain.ingressRanks();
        for (int a : classes) {
            for (int b : classes) {
                assertEquals(chain.ingressId(a) == chain.ingressId(b), ranks[a] == ranks[b], context + ": classes " + a + " and " + b);
            }
        }
    }

    private static List<PolicyId> toggleable(ClusterSnapshot snapshot) {
        List<PolicyId> out = new ArrayList<>();
        snapshot.policies().forEach(p -> out.add(p.id()));
        snapshot.clusterPolicies().stream().map(ClusterPolicy::id).forEach(out::add);
        snapshot.calico().policies().forEach(p -> out.add(p.id()));
        return out;
    }

    /** Every pair's allowed ports, keyed as in {@link Changes#forEachPair}: external peers past the classes. */
    private static Map<String, PortSet> pairs(PolicyEngine engine, Connectivity connectivity) {
        Map<String, PortSet> out = new TreeMap<>();
        int classes = engine.classes().size();
        for (int s = 0; s < classes; s++) {
            for (int d = 0; d < classes; d++) {
                out.put(s + "->" + d, connectivity.allowed(s, d));
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                out.put(s + "->" + (classes + x), connectivity.allowedToExternal(s, x));
                out.put((classes + x) + "->" + s, connectivity.allowedFromExternal(x, s));
            }
        }
        return out;
    }

    private static Map<String, String> changed(Map<String, PortSet> before, Map<String, PortSet> after) {
        Map<String, String> out = new TreeMap<>();
        before.forEach((pair, ports) -> {
            if (!ports.equals(after.get(pair))) {
                out.put(pair, ports + " => " + after.get(pair));
            }
        });
        return out;
    }

    private static Map<String, String> reported(Changes changes) {
        Map<String, String> out = new TreeMap<>();
        changes.forEachPair((source, destination, before, after) -> out.put(source + "->" + destination, before + " => " + after));
        return out;
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
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
 * Calico toggles are incremental ({@code CalicoToggle} recomputes only the columns whose keys
 * changed and shares walks through {@code ChainMemo} across evaluations): random sequences of
 * toggles of every kind, including steps taken back from an older evaluation (undo, then a
 * different toggle, so memo generations interleave), must give exactly what a fresh evaluation
 * gives, and report exactly the pairs that changed, no more and no fewer.
 */
class CalicoIncrementalTogglesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void incrementalTogglesEqualFreshEvaluationsAndReportExactlyTheChangedPairs(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.small(random), random, random.nextInt(4)), random,
                4 + random.nextInt(10));
        walk(snapshot, random, 30, "seed " + seed);
    }

    /** Several bitset blocks of classes, where column windows and block-level sharing matter. */
    @ParameterizedTest
    @ValueSource(longs = {201, 202})
    void incrementalTogglesStayExactOverManyBlocks(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.large(random, 700, 40), random, 8), random, 30);
        walk(snapshot, random, 10, "seed " + seed);
    }

    private static void walk(ClusterSnapshot snapshot, Random random, int steps, String name) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> toggleable = new ArrayList<>();
        snapshot.policies().forEach(p -> toggleable.add(p.id()));
        snapshot.clusterPolicies().stream().map(ClusterPolicy::id).forEach(toggleable::add);
        snapshot.calico().policies().forEach(p -> toggleable.add(p.id()));
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        List<Evaluation> history = new ArrayList<>(List.of(current));
        List<Set<PolicyId>> offHistory = new ArrayList<>(List.of(Set.copyOf(off)));
        String path = "";
        for (int step = 0; step < steps; step++) {
            if (step > 2 && random.nextInt(4) == 0) {
                int back = random.nextInt(history.size());
                path += " back to " + back;
                current = history.get(back);
                off = new TreeSet<>(offHistory.get(back));
            }
            PolicyId toggled = toggleable.get(random.nextInt(toggleable.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            path += " " + toggled;
            String context = name + " step " + step + " toggling " + toggled + " after" + path;
            assertEquals(off, next.switchedOff(), context);
            Evaluation fresh = engine.evaluate(off);
            assertSameConnectivity(engine, fresh.connectivity(), next.connectivity(), context);
            assertEquals(changedPairs(engine, current.connectivity(), fresh.connectivity()), reported(next.changes()), context + ": changes");
            history.add(next);
            offHistory.add(Set.copyOf(off));
            current = next;
        }
    }

    private static void assertSameConnectivity(PolicyEngine engine, Connectivity fresh, Connectivity incremental, String context) {
        int classes = engine.classes().size();
        for (int s = 0; s < classes; s++) {
            for (int d = 0; d < classes; d++) {
                assertEquals(fresh.allowed(s, d), incremental.allowed(s, d), context + " class " + s + " -> " + d);
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                assertEquals(fresh.allowedToExternal(s, x), incremental.allowedToExternal(s, x), context + " " + s + " to ext " + x);
                assertEquals(fresh.allowedFromExternal(x, s), incremental.allowedFromExternal(x, s), context + " ext " + x + " to " + s);
            }
        }
    }

    /** Pairs keyed as in {@link Changes#forEachPair}: externals past the classes. */
    private static Map<String, String> changedPairs(PolicyEngine engine, Connectivity before, Connectivity after) {
        Map<String, String> out = new TreeMap<>();
        int classes = engine.classes().size();
        for (int s = 0; s < classes; s++) {
            for (int d = 0; d < classes; d++) {
                note(out, s, d, before.allowed(s, d), after.allowed(s, d));
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                note(out, s, classes + x, before.allowedToExternal(s, x), after.allowedToExternal(s, x));
                note(out, classes + x, s, before.allowedFromExternal(x, s), after.allowedFromExternal(x, s));
            }
        }
        return out;
    }

    private static void note(Map<String, String> out, int source, int destination, PortSet before, PortSet after) {
        if (!before.equals(after)) {
            out.put(source + "->" + destination, before + " => " + after);
        }
    }

    private static Map<String, String> reported(Changes changes) {
        Map<String, String> out = new TreeMap<>();
        changes.forEachPair((source, destination, before, after) -> {
            assertTrue(!before.equals(after), "a reported pair changed: " + source + "->" + destination);
            out.put(source + "->" + destination, before + " => " + after);
        });
        return out;
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Columns alike share work within one computation: their egress and ingress sides
 * ({@link ColumnSides}) and, in a cluster-wide toggle, the window of sources to recompute
 * ({@link TierToggleWindows}). Whatever a column takes from another must be what it would have
 * computed alone: every column a builder computes after others, on the whole range of sources or
 * each on a window of its own (as in a toggle), must equal the column a builder of its own
 * computes; every window likewise. Checked on random clusters with NetworkPolicies, cluster-wide
 * and Cilium policies, fresh and along random walks of toggles of every kind.
 */
class AlikeColumnsShareWorkTest {

    @ParameterizedTest
    @ValueSource(longs = {401, 402, 403, 404})
    void everyColumnEqualsTheSameColumnComputedAloneThroughToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 600, 16, 10, seed % 2 == 0 ? 12 : 0);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        ConnectivityIndex index = engine.connectivityIndex();
        int kinds = (int) Arrays.stream(index.egressKind).distinct().count();
        assertTrue(kinds < index.classCount * 3 / 4, "columns share egress kinds: " + kinds + " kinds of " + index.classCount + " classes");
        List<PolicyId> toggleable = RandomCilium.toggleable(snapshot);
        Evaluation current = engine.evaluate(java.util.Set.of());
        for (int step = 0; step <= 12; step++) {
            String context = "seed " + seed + " step " + step;
            assertColumnsEqualAlone(current, current.connectivity().columns, 0, index.blockCount, context);
            // One builder computes every column, each on a window of its own, as a toggle's builder does.
            ConnectivityBuilder shared = new ConnectivityBuilder(current);
            for (int column : shuffledColumns(index.columnCount(), random)) {
                int from = random.nextInt(index.blockCount);
                int to = from + 1 + random.nextInt(index.blockCount - from);
                assertColumnEqualsAlone(current, column, shared.column(column, from, to), from, to, context + " window " + from + ".." + to);
            }
            current = current.toggle(toggleable.get(random.nextInt(toggleable.size())));
        }
    }

    /**
     * A cluster-wide toggle finds the window of sources to recompute once per kind of column
     * ({@link TierToggleWindows}): for every toggle of a walk, each column's window, asked after
     * the other columns', must be the window a fresh {@link TierToggleWindows} gives that column alone.
     */
    @ParameterizedTest
    @ValueSource(longs = {411, 412, 414, 415, 416, 417, 418, 419, 421, 423})
    void everyColumnsToggleWindowEqualsTheWindowFoundAlone(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 600, 16, 14, seed % 2 == 0 ? 8 : 0);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        ConnectivityIndex index = engine.connectivityIndex();
        List<PolicyId> policies = snapshot.policies().stream().map(p -> p.id()).toList();
        List<CompiledTierPolicy> tiers = engine.tierPolicies().stream().filter(p -> !CiliumPolicy.isCilium(p.id())).toList();
        Evaluation current = engine.evaluate(java.util.Set.of());
        int nonEmpty = 0;
        for (int step = 0; step < 16; step++) {
            if (step % 4 == 3) {
                current = current.toggle(policies.get(random.nextInt(policies.size())));
                continue;
            }
            CompiledTierPolicy toggled = tiers.get(random.nextInt(tiers.size()));
            Evaluation next = current.toggle(toggled.id());
            ClassSet egressOpen = index.allClasses.andNot(next.egressIsolated());
            TierToggleWindows shared = new TierToggleWindows(current, next, toggled, egressOpen, IngressKinds.of(next));
            String context = "seed " + seed + " step " + step + " toggling " + toggled.id();
            for (int column : shuffledColumns(index.columnCount(), random)) {
                int[] egress = shared.egress(column);
                assertEquals(List.of(egress[0], egress[1]), window(new TierToggleWindows(current, next, toggled, egressOpen, IngressKinds.of(next)).egress(column)),
                        context + ": egress window of column " + column);
                nonEmpty += egress[0] < egress[1] ? 1 : 0;
                if (column < index.classCount) {
                    int[] ingress = shared.ingress(column);
                    nonEmpty += ingress[0] < ingress[1] ? 1 : 0;
                    assertEquals(window(ingress),
                            window(new TierToggleWindows(current, next, toggled, egressOpen, IngressKinds.of(next)).ingress(column)),
                            context + ": ingress window of column " + column);
                }
            }
            current = next;
        }
        assertTrue(nonEmpty > 50, "seed " + seed + ": the toggles recompute something: " + nonEmpty + " windows");
    }

    /**
     * An external peer's row asks each {@link IngressKind} of destination once: every destination's
     * ports from every external peer, fresh and along a walk of toggles, must be what the peer may
     * send to that destination asked alone.
     */
    @ParameterizedTest
    @ValueSource(longs = {431, 432, 433, 434, 435, 436})
    void everyExternalRowEqualsTheDestinationsAskedAlone(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 500, 16, 8, 40);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> toggleable = new ArrayList<>();
        snapshot.policies().forEach(p -> toggleable.add(p.id()));
        snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).forEach(toggleable::add);
        Evaluation current = engine.evaluate(java.util.Set.of());
        int classes = engine.classes().size();
        for (int step = 0; step <= 8; step++) {
            Connectivity connectivity = current.connectivity();
            ConnectivityBuilder alone = new ConnectivityBuilder(current);
            for (int external = 0; external < engine.externalPeers().size(); external++) {
                for (int destination = 0; destination < classes; destination++) {
                    assertEquals(alone.ingressFromExternal(external, destination), connectivity.allowedFromExternal(external, destination),
                            "seed " + seed + " step " + step + ": external " + external + " -> " + destination);
                }
            }
            current = current.toggle(toggleable.get(random.nextInt(toggleable.size())));
        }
    }

    private static List<Integer> window(int[] window) {
        return List.of(window[0], window[1]);
    }

    private static void assertColumnsEqualAlone(Evaluation evaluation, PortGroup[][] columns, int from, int to, String context) {
        for (int column = 0; column < columns.length; column++) {
            assertColumnEqualsAlone(evaluation, column, columns[column], from, to, context);
        }
    }

    private static void assertColumnEqualsAlone(Evaluation evaluation, int column, PortGroup[] computed, int from, int to, String context) {
        PortGroup[] alone = new ConnectivityBuilder(evaluation).column(column, from, to);
        int end = Math.min(evaluation.engine().classes().size(), to * ClassSet.BLOCK_BITS);
        for (int source = from * ClassSet.BLOCK_BITS; source < end; source++) {
            assertEquals(portsOf(alone, source), portsOf(computed, source), context + ": " + source + " -> column " + column);
        }
    }

    private static PortSet portsOf(PortGroup[] column, int source) {
        for (PortGroup group : column) {
            if (group.classes().contains(source)) {
                return group.ports();
            }
        }
        return PortSet.NONE;
    }

    private static List<Integer> shuffledColumns(int count, Random random) {
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < count; column++) {
            columns.add(column);
        }
        java.util.Collections.shuffle(columns, random);
        return columns;
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Columns alike share their egress and ingress sides within one computation ({@link ColumnSides}):
 * every column a builder computes after others, on the whole range of sources or on a window of
 * blocks (each column on a window of its own, as in a toggle), must equal that column computed by a
 * builder of its own, which has nothing to share.
 * Checked on random clusters with NetworkPolicies, cluster-wide and Cilium policies, fresh and
 * after each step of a random walk of toggles of every kind (a toggle's builder shares sides
 * between the columns it recomputes on their windows).
 */
class AlikeColumnsShareSidesTest {

    @ParameterizedTest
    @ValueSource(longs = {401, 402, 403, 404})
    void everyColumnEqualsTheSameColumnComputedAloneThroughToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.addTo(RandomTiers.addTo(RandomClusters.large(random, 600, 16), random, 10), random,
                seed % 2 == 0 ? 12 : 0);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        ConnectivityIndex index = engine.connectivityIndex();
        int kinds = (int) Arrays.stream(index.egressKind).distinct().count();
        assertTrue(kinds < index.classCount * 3 / 4, "columns share egress kinds: " + kinds + " kinds of " + index.classCount + " classes");
        List<PolicyId> toggleable = new ArrayList<>();
        snapshot.policies().forEach(p -> toggleable.add(p.id()));
        snapshot.clusterPolicies().stream().map(ClusterPolicy::id).forEach(toggleable::add);
        snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).forEach(toggleable::add);
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

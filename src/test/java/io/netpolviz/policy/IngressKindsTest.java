package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ingress kinds an evaluation numbers once and toggles hand on: two classes with the same
 * number must have the same {@link IngressKind} in that evaluation — the columns, sides and
 * toggle windows of one number are shared. Checked after every step of random walks that switch
 * NetworkPolicies (which change the isolation, and so the kinds, of the classes they select),
 * cluster-wide and Cilium policies; the numbers must also keep sharing (fewer numbers than classes).
 */
class IngressKindsTest {

    @ParameterizedTest
    @ValueSource(longs = {501, 502, 503, 504, 505, 506})
    void classesWithOneNumberHaveOneKindThroughToggles(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 500, 40, 8, seed % 2 == 0 ? 10 : 0);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        ConnectivityIndex index = engine.connectivityIndex();
        List<PolicyId> toggleable = RandomCilium.toggleable(snapshot);
        Evaluation current = engine.evaluate(Set.of());
        current.connectivity();
        int renumbered = 0;
        for (int step = 0; step < 30; step++) {
            IngressKinds kinds = current.ingressKinds();
            Map<Integer, IngressKind> kindOfNumber = new HashMap<>();
            for (int c = 0; c < index.classCount; c++) {
                IngressKind kind = IngressKind.of(current, index, c);
                IngressKind earlier = kindOfNumber.putIfAbsent(kinds.of(c), kind);
                assertEquals(earlier == null ? kind : earlier, kind, "seed " + seed + " step " + step + ": class " + c + " shares number "
                        + kinds.of(c) + " with a class of another kind");
            }
            assertTrue(kindOfNumber.size() < index.classCount, "classes share numbers: " + kindOfNumber.size() + " of " + index.classCount);
            Evaluation next = current.toggle(toggleable.get(random.nextInt(toggleable.size())));
            renumbered += next.ingressKinds() != kinds ? 1 : 0;
            current = next;
        }
        assertTrue(renumbered > 0, "some toggle changed isolation, so numbers");
    }
}

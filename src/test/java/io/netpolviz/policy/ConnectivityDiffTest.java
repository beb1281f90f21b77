package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The diff walked pair by pair over two evaluations equals the plain diff of the two materialised matrices. */
class ConnectivityDiffTest {

    /** The plain reading of the definition: both matrices in full, keyed by "source TAB destination", missing pairs allow nothing. */
    private static List<ConnectivityChange> referenceDiff(Evaluation before, Evaluation after) {
        Map<String, PortSet[]> pairs = new TreeMap<>();
        Map<String, String[]> ids = new TreeMap<>();
        List<List<Connection>> sides = List.of(new ArrayList<>(), new ArrayList<>());
        ConnectivityMatrix.forEach(before, sides.get(0)::add);
        ConnectivityMatrix.forEach(after, sides.get(1)::add);
        for (int side = 0; side < 2; side++) {
            for (Connection connection : sides.get(side)) {
                String key = connection.source().id() + "\t" + connection.destination().id();
                pairs.computeIfAbsent(key, k -> new PortSet[] {PortSet.NONE, PortSet.NONE})[side] = connection.allowed();
                ids.putIfAbsent(key, new String[] {connection.source().id(), connection.destination().id()});
            }
        }
        List<ConnectivityChange> changes = new ArrayList<>();
        pairs.forEach((key, sets) -> {
            if (!sets[0].equals(sets[1])) {
                changes.add(new ConnectivityChange(ids.get(key)[0], ids.get(key)[1], sets[0], sets[1]));
            }
        });
        return changes;
    }

    @Test
    void switchingPoliciesOffChangesExactlyWhatTheFullMatricesSay() {
        Random random = new Random(11);
        int nonEmpty = 0;
        for (int i = 0; i < 30; i++) {
            ClusterSnapshot snapshot = RandomClusters.small(random);
            PolicyEngine engine = PolicyEngine.compile(snapshot);
            Evaluation before = engine.evaluate();
            Evaluation after = engine.evaluate(java.util.Set.copyOf(snapshot.policies().stream()
                    .filter(policy -> random.nextBoolean()).map(NetworkPolicy::id).toList()));
            List<ConnectivityChange> changes = ConnectivityDiff.between(before, after);
            assertEquals(referenceDiff(before, after), changes);
            nonEmpty += changes.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 5, "most walks change something: " + nonEmpty);
    }

    @Test
    void workloadsThatAppearOrDisappearCountAsAllowingNothingWhereTheyAreMissing() {
        Random random = new Random(5);
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            ClusterSnapshot snapshot = RandomClusters.small(random);
            if (snapshot.workloads().size() < 2) {
                continue;
            }
            List<Workload> fewer = new ArrayList<>(snapshot.workloads());
            fewer.remove(random.nextInt(fewer.size()));
            ClusterSnapshot shrunk = new ClusterSnapshot(snapshot.sourceName(), snapshot.namespaces(), fewer, snapshot.services(),
                    snapshot.policies(), snapshot.diagnostics());
            Evaluation before = PolicyEngine.compile(snapshot).evaluate();
            Evaluation after = PolicyEngine.compile(shrunk).evaluate();

            assertEquals(referenceDiff(before, after), ConnectivityDiff.between(before, after));
            assertEquals(referenceDiff(after, before), ConnectivityDiff.between(after, before));
            checked++;
        }
        assertTrue(checked > 10);
    }

    @Test
    void askingEveryPairInOrderFindsWhatMarkingTheChangedColumnsFinds() {
        // The walk for more endpoints than one bitset of pairs holds must give the same changes, in the same order.
        Random random = new Random(23);
        for (int i = 0; i < 20; i++) {
            ClusterSnapshot snapshot = RandomClusters.small(random);
            PolicyEngine engine = PolicyEngine.compile(snapshot);
            Evaluation before = engine.evaluate();
            Evaluation after = engine.evaluate(java.util.Set.copyOf(snapshot.policies().stream()
                    .filter(policy -> random.nextBoolean()).map(NetworkPolicy::id).toList()));
            for (boolean snapshots : new boolean[] {false, true}) {
                List<ConnectivityChange> marked = new ArrayList<>();
                List<ConnectivityChange> asked = new ArrayList<>();
                ConnectivityDiff.forEach(before, after, snapshots, Long.MAX_VALUE, marked::add);
                ConnectivityDiff.forEach(before, after, snapshots, 0, asked::add);
                assertEquals(marked, asked);
            }
        }
    }
}

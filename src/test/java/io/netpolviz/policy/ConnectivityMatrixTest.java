package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The matrix streamed one connection at a time has every pair once, and names its endpoints in the order the reports rely on. */
class ConnectivityMatrixTest {

    @ParameterizedTest
    @ValueSource(strings = {"sample-clusters/01-tutorial", "sample-clusters/05-shop"})
    void streamingGivesEveryPairOnceAndNamesEveryEndpointInFirstAppearanceOrder(String lesson) {
        Evaluation evaluation = PolicyEngine.compile(new ManifestLoader().load(List.of(Path.of(lesson)))).evaluate();
        assertStreamMatchesList(evaluation);
    }

    @Test
    void randomClustersWithExternalPeersStreamEveryPairOnce() {
        Random random = new Random(7);
        int withExternals = 0;
        for (int i = 0; i < 20; i++) {
            Evaluation evaluation = PolicyEngine.compile(RandomClusters.small(random)).evaluate();
            withExternals += evaluation.engine().externalPeers().isEmpty() ? 0 : 1;
            assertStreamMatchesList(evaluation);
        }
        assertTrue(withExternals > 0, "some random cluster names an ipBlock, so external rows are covered");
    }

    /**
     * Every ordered pair of workloads once, each workload to and from each external peer once, no
     * pair between two external peers, and the endpoints named in the order they first appear.
     */
    private static void assertStreamMatchesList(Evaluation evaluation) {
        List<Connection> streamed = new ArrayList<>();
        ConnectivityMatrix.forEach(evaluation, streamed::add);
        int workloads = evaluation.engine().workloadEndpoints().size();
        int externals = workloads == 0 ? 0 : evaluation.engine().externalPeers().size();
        assertEquals(workloads * workloads + 2 * workloads * externals, streamed.size());
        Set<String> pairs = new LinkedHashSet<>();
        for (Connection connection : streamed) {
            assertTrue(pairs.add(connection.source().id() + "\t" + connection.destination().id()), "listed twice: " + connection);
            assertTrue(connection.source() instanceof Endpoint.Pods || connection.destination() instanceof Endpoint.Pods,
                    "no pair of two external peers: " + connection);
        }

        Set<String> firstAppearance = new LinkedHashSet<>();
        for (Connection connection : streamed) {
            firstAppearance.add(connection.source().id());
            firstAppearance.add(connection.destination().id());
        }
        assertEquals(List.copyOf(firstAppearance), ConnectivityMatrix.endpoints(evaluation).stream().map(Endpoint::id).toList());
    }
}

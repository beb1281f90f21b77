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

/** The matrix streamed one connection at a time is the matrix, and names its endpoints in the order the reports rely on. */
class ConnectivityMatrixTest {

    @ParameterizedTest
    @ValueSource(strings = {"sample-clusters/01-tutorial", "sample-clusters/05-shop"})
    void streamingGivesTheSameConnectionsInTheSameOrderAndNamesEveryEndpointInFirstAppearanceOrder(String lesson) {
        Evaluation evaluation = PolicyEngine.compile(new ManifestLoader().load(List.of(Path.of(lesson)))).evaluate();
        assertStreamMatchesList(evaluation);
    }

    @Test
    void randomClustersWithExternalPeersStreamAsTheyList() {
        Random random = new Random(7);
        int withExternals = 0;
        for (int i = 0; i < 20; i++) {
            Evaluation evaluation = PolicyEngine.compile(RandomClusters.small(random)).evaluate();
            withExternals += evaluation.engine().externalPeers().isEmpty() ? 0 : 1;
            assertStreamMatchesList(evaluation);
        }
        assertTrue(withExternals > 0, "some random cluster names an ipBlock, so external rows are covered");
    }

    private static void assertStreamMatchesList(Evaluation evaluation) {
        List<Connection> listed = ConnectivityMatrix.of(evaluation);
        List<Connection> streamed = new ArrayList<>();
        ConnectivityMatrix.forEach(evaluation, streamed::add);
        assertEquals(listed, streamed);

        Set<String> firstAppearance = new LinkedHashSet<>();
        for (Connection connection : listed) {
            firstAppearance.add(connection.source().id());
            firstAppearance.add(connection.destination().id());
        }
        assertEquals(List.copyOf(firstAppearance), ConnectivityMatrix.endpoints(evaluation).stream().map(Endpoint::id).toList());
    }
}

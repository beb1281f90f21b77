package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortSet;
import io.netpolviz.testing.PictureReading;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default picture hides nothing allowed and says nothing false, on random clusters: every pair
 * reads, from the most specific drawn edges that stand for it, exactly its allowed ports; a pair
 * no edge stands for is blocked and counted as left out. This reads the picture the way the
 * legend tells a person to, with its own code (not the composer's check), against the engine's
 * verdicts.
 */
class PictureExactnessTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void everyPairReadsItsExactVerdictFromTheMostSpecificEdges(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = SmallClusters.generate(random, 4 + random.nextInt(9), random.nextInt(8));
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new TreeSet<>();
        for (CompiledPolicy policy : engine.policies()) {
            if (random.nextInt(4) == 0) {
                off.add(policy.id());
            }
        }
        Evaluation before = engine.evaluate();
        Evaluation now = engine.evaluate(off);
        Map<String, GraphNode> nodes = nodes(engine);
        PairVerdicts earlier = PairVerdicts.of(before, endpoints(engine));
        PairVerdicts pairs = PairVerdicts.of(now, endpoints(engine));
        for (ViewFilter.EdgeFilter edges : ViewFilter.EdgeFilter.values()) {
            check(seed, pairs, earlier, nodes, ViewFilter.NONE.withEdges(edges));
        }
        String focus = endpoints(engine).get(random.nextInt(endpoints(engine).size())).id();
        check(seed, pairs, earlier, nodes, ViewFilter.NONE.withFocus(focus));
    }

    /**
     * Nothing drawn is false, under any filter; nothing allowed is hidden by the default filter,
     * "all" and "allowed only"; the note counts exactly the pairs of the filter's kind no edge
     * stands for.
     */
    private static void check(long seed, PairVerdicts pairs, PairVerdicts earlier, Map<String, GraphNode> nodes, ViewFilter filter) {
        PictureComposer.Composed composed = PictureComposer.compose(pairs, earlier, nodes, List.of(), filter, null);
        String where = "seed " + seed + ", " + filter + ": ";
        boolean showsEverythingAllowed = filter.focus() == null && (filter.edges() == ViewFilter.EdgeFilter.STORY
                || filter.edges() == ViewFilter.EdgeFilter.ALL || filter.edges() == ViewFilter.EdgeFilter.ALLOWED);
        long unexplained = 0;
        for (PairVerdicts.Pair pair : pairs.pairs()) {
            java.util.Optional<PortSet> said = PictureReading.read(composed.graph(), nodes, pair.source().id(), pair.destination());
            if (said.isEmpty()) {
                if (showsEverythingAllowed) {
                    assertTrue(pair.allowed().isEmpty(), where + "allowed pair " + pair.key() + " is not drawn");
                }
                if (filter.edges() == ViewFilter.EdgeFilter.STORY && filter.focus() == null) {
                    unexplained++;
                }
                continue;
            }
            assertEquals(pair.allowed(), said.get(), where + pair.key());
        }
        if (filter.edges() == ViewFilter.EdgeFilter.STORY && filter.focus() == null) {
            assertEquals(unexplained, composed.omitted().pairs(), where + "what the note counts");
        }
    }

    private static Map<String, GraphNode> nodes(PolicyEngine engine) {
        return DefaultPicture.nodes(engine);
    }

    private static List<Endpoint> endpoints(PolicyEngine engine) {
        return DefaultPicture.endpoints(engine);
    }
}

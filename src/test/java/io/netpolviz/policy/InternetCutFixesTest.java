package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.AttackSearch;
import io.netpolviz.graph.CutFix;
import io.netpolviz.graph.CutFixes;
import io.netpolviz.graph.PathHop;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.ReferenceEvaluator.Peer;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.testing.ProposalCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every connection of a minimum cut that comes in from the internet gets a verified fix that
 * closes it for every address outside, not for one block: "the internet" is any address, and a
 * connection from it is open while any address may open it. Each fix is applied as YAML and
 * checked by the literal reference evaluator (target changed, exactly the listed collateral), and
 * after it no address outside — any address, each block a rule names, and sample addresses read
 * by the reference — reaches the workload on any port. ipBlock semantics as the reference reads
 * them: "ipBlock ... selects particular IP CIDR ranges to allow as ingress sources or egress
 * destinations" and {@code except} takes addresses out of it (Kubernetes documentation, Network
 * Policies, "Behavior of to and from selectors").
 */
class InternetCutFixesTest {

    private static final List<IpAddress> SAMPLES = List.of(ip("203.0.113.9"), ip("10.1.2.3"), ip("10.200.0.1"), ip("8.8.8.8"));
    private static final int[] PORTS = {1, 53, 80, 443, 5432, 8080, 9090, 65535};

    private static int internetCuts;
    private static int severalSteps;

    @TempDir
    Path work;

    @Test
    void theShopsInternetConnectionsAreClosedForEveryAddress() {
        for (Path lesson : List.of(Path.of("sample-clusters/08-attack-paths/1-the-shop"), Path.of("sample-clusters/08-attack-paths"))) {
            checkEveryInternetCut(new ManifestLoader().load(List.of(lesson)));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomClustersInternetConnectionsAreClosedForEveryAddress(long seed) {
        checkEveryInternetCut(RandomClusters.small(new Random(seed)));
    }

    /** The cases that need more than one block closed must occur, or the test proves nothing beyond the old fix. */
    @AfterAll
    static void theInputsReachHardCases() {
        assertTrue(internetCuts >= 20, "only " + internetCuts + " connections from the internet were cut");
        assertTrue(severalSteps >= 3, "only " + severalSteps + " of them needed more than one block closed");
    }

    private void checkEveryInternetCut(ClusterSnapshot snapshot) {
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();
        AttackSearch search = new AttackSearch(AttackGraph.of(evaluation));
        List<String> checked = new ArrayList<>();
        for (Endpoint.Pods target : evaluation.engine().workloadEndpoints()) {
            AttackPaths paths = search.paths(AttackGraph.INTERNET, target.id(), 64, 1);
            List<PathHop> fromInternet = paths.cut().stream().filter(hop -> hop.source().equals(AttackGraph.INTERNET))
                    .filter(hop -> !checked.contains(hop.destination())).toList();
            for (CutFix fix : CutFixes.of(evaluation, fromInternet)) {
                String what = fix.connection().display();
                checked.add(fix.connection().destination());
                internetCuts++;
                if (fix.advice().proposals().isEmpty()) {
                    assertFalse(fix.advice().whyNone().isBlank(), what);
                    continue;
                }
                assertTrue(fix.closing().isPresent(), "no fix closes " + what + " for every address: " + fix.advice().proposals());
                Proposal closing = fix.closing().get();
                severalSteps += closing.draft().steps().size() > 1 ? 1 : 0;
                ProposalCheck.assertHolds(snapshot, Set.of(), closing, work);
                assertClosedForEveryAddress(snapshot, ProposalCheck.applied(snapshot, closing, work), fix.connection().destination(), what);
            }
        }
    }

    private static void assertClosedForEveryAddress(ClusterSnapshot before, ClusterSnapshot after, String workload, String what) {
        PolicyEngine engine = PolicyEngine.compile(after);
        Evaluation evaluation = engine.evaluate();
        Endpoint pods = engine.resolve(workload).orElseThrow();
        // The internet as the attack graph reads it: any IPv4 address, and every other block a rule names.
        List<Endpoint.External> outside = new ArrayList<>(List.of(Endpoint.External.anyIpv4()));
        engine.externalPeers().stream().filter(x -> !x.isAnyAddress()).forEach(outside::add);
        PolicyEngine.compile(before).externalPeers().stream().filter(x -> !x.isAnyAddress()).forEach(outside::add);
        for (Endpoint.External external : outside) {
            assertTrue(evaluation.allowedPorts(external, pods).isEmpty(), what + " still open from " + external.id());
        }
        ReferenceEvaluator reference = new ReferenceEvaluator(after, Set.of());
        Peer destination = Peer.pod(after.workloads().stream().filter(w -> w.id().equals(workload)).findFirst().orElseThrow());
        for (IpAddress address : SAMPLES) {
            for (int port : PORTS) {
                assertFalse(reference.allowed(Peer.external(address), destination, Protocol.TCP, port), what + " still open from " + address
                        + " on TCP " + port);
            }
        }
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

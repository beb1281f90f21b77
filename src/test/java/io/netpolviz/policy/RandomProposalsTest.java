package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.Target;
import io.netpolviz.testing.ProposalCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test: on seeded random clusters, for random blocked and allowed connections, every
 * proposal the advisor makes is applied to the manifests and checked by the literal reference
 * evaluator: the target changed, and exactly the listed collateral changed. The reference reads
 * the rules literally: "Network policies do not conflict; they are additive. If any policy or
 * policies apply to a given pod for a given direction, the connections allowed in that direction
 * from that pod is the union of what the applicable policies allow", and "for a connection from a
 * source pod to a destination pod to be allowed, both the egress policy on the source pod and the
 * ingress policy on the destination pod need to allow the connection" (Kubernetes documentation,
 * Network Policies, "The two sorts of pod isolation").
 */
class RandomProposalsTest {

    /** Proposals checked across the seeds, by kind: the random set must reach each kind. */
    private static final java.util.Map<String, Integer> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
    void everyProposalDoesWhatItSaysAndNothingUnlisted(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomClusters.small(random);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        FixAdvisor advisor = new FixAdvisor(evaluation);
        List<Workload> workloads = snapshot.workloads();
        int proposals = 0;
        for (int probe = 0; probe < 6; probe++) {
            Endpoint source = pick(engine, random, workloads, probe == 4);
            Endpoint destination = pick(engine, random, workloads, probe == 5);
            int port = RandomClusters.PORTS[random.nextInt(RandomClusters.PORTS.length)];
            Target target = new Target(source, destination, Protocol.TCP, port);
            boolean allowed = evaluation.allowedPorts(source, destination).contains(Protocol.TCP, port);
            Advice advice = advisor.advise(allowed ? Goal.BLOCK : Goal.ALLOW, target);
            if (advice.proposals().isEmpty()) {
                assertFalse(advice.whyNone() == null || advice.whyNone().isBlank(), "no proposal says why: " + target.display());
            }
            for (Proposal proposal : advice.proposals()) {
                ProposalCheck.assertHolds(snapshot, Set.of(), proposal, work);
                KINDS.merge(proposal.goal() + (proposal.addsLabels() ? " with labels" : "") + (proposal.isExact() ? " exact" : " with collateral"),
                        1, Integer::sum);
                proposals++;
            }
        }
        assertTrue(proposals > 0, "seed " + seed + " checked no proposal");
    }

    @org.junit.jupiter.api.AfterAll
    static void theSeedsReachEveryKindOfProposal() {
        for (String kind : List.of("ALLOW exact", "ALLOW with collateral", "BLOCK exact", "BLOCK with collateral", "ALLOW with labels exact")) {
            assertTrue(KINDS.getOrDefault(kind, 0) > 0, "no proposal of kind " + kind + " was checked: " + KINDS);
        }
    }

    private static Endpoint pick(PolicyEngine engine, Random random, List<Workload> workloads, boolean external) {
        if (external) {
            return Endpoint.External.address(IpAddress.parse(random.nextBoolean() ? "203.0.113.9" : "10.1.2.3").orElseThrow());
        }
        return engine.resolve(workloads.get(random.nextInt(workloads.size())).id()).orElseThrow();
    }
}

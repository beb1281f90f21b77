package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.Target;
import io.netpolviz.testing.ProposalCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test with the administrator's tiers: seeded random clusters with random
 * ClusterNetworkPolicies (both tiers, every action, tied priorities, pod, namespace and network
 * peers), random blocked and allowed connections, and every proposal — NetworkPolicy edits and
 * Admin-tier Accepts and Denies alike — applied as YAML through the loader and checked by the
 * literal reference evaluator: the target changed, and exactly the listed collateral changed.
 * What the Admin-tier proposals rest on: "AdminNetworkPolicy ... rules ... are evaluated before
 * NetworkPolicy", the tier's policies by priority ("a lower number takes precedence") and a policy's
 * rules in order ("rules are evaluated in order; the first rule that matches decides"), and
 * Accept/Allow and Deny are final for the tier (kubernetes-sigs/network-policy-api, the
 * AdminNetworkPolicy API reference and NPEP-2091 ClusterNetworkPolicy).
 */
class RandomAdminProposalsTest {

    private static final Map<String, Integer> KINDS = new ConcurrentHashMap<>();

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void everyProposalWithAdminTiersDoesWhatItSaysAndNothingUnlisted(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomTiers.addTo(RandomClusters.small(random), random, 2 + random.nextInt(3));
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        FixAdvisor advisor = new FixAdvisor(evaluation);
        List<Workload> workloads = snapshot.workloads();
        for (int probe = 0; probe < 8; probe++) {
            Endpoint source = pick(engine, random, workloads, probe == 6);
            Endpoint destination = pick(engine, random, workloads, probe == 7);
            int port = RandomClusters.PORTS[random.nextInt(RandomClusters.PORTS.length)];
            Target target = new Target(source, destination, Protocol.TCP, port);
            Verdict verdict = evaluation.verdict(source, destination, Protocol.TCP, port);
            Advice advice = advisor.advise(verdict.allowed() ? Goal.BLOCK : Goal.ALLOW, target);
            if (advice.proposals().isEmpty()) {
                assertFalse(advice.whyNone() == null || advice.whyNone().isBlank(), "no proposal says why: " + target.display());
            }
            boolean adminDenies = !verdict.allowed() && List.of(verdict.egress(), verdict.ingress()).stream()
                    .anyMatch(side -> side.decidedBy() == SideVerdict.Layer.ADMIN_TIER && side.adminRule().action() == RuleAction.DENY);
            for (Proposal proposal : advice.proposals()) {
                ProposalCheck.assertHolds(snapshot, Set.of(), proposal, work);
                if (proposal.draft().touchesAdminTier()) {
                    assertTrue(proposal.draft().clusterPolicies().stream().allMatch(p -> p.kind().equals(ClusterPolicy.CLUSTER_NETWORK_POLICY)),
                            "written in the kind the input uses: " + proposal.draft().clusterPolicies());
                }
                KINDS.merge(proposal.goal() + (proposal.draft().touchesAdminTier() ? " admin tier" : " network policies")
                        + (adminDenies ? " past an Admin Deny" : ""), 1, Integer::sum);
            }
        }
    }

    /** The seeds must reach each kind: an Accept past an Admin-tier Deny, an Admin-tier Deny for a block, and NetworkPolicy edits. */
    @AfterAll
    static void theSeedsReachEveryKindOfProposal() {
        for (String kind : List.of("ALLOW admin tier past an Admin Deny", "BLOCK admin tier", "BLOCK network policies", "ALLOW network policies")) {
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

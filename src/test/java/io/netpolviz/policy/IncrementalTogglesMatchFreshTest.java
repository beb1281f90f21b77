package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental toggles against evaluating afresh: random walks that switch NetworkPolicies,
 * cluster-wide policies and Cilium policies (whose deny parts sit in the Admin tier and whose
 * allow parts may only add to the union) on clusters of several bitset blocks. After every step
 * the toggled evaluation must hold exactly the fresh evaluation's connectivity — every class
 * pair, and to and from every external peer — and its {@link Changes} must be exactly the pairs
 * that differ from the step before, each with the ports before and after. This is what the
 * shortcuts of a toggle (the windows of sources whose tier decision changed, the columns it
 * skips) must never get wrong.
 */
class IncrementalTogglesMatchFreshTest {

    @ParameterizedTest
    @ValueSource(longs = {301, 302, 303})
    void clusterWideTogglesEqualFreshEvaluationsAndReportExactlyTheChangedPairs(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomTiers.addTo(RandomClusters.large(random, 600, 50), random, 40);
        walk(snapshot, random, seed, 24);
    }

    @ParameterizedTest
    @ValueSource(longs = {311, 312})
    void ciliumTogglesEqualFreshEvaluationsAndReportExactlyTheChangedPairs(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 600, 50, 15, 30);
        walk(snapshot, random, seed, 24);
    }

    /**
     * Clusters as the benchmark generates them, of about 8 blocks: namespaces laid out team by team,
     * cluster-wide rules whose peers (a team's namespaces, kube-dns) lie far from their subjects,
     * so the windows a toggle recomputes are narrow and a window cut wrong shows.
     */
    @ParameterizedTest
    @ValueSource(longs = {341, 342, 343})
    void generatedClustersOfManyBlocks(long seed) {
        ClusterSnapshot snapshot = io.netpolviz.scale.ClusterGenerator.generate(
                new io.netpolviz.scale.ClusterShape(5_000, 500, 25, seed, false, 60, seed == 343 ? 80 : 0)).snapshot();
        Random random = new Random(seed);
        walk(snapshot, random, seed, 14);
    }

    @ParameterizedTest
    @ValueSource(longs = {321, 322, 323, 324, 325, 326, 327, 328, 329, 330})
    void smallClustersToo(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.addTo(RandomTiers.addTo(RandomClusters.small(random), random, 8), random, seed % 2 == 0 ? 6 : 0);
        walk(snapshot, random, seed, 20);
    }

    /**
     * Toggles from earlier evaluations as well (undo, then another way): what an evaluation hands on
     * (its tier partitions and the ingress sides kept with them, list by list; the NetworkPolicy
     * ingress partitions by isolating list) is shared by every evaluation toggled from it, so a branch
     * must never read what another branch kept. Egress-only cluster-wide policies and Cilium's deny
     * parts are drawn often: the first keep every ingress list's entries, the second change lists that
     * the cluster-wide policies' rest of a class shares.
     */
    @ParameterizedTest
    @ValueSource(longs = {351, 352, 353})
    void togglesFromEarlierEvaluationsEqualFreshEvaluations(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomCilium.largeWithLayers(random, 600, 50, 15, 30);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> tiers = snapshot.clusterPolicies().stream().map(ClusterPolicy::id).toList();
        List<PolicyId> egressOnly = snapshot.clusterPolicies().stream().filter(p -> p.ingress().isEmpty()).map(ClusterPolicy::id).toList();
        List<PolicyId> cilium = snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).toList();
        List<PolicyId> policies = snapshot.policies().stream().map(p -> p.id()).toList();
        List<Evaluation> seen = new ArrayList<>(List.of(engine.evaluate(Set.of())));
        List<Set<PolicyId>> seenOff = new ArrayList<>(List.of(Set.of()));
        int changedSteps = 0;
        for (int step = 0; step < 30; step++) {
            int from = random.nextInt(3) == 0 ? random.nextInt(seen.size()) : seen.size() - 1;
            List<PolicyId> kind = List.of(policies, cilium, tiers, egressOnly.isEmpty() ? tiers : egressOnly).get(step % 4);
            PolicyId toggled = kind.get(random.nextInt(kind.size()));
            Set<PolicyId> off = new TreeSet<>(seenOff.get(from));
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            Evaluation next = seen.get(from).toggle(toggled);
            changedSteps += check(engine, seen.get(from), next, off, "seed " + seed + " step " + step + " from " + from + " toggling " + toggled);
            seen.add(next);
            seenOff.add(off);
        }
        assertTrue(changedSteps >= 2, "the walk changes something often enough to test: " + changedSteps);
    }

    /**
     * A cluster-wide toggle whose only change for some sources is a port it now denies (what the
     * Admin tier passes down, {@code Delta.passedOnly}), those sources two blocks away from the ones
     * whose allows changed: the toggle's window must still reach them, since the NetworkPolicy below
     * allows them that port.
     */
    @Test
    void aDenyAlonePassedDownFarFromTheChangedAllowsIsRecomputed() {
        ClusterFixture fixture = new ClusterFixture().namespace("aa", "side=far").namespace("zz", "side=near").pod("aa/src", "app=src");
        for (int i = 0; i < 600; i++) {
            fixture.pod("mid/w" + i, "i=" + i);
        }
        fixture.pod("zz/api", "app=api", ClusterFixture.tcpPort(80), ClusterFixture.tcpPort(443)).pod("zz/web", "app=web")
                .policy(ClusterFixture.ingressPolicy("zz/api-from-all", "app=api", ClusterFixture.rule(ClusterFixture.namespaces(""),
                        ClusterFixture.tcp(80), ClusterFixture.tcp(443))))
                .clusterPolicy(new ClusterPolicy(ClusterPolicy.CLUSTER_NETWORK_POLICY, "guard", PolicyTier.ADMIN, 10,
                        new ClusterPolicySubject(ClusterFixture.sel("side=near"), null), List.of(
                                new ClusterPolicyRule("deny-far", RuleAction.DENY, List.of(ClusterPolicyPeer.namespaces(ClusterFixture.sel("side=far"))),
                                        List.of(ClusterPolicyPort.range(Protocol.TCP, 80, 80)), SourceRef.NONE),
                                new ClusterPolicyRule("allow-near", RuleAction.ALLOW, List.of(ClusterPolicyPeer.namespaces(ClusterFixture.sel("side=near"))),
                                        List.of(ClusterPolicyPort.range(Protocol.TCP, 443, 443)), SourceRef.NONE)),
                        List.of(), SourceRef.NONE, ""));
        PolicyEngine engine = fixture.engine();
        PolicyId guard = new PolicyId(ClusterPolicy.CLUSTER_NETWORK_POLICY, "guard");
        Evaluation on = engine.evaluate(Set.of());
        Evaluation off = on.toggle(guard);
        assertEquals(1, check(engine, on, off, Set.of(guard), "guard off"));
        assertEquals(1, check(engine, off, off.toggle(guard), Set.of(), "guard on again"));
    }

    private static void walk(ClusterSnapshot snapshot, Random random, long seed, int steps) {
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        List<PolicyId> tiers = snapshot.clusterPolicies().stream().map(ClusterPolicy::id).toList();
        List<PolicyId> cilium = snapshot.ciliumPolicies().stream().map(CiliumPolicy::id).toList();
        List<PolicyId> policies = snapshot.policies().stream().map(p -> p.id()).toList();
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        int changedSteps = 0;
        for (int step = 0; step < steps; step++) {
            List<PolicyId> kind = step % 3 == 0 && !policies.isEmpty() ? policies : step % 3 == 1 && !cilium.isEmpty() ? cilium : tiers;
            PolicyId toggled = kind.get(random.nextInt(kind.size()));
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            changedSteps += check(engine, current, next, off, "seed " + seed + " step " + step + " toggling " + toggled);
            current = next;
        }
        assertTrue(changedSteps >= 2, "the walk changes something often enough to test: " + changedSteps);
    }

    /** Checks {@code next} (toggled from {@code current}) against a fresh evaluation with {@code off}; 1 when pairs changed, else 0. */
    private static int check(PolicyEngine engine, Evaluation current, Evaluation next, Set<PolicyId> off, String context) {
        Map<Long, PortSet[]> expected = differences(engine, current.connectivity(), engine.evaluate(off).connectivity(), next, context);
        Map<Long, PortSet[]> reported = new HashMap<>();
        next.changes().forEachPair((source, destination, before, after) -> {
            PortSet[] earlier = reported.put(key(source, destination), new PortSet[] {before, after});
            assertEquals(null, earlier, context + ": pair " + source + " -> " + destination + " reported twice");
        });
        assertEquals(expected.keySet(), reported.keySet(), context + ": the changed pairs");
        for (Map.Entry<Long, PortSet[]> change : expected.entrySet()) {
            assertEquals(List.of(change.getValue()), List.of(reported.get(change.getKey())), context + ": ports before and after");
        }
        return expected.isEmpty() ? 0 : 1;
    }

    /**
     * Checks that {@code toggled} holds the {@code fresh} connectivity, and returns the pairs whose
     * ports differ between {@code before} and {@code fresh}, keyed as the change visitor names them.
     */
    private static Map<Long, PortSet[]> differences(PolicyEngine engine, Connectivity before, Connectivity fresh, Evaluation toggled,
            String context) {
        Connectivity after = toggled.connectivity();
        int classes = engine.classes().size();
        int externals = engine.externalPeers().size();
        Map<Long, PortSet[]> out = new HashMap<>();
        for (int s = 0; s < classes; s++) {
            for (int d = 0; d < classes; d++) {
                assertEquals(fresh.allowed(s, d), after.allowed(s, d), context + " class " + s + " -> " + d);
                note(out, s, d, before.allowed(s, d), fresh.allowed(s, d));
            }
            for (int x = 0; x < externals; x++) {
                assertEquals(fresh.allowedToExternal(s, x), after.allowedToExternal(s, x), context + " " + s + " to ext " + x);
                assertEquals(fresh.allowedFromExternal(x, s), after.allowedFromExternal(x, s), context + " ext " + x + " to " + s);
                note(out, s, classes + x, before.allowedToExternal(s, x), fresh.allowedToExternal(s, x));
                note(out, classes + x, s, before.allowedFromExternal(x, s), fresh.allowedFromExternal(x, s));
            }
        }
        return out;
    }

    private static void note(Map<Long, PortSet[]> out, int source, int destination, PortSet before, PortSet after) {
        if (!before.equals(after)) {
            out.put(key(source, destination), new PortSet[] {before, after});
        }
    }

    private static long key(int source, int destination) {
        return ((long) source << 32) | destination;
    }
}

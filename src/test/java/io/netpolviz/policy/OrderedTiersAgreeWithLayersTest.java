package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one tier sequence ({@link OrderedTiers}) is the engine's three layers when Calico has
 * nothing to say: Admin tier (kube-admin), NetworkPolicies in the default tier, Baseline tier
 * (kube-baseline). Proved twice on random clusters with NetworkPolicies and cluster-wide
 * policies: the literal tier walk ({@link ReferenceChain}) against the literal layered reference,
 * and the tier-walking columns ({@link ChainColumns}, forced by a Calico policy that applies to
 * no pod) against the layered columns.
 */
class OrderedTiersAgreeWithLayersTest {

    private static final int[] PORTS = {53, 80, 443, 5432, 8080};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void literalTierWalkIsTheLayeredReference(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomTiers.addTo(RandomClusters.small(random), random, 6);
        Set<PolicyId> off = new TreeSet<>();
        if (random.nextBoolean()) {
            off.add(snapshot.policies().get(0).id());
        }
        ReferenceEvaluator layered = new ReferenceEvaluator(snapshot, off);
        ReferenceTiers tiers = new ReferenceTiers(snapshot, off, ns -> snapshot.namespace(ns).orElseThrow().labels());
        ReferenceChain chain = new ReferenceChain(snapshot, off, tiers, ns -> snapshot.namespace(ns).orElseThrow().labels(),
                layered::networkPolicyAllows);
        int compared = 0;
        for (Workload source : snapshot.workloads()) {
            for (Workload destination : snapshot.workloads()) {
                if (source.hostNetwork() || destination.hostNetwork() || source.equals(destination)) {
                    continue;
                }
                for (Protocol protocol : Protocol.values()) {
                    for (int port : PORTS) {
                        ReferenceEvaluator.Peer from = ReferenceEvaluator.Peer.pod(source);
                        ReferenceEvaluator.Peer to = ReferenceEvaluator.Peer.pod(destination);
                        boolean walked = chain.allows(source, PolicyType.EGRESS, to, to, protocol, port)
                                && chain.allows(destination, PolicyType.INGRESS, from, to, protocol, port);
                        assertEquals(layered.allowed(from, to, protocol, port), walked,
                                "seed " + seed + " " + source.id() + " -> " + destination.id() + " " + protocol + " " + port);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void tierWalkingColumnsAreTheLayeredColumns(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot plain = RandomTiers.addTo(RandomClusters.small(random), random, 6);
        CalicoPolicy nobody = new CalicoPolicy(CalicoPolicy.GLOBAL_NETWORK_POLICY, null, "selects-no-pod", "default", 10.0,
                CalicoSelector.parse("has(no-such-label)"), null, EnumSet.allOf(PolicyType.class), List.of(), List.of(),
                SourceRef.NONE, "");
        ClusterSnapshot withCalico = new ClusterSnapshot(plain.sourceName(), plain.namespaces(), plain.workloads(), plain.services(),
                plain.policies(), plain.clusterPolicies(), plain.diagnostics(), List.of(), plain.ciliumPolicies(),
                new CalicoResources(List.of(), List.of(nobody)));
        PolicyEngine layered = PolicyEngine.compile(plain);
        PolicyEngine walked = PolicyEngine.compile(withCalico);
        assertTrue(walked.hasCalico() && !layered.hasCalico());
        Connectivity expected = layered.evaluate().connectivity();
        Connectivity actual = walked.evaluate().connectivity();
        assertEquals(layered.externalPeers(), walked.externalPeers());
        for (int s = 0; s < layered.classes().size(); s++) {
            for (int d = 0; d < layered.classes().size(); d++) {
                assertEquals(expected.allowed(s, d), actual.allowed(s, d), "seed " + seed + " class " + s + " -> " + d);
            }
            for (int x = 0; x < layered.externalPeers().size(); x++) {
                assertEquals(expected.allowedToExternal(s, x), actual.allowedToExternal(s, x), "seed " + seed + " to ext " + x);
            }
        }
    }

    /** The random Calico inputs of {@code CalicoEngineMatchesReferenceTest} do decide: the agreement is not between two "allow everything"s. */
    @Test
    void randomCalicoPoliciesChangeWhatIsAllowed() {
        int changedPairs = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            ClusterSnapshot snapshot = RandomCalico.addTo(RandomTiers.addTo(RandomClusters.small(random), random, random.nextInt(4)), random, 8);
            PolicyEngine engine = PolicyEngine.compile(snapshot);
            Set<PolicyId> allCalicoOff = new TreeSet<>();
            snapshot.calico().policies().forEach(p -> allCalicoOff.add(p.id()));
            Connectivity with = engine.evaluate().connectivity();
            Connectivity without = engine.evaluate(allCalicoOff).connectivity();
            for (int s = 0; s < engine.classes().size(); s++) {
                for (int d = 0; d < engine.classes().size(); d++) {
                    changedPairs += with.allowed(s, d).equals(without.allowed(s, d)) ? 0 : 1;
                }
            }
        }
        assertTrue(changedPairs > 50, "Calico policies changed " + changedPairs + " class pairs");
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.testing.PolicyShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The random clusters the engine is compared with the reference on reach the policy shapes that matter. */
class RandomClustersTest {

    @Test
    void smallClustersOftenHaveMultiRuleMultiPeerMultiPortPolicies() {
        List<NetworkPolicy> policies = new ArrayList<>();
        for (long seed = 1; seed <= 500; seed++) {
            policies.addAll(RandomClusters.small(new Random(seed)).policies());
        }
        PolicyShapes shapes = PolicyShapes.of(policies);
        System.out.println("RandomClusters.small: " + shapes.display());
        assertTrue(shapes.multiRulePolicies() > 0.4, shapes.display());
        assertTrue(shapes.multiPeerRules() > 0.4, shapes.display());
        assertTrue(shapes.multiPortRules() > 0.4, shapes.display());
        assertTrue(shapes.allThreePolicies() > 0.2, shapes.display());
        assertTrue(shapes.rulesWithoutPeers() > 0.1 && shapes.rulesWithoutPorts() > 0.1, "the empty cases stay: " + shapes.display());
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import java.util.List;
import java.util.Set;

/**
 * The check the randomized engine tests share: for every pair of workloads, each protocol and each
 * of the given ports, and to and from each given outside address, the fast evaluation's verdict,
 * allowed ports and connectivity say what the literal {@link ReferenceEvaluator} says.
 */
final class ReferenceAgreement {

    private ReferenceAgreement() {
    }

    static void compareAll(PolicyEngine engine, Evaluation evaluation, ClusterSnapshot snapshot, Set<PolicyId> off, String context,
            int[] ports, List<IpAddress> externals) {
        ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, off);
        int compared = 0;
        for (Workload source : snapshot.workloads()) {
            Endpoint from = engine.resolve(source.id()).orElseThrow();
            for (Workload destination : snapshot.workloads()) {
                Endpoint to = engine.resolve(destination.id()).orElseThrow();
                for (Protocol protocol : Protocol.values()) {
                    for (int port : ports) {
                        boolean expected = reference.allowed(ReferenceEvaluator.Peer.pod(source), ReferenceEvaluator.Peer.pod(destination),
                                protocol, port);
                        String what = context + ": " + from.id() + " -> " + to.id() + " " + protocol + " " + port;
                        assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + what);
                        assertEquals(expected, evaluation.allowedPorts(from, to).contains(protocol, port), "allowedPorts " + what);
                        assertEquals(expected, evaluation.connectivity().allowed(from, to).orElseThrow().contains(protocol, port),
                                "connectivity " + what);
                        compared++;
                    }
                }
            }
            for (IpAddress address : externals) {
                Endpoint outside = Endpoint.External.address(address);
                for (int port : ports) {
                    boolean out = reference.allowed(ReferenceEvaluator.Peer.pod(source), ReferenceEvaluator.Peer.external(address), Protocol.TCP, port);
                    assertEquals(out, evaluation.verdict(from, outside, Protocol.TCP, port).allowed(), context + " " + from.id() + " -> " + address.display());
                    boolean in = reference.allowed(ReferenceEvaluator.Peer.external(address), ReferenceEvaluator.Peer.pod(source), Protocol.TCP, port);
                    assertEquals(in, evaluation.verdict(outside, from, Protocol.TCP, port).allowed(), context + " " + address.display() + " -> " + from.id());
                    assertEquals(in, evaluation.allowedPorts(outside, from).contains(Protocol.TCP, port), context + " ports " + address.display());
                }
            }
            int c = ((Endpoint.Pods) from).podClass().index();
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                Endpoint.External external = engine.externalPeers().get(x);
                assertEquals(evaluation.allowedPorts(from, external), evaluation.connectivity().allowedToExternal(c, x),
                        context + " " + from.id() + " -> " + external.id());
                assertEquals(evaluation.allowedPorts(external, from), evaluation.connectivity().allowedFromExternal(x, c),
                        context + " " + external.id() + " -> " + from.id());
            }
        }
        assertTrue(compared > 0);
    }
}

package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property test: on random clusters and probes, the fast engine and the literal reference agree on every verdict. */
class EngineMatchesReferenceTest {

    private static final int[] PORTS = RandomClusters.PORTS;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void fastEngineAgreesWithReferenceOnRandomClusters(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomClusters.small(random);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new HashSet<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            if (random.nextInt(4) == 0) {
                off.add(policy.id());
            }
        }
        Evaluation evaluation = engine.evaluate(off);
        ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, off);
        List<IpAddress> externals = List.of(ip("10.1.2.3"), ip("192.168.1.1"), ip("203.0.113.9"), ip("8.8.8.8"));
        int compared = 0;
        for (Workload source : snapshot.workloads()) {
            for (Workload destination : snapshot.workloads()) {
                for (Protocol protocol : Protocol.values()) {
                    for (int port : PORTS) {
                        compare(engine, evaluation, reference, source, destination, null, protocol, port);
                        compared++;
                    }
                }
            }
            for (IpAddress address : externals) {
                for (int port : PORTS) {
                    compare(engine, evaluation, reference, source, null, address, Protocol.TCP, port);
                    compareInbound(engine, evaluation, reference, address, source, Protocol.TCP, port);
                }
            }
        }
        assertEquals(snapshot.workloads().size() * snapshot.workloads().size() * Protocol.values().length * PORTS.length, compared);
    }

    private static void compare(PolicyEngine engine, Evaluation evaluation, ReferenceEvaluator reference,
                                Workload source, Workload destination, IpAddress address, Protocol protocol, int port) {
        Endpoint from = engine.resolve(source.id()).orElseThrow();
        Endpoint to = destination != null ? engine.resolve(destination.id()).orElseThrow() : Endpoint.External.address(address);
        boolean expected = reference.allowed(ReferenceEvaluator.Peer.pod(source),
                destination != null ? ReferenceEvaluator.Peer.pod(destination) : ReferenceEvaluator.Peer.external(address), protocol, port);
        String what = from.id() + " -> " + to.id() + " " + protocol + " " + port;
        assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + what);
        assertEquals(expected, evaluation.allowedPorts(from, to).contains(protocol, port), "allowedPorts " + what);
        if (destination != null) {
            assertEquals(expected, evaluation.connectivity().allowed(from, to).orElseThrow().contains(protocol, port), "connectivity " + what);
        }
    }

    private static void compareInbound(PolicyEngine engine, Evaluation evaluation, ReferenceEvaluator reference,
                                       IpAddress address, Workload destination, Protocol protocol, int port) {
        Endpoint from = Endpoint.External.address(address);
        Endpoint to = engine.resolve(destination.id()).orElseThrow();
        boolean expected = reference.allowed(ReferenceEvaluator.Peer.external(address), ReferenceEvaluator.Peer.pod(destination), protocol, port);
        assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + from.id() + " -> " + to.id());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void incrementalTogglesAgreeWithReferenceAndWithFreshEvaluations(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomClusters.small(random);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Set<PolicyId> off = new TreeSet<>();
        Evaluation first = engine.evaluate(off);
        Evaluation current = first;
        assertTrue(first.changes().isEmpty(), "a fresh evaluation has no changes");
        assertSameAsPairByPair(first);
        for (int step = 0; step < 16; step++) {
            PolicyId toggled = snapshot.policies().get(random.nextInt(snapshot.policies().size())).id();
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            String context = "seed " + seed + " step " + step + " toggling " + toggled + " (off: " + off + ")";
            assertEquals(off, next.switchedOff(), context);
            assertSameConnectivity(engine.evaluate(off).connectivity(), next.connectivity(), context);
            assertChangesExact(current.connectivity(), next.connectivity(), next.changes(), context);
            assertChangesExact(current.connectivity(), next.connectivity(), next.changesFrom(current), context);
            ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, off);
            for (Workload source : snapshot.workloads()) {
                for (Workload destination : snapshot.workloads()) {
                    Endpoint from = engine.resolve(source.id()).orElseThrow();
                    Endpoint to = engine.resolve(destination.id()).orElseThrow();
                    for (Protocol protocol : Protocol.values()) {
                        for (int port : PORTS) {
                            boolean expected = reference.allowed(ReferenceEvaluator.Peer.pod(source), ReferenceEvaluator.Peer.pod(destination), protocol, port);
                            String what = context + ": " + from.id() + " -> " + to.id() + " " + protocol + " " + port;
                            assertEquals(expected, next.verdict(from, to, protocol, port).allowed(), "verdict " + what);
                            assertEquals(expected, next.connectivity().allowed(from, to).orElseThrow().contains(protocol, port), "connectivity " + what);
                        }
                    }
                }
            }
            current = next;
        }
        assertChangesExact(first.connectivity(), current.connectivity(), current.changesFrom(first), "seed " + seed + " all steps at once");
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104})
    void incrementalTogglesStayExactWhenClassesSpanManyBlocks(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomClusters.large(random, 650, 40);
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        assertTrue(engine.classes().size() > 2 * ClassSet.BLOCK_BITS, "the cluster must span several blocks");
        Set<PolicyId> off = new TreeSet<>();
        Evaluation current = engine.evaluate(off);
        assertSameAsPairByPair(current);
        ReferenceEvaluator firstReference = new ReferenceEvaluator(snapshot, off);
        comparePodSample(engine, current, firstReference, snapshot, random, 4000);
        for (int step = 0; step < 24; step++) {
            PolicyId toggled = snapshot.policies().get(random.nextInt(snapshot.policies().size())).id();
            Evaluation next = current.toggle(toggled);
            if (!off.remove(toggled)) {
                off.add(toggled);
            }
            String context = "seed " + seed + " step " + step + " toggling " + toggled;
            assertSameConnectivity(engine.evaluate(off).connectivity(), next.connectivity(), context);
            assertChangesExact(current.connectivity(), next.connectivity(), next.changes(), context);
            comparePodSample(engine, next, new ReferenceEvaluator(snapshot, off), snapshot, random, 1500);
            current = next;
        }
    }

    /** The connectivity against the engine's own pair-by-pair answers, which the reference test above checks. */
    private static void assertSameAsPairByPair(Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        Connectivity connectivity = evaluation.connectivity();
        List<Endpoint.External> externals = engine.externalPeers();
        for (PodClass source : engine.classes()) {
            Endpoint from = endpoint(source);
            for (PodClass destination : engine.classes()) {
                if (Evaluation.isSelf(from, endpoint(destination))) {
                    // The class pair stands for distinct pods; a pod reaching itself follows no policy.
                    assertEquals(PortSet.ALL, evaluation.allowedPorts(from, endpoint(destination)), "a pod reaching itself");
                    continue;
                }
                assertEquals(evaluation.allowedPorts(from, endpoint(destination)), connectivity.allowed(source.index(), destination.index()),
                        () -> "class " + source.index() + " -> class " + destination.index());
            }
            for (int x = 0; x < externals.size(); x++) {
                assertEquals(evaluation.allowedPorts(from, externals.get(x)), connectivity.allowedToExternal(source.index(), x),
                        "class " + source.index() + " -> " + externals.get(x).id());
                assertEquals(evaluation.allowedPorts(externals.get(x), from), connectivity.allowedFromExternal(x, source.index()),
                        externals.get(x).id() + " -> class " + source.index());
            }
        }
    }

    private static void comparePodSample(PolicyEngine engine, Evaluation evaluation, ReferenceEvaluator reference,
                                         ClusterSnapshot snapshot, Random random, int probes) {
        List<Workload> workloads = snapshot.workloads();
        for (int i = 0; i < probes; i++) {
            Workload source = workloads.get(random.nextInt(workloads.size()));
            Workload destination = workloads.get(random.nextInt(workloads.size()));
            Protocol protocol = random.nextInt(4) == 0 ? Protocol.UDP : Protocol.TCP;
            int port = PORTS[random.nextInt(PORTS.length)];
            Endpoint from = engine.resolve(source.id()).orElseThrow();
            Endpoint to = engine.resolve(destination.id()).orElseThrow();
            boolean expected = reference.allowed(ReferenceEvaluator.Peer.pod(source), ReferenceEvaluator.Peer.pod(destination), protocol, port);
            String what = from.id() + " -> " + to.id() + " " + protocol + " " + port;
            assertEquals(expected, evaluation.connectivity().allowed(from, to).orElseThrow().contains(protocol, port), "connectivity " + what);
            assertEquals(expected, evaluation.verdict(from, to, protocol, port).allowed(), "verdict " + what);
        }
    }

    private static void assertSameConnectivity(Connectivity expected, Connectivity actual, String context) {
        int classes = expected.classCount();
        for (int source = 0; source < classes; source++) {
            for (int destination = 0; destination < classes; destination++) {
                int from = source;
                int to = destination;
                assertEquals(expected.allowed(source, destination), actual.allowed(source, destination),
                        () -> context + ": class " + from + " -> class " + to);
            }
            for (int x = 0; x < expected.externals().size(); x++) {
                int from = source;
                int external = x;
                assertEquals(expected.allowedToExternal(source, x), actual.allowedToExternal(source, x), () -> context + ": class " + from + " -> external " + external);
                assertEquals(expected.allowedFromExternal(x, source), actual.allowedFromExternal(x, source), () -> context + ": external " + external + " -> class " + from);
            }
        }
    }

    /** Every pair whose ports differ is listed once with the right before and after, and nothing else is. */
    private static void assertChangesExact(Connectivity before, Connectivity after, Changes changes, String context) {
        Map<String, String> expected = new TreeMap<>();
        int classes = before.classCount();
        for (int source = 0; source < classes; source++) {
            for (int destination = 0; destination < classes; destination++) {
                PortSet was = before.allowed(source, destination);
                PortSet now = after.allowed(source, destination);
                if (!was.equals(now)) {
                    expected.put(source + "->" + destination, was + " => " + now);
                }
            }
            for (int x = 0; x < before.externals().size(); x++) {
                expectChange(expected, source + "->x" + x, before.allowedToExternal(source, x), after.allowedToExternal(source, x));
                expectChange(expected, "x" + x + "->" + source, before.allowedFromExternal(x, source), after.allowedFromExternal(x, source));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (Changes.TowardDestination change : changes.towardDestinations()) {
            String destination = change.destinationClass() >= 0 ? Integer.toString(change.destinationClass()) : "x" + change.destinationExternal();
            change.sourceClasses().forEach(source -> assertNull(actual.put(source + "->" + destination, change.before() + " => " + change.after()),
                    context + ": listed twice " + source + "->" + destination));
        }
        for (Changes.FromExternal change : changes.fromExternals()) {
            change.destinationClasses().forEach(destination -> assertNull(actual.put("x" + change.external() + "->" + destination,
                    change.before() + " => " + change.after()), context + ": listed twice"));
        }
        assertEquals(expected, actual, context);
        assertEquals(expected.size(), changes.pairCount(), context);
    }

    private static void expectChange(Map<String, String> expected, String pair, PortSet before, PortSet after) {
        if (!before.equals(after)) {
            expected.put(pair, before + " => " + after);
        }
    }

    private static Endpoint endpoint(PodClass podClass) {
        return new Endpoint.Pods(podClass.workloads().get(0), podClass);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

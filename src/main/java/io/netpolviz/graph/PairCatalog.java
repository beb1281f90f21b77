package io.netpolviz.graph;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which pairs of ends a picture draws and with which ports, decided per pod class the way
 * {@link ReachabilityGraphBuilder} decides it per workload: a pair is drawn when a rule with
 * explicit peers of any policy (switched on or off) names it, or, in a cluster small enough, always;
 * its ports are the destination's declared ports and those the rules that apply to it name.
 * Workloads of one class are alike to every rule, so this is the workload answer for each of
 * their pairs. Built once per engine: which rules name which classes, indexed both ways, so the
 * whole set of drawn pairs is a walk over bitsets and never a test of every pair.
 *
 * <p>An end is a pod class index, or {@code classCount + x} for external peer {@code x} of
 * {@link PolicyEngine#externalPeers()}, the convention of the engine's changed pairs.
 */
final class PairCatalog {

    /** Receives drawn pairs of ends. */
    @FunctionalInterface
    interface PairVisitor {
        void visit(int source, int destination);
    }

    private final PolicyEngine engine;
    private final boolean allPairs;
    private final int classCount;
    private final List<Endpoint.External> externals;
    /** Per class: an endpoint standing for it (rules see only the class). */
    private final Endpoint.Pods[] representatives;
    /** Per class: the egress rules of the policies that select it, on or off. */
    private final CompiledRule[][] egressRules;
    /** Per class: the ingress rules of the policies that select it, on or off. */
    private final CompiledRule[][] ingressRules;
    /** Per class: its declared container ports as ranges. */
    private final PortRange[][] declared;
    /** The port lists handed out, one instance per distinct list: most pairs share a handful. */
    private final java.util.Map<List<PortRange>, List<PortRange>> interned = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per source class: the destination classes a rule names for it (egress of its policies, ingress of theirs). */
    private final BitSet[] namedDestinations;
    /** Per source class: the external peers an egress rule of its policies names. */
    private final BitSet[] namedExternalDestinations;
    /** Per external peer: the destination classes whose policies' ingress rules name it. */
    private final BitSet[] namedFromExternal;

    PairCatalog(PolicyEngine engine, boolean allPairs) {
        this.engine = engine;
        this.allPairs = allPairs;
        List<PodClass> classes = engine.classes();
        this.classCount = classes.size();
        this.externals = engine.externalPeers();
        this.representatives = new Endpoint.Pods[classCount];
        for (PodClass podClass : classes) {
            representatives[podClass.index()] = new Endpoint.Pods(podClass.workloads().get(0), podClass);
        }
        int[][] selecting = selectingPolicies(engine, classCount);
        this.egressRules = new CompiledRule[classCount][];
        this.ingressRules = new CompiledRule[classCount][];
        this.declared = new PortRange[classCount][];
        for (int c = 0; c < classCount; c++) {
            List<CompiledRule> egress = new ArrayList<>();
            List<CompiledRule> ingress = new ArrayList<>();
            for (int p : selecting[c]) {
                egress.addAll(engine.policies().get(p).rules(PolicyType.EGRESS));
                ingress.addAll(engine.policies().get(p).rules(PolicyType.INGRESS));
            }
            egressRules[c] = egress.toArray(new CompiledRule[0]);
            ingressRules[c] = ingress.toArray(new CompiledRule[0]);
            List<ContainerPort> ports = classes.get(c).ports();
            declared[c] = new PortRange[ports.size()];
            for (int i = 0; i < ports.size(); i++) {
                declared[c][i] = PortRange.single(ports.get(i).protocol(), ports.get(i).port());
            }
        }
        this.namedDestinations = new BitSet[classCount];
        this.namedExternalDestinations = new BitSet[classCount];
        this.namedFromExternal = new BitSet[externals.size()];
        if (!allPairs) {
            indexNamedPairs();
        }
    }

    private static int[][] selectingPolicies(PolicyEngine engine, int classCount) {
        int[] counts = new int[classCount];
        List<BitSet> selected = new ArrayList<>();
        for (CompiledPolicy policy : engine.policies()) {
            BitSet classes = policy.selectedClasses();
            selected.add(classes);
            for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
                counts[c]++;
            }
        }
        int[][] out = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            out[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int p = 0; p < selected.size(); p++) {
            BitSet classes = selected.get(p);
            for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
                out[c][counts[c]++] = p;
            }
        }
        return out;
    }

    private void indexNamedPairs() {
        for (CompiledPolicy policy : engine.policies()) {
            BitSet subjects = policy.selectedClasses();
            if (subjects.isEmpty()) {
                continue;
            }
            for (CompiledRule rule : policy.rules(PolicyType.EGRESS)) {
                if (rule.allPeers()) {
                    continue;
                }
                BitSet peers = rule.peerClasses();
                BitSet namedExternals = externalsNamedBy(rule);
                for (int c = subjects.nextSetBit(0); c >= 0; c = subjects.nextSetBit(c + 1)) {
                    if (!peers.isEmpty()) {
                        orInto(namedDestinations, c, peers);
                    }
                    if (!namedExternals.isEmpty()) {
                        orInto(namedExternalDestinations, c, namedExternals);
                    }
                }
            }
            for (CompiledRule rule : policy.rules(PolicyType.INGRESS)) {
                if (rule.allPeers()) {
                    continue;
                }
                BitSet peers = rule.peerClasses();
                for (int source = peers.nextSetBit(0); source >= 0; source = peers.nextSetBit(source + 1)) {
                    orInto(namedDestinations, source, subjects);
                }
                BitSet namedExternals = externalsNamedBy(rule);
                for (int x = namedExternals.nextSetBit(0); x >= 0; x = namedExternals.nextSetBit(x + 1)) {
                    orInto(namedFromExternal, x, subjects);
                }
            }
        }
    }

    private BitSet externalsNamedBy(CompiledRule rule) {
        BitSet named = new BitSet(externals.size());
        if (rule.ipBlocks().isEmpty()) {
            return named;
        }
        for (int x = 0; x < externals.size(); x++) {
            if (rule.matchesExternal(externals.get(x).block())) {
                named.set(x);
            }
        }
        return named;
    }

    private static void orInto(BitSet[] sets, int at, BitSet bits) {
        if (sets[at] == null) {
            sets[at] = (BitSet) bits.clone();
        } else {
            sets[at].or(bits);
        }
    }

    int classCount() {
        return classCount;
    }

    boolean drawsAllPairs() {
        return allPairs;
    }

    /** Calls {@code visitor} with every drawn pair: class to class, class to external peer, external peer to class. */
    void forEachDrawnPair(PairVisitor visitor) {
        int externalCount = externals.size();
        for (int source = 0; source < classCount; source++) {
            if (allPairs) {
                for (int destination = 0; destination < classCount; destination++) {
                    visitor.visit(source, destination);
                }
                for (int x = 0; x < externalCount; x++) {
                    visitor.visit(source, classCount + x);
                }
                continue;
            }
            BitSet destinations = namedDestinations[source];
            if (destinations != null) {
                for (int d = destinations.nextSetBit(0); d >= 0; d = destinations.nextSetBit(d + 1)) {
                    visitor.visit(source, d);
                }
            }
            BitSet toExternals = namedExternalDestinations[source];
            if (toExternals != null) {
                for (int x = toExternals.nextSetBit(0); x >= 0; x = toExternals.nextSetBit(x + 1)) {
                    visitor.visit(source, classCount + x);
                }
            }
        }
        for (int x = 0; x < externalCount; x++) {
            if (allPairs) {
                for (int destination = 0; destination < classCount; destination++) {
                    visitor.visit(classCount + x, destination);
                }
                continue;
            }
            BitSet destinations = namedFromExternal[x];
            if (destinations != null) {
                for (int d = destinations.nextSetBit(0); d >= 0; d = destinations.nextSetBit(d + 1)) {
                    visitor.visit(classCount + x, d);
                }
            }
        }
    }

    /** Whether the pair of ends is drawn (before its ports are asked: a drawn pair with no port is not). */
    boolean drawn(int source, int destination) {
        boolean fromExternal = source >= classCount;
        boolean toExternal = destination >= classCount;
        if (fromExternal && toExternal) {
            return false;
        }
        if (allPairs) {
            return true;
        }
        if (fromExternal) {
            BitSet destinations = namedFromExternal[source - classCount];
            return destinations != null && destinations.get(destination);
        }
        BitSet named = toExternal ? namedExternalDestinations[source] : namedDestinations[source];
        return named != null && named.get(toExternal ? destination - classCount : destination);
    }

    Endpoint endpoint(int end) {
        return end < classCount ? representatives[end] : externals.get(end - classCount);
    }

    /**
     * The ports worth showing for a pair of ends, sorted: what
     * {@link ReachabilityGraphBuilder#candidatePorts} answers for any workloads of these classes,
     * found through the policies that select either end instead of all of them.
     */
    List<PortRange> candidatePorts(int source, int destination) {
        List<PortRange> ports = new ArrayList<>(8);
        boolean[] named = new boolean[2];
        if (destination < classCount) {
            ports.addAll(java.util.Arrays.asList(declared[destination]));
        }
        Endpoint.External external = collectRulePorts(source, destination, ports, named);
        if (external != null && !named[0]) {
            return List.of();
        }
        if (ports.isEmpty() && (named[1] || destination < classCount)) {
            ports.addAll(PortRange.everyPort()); // as ReachabilityGraphBuilder: a rule without ports admits every protocol
        }
        return distinctSorted(ports);
    }

    /**
     * The ports rules name for a pair of ends, sorted, for an edge that sums up many pairs: there
     * the ports every destination merely declares (metrics, databases, caches, on every edge into
     * a team) bury the ones a rule is about. When the rules name no port (they admit all), the
     * {@link #candidatePorts} instead. Never more than those.
     */
    List<PortRange> namedPorts(int source, int destination) {
        List<PortRange> ports = new ArrayList<>(4);
        collectRulePorts(source, destination, ports, new boolean[2]);
        if (ports.isEmpty()) {
            return candidatePorts(source, destination);
        }
        return distinctSorted(ports);
    }

    /**
     * Adds the ports the egress rules of the source and the ingress rules of the destination name
     * for this pair ({@code named} as {@link #collect} sets it); the external end, if one is.
     */
    private Endpoint.External collectRulePorts(int source, int destination, List<PortRange> ports, boolean[] named) {
        Endpoint from = endpoint(source);
        Endpoint to = endpoint(destination);
        Endpoint.External external = from instanceof Endpoint.External x ? x : to instanceof Endpoint.External y ? y : null;
        if (source < classCount) {
            collect(egressRules[source], to, to, external, ports, named);
        }
        if (destination < classCount) {
            collect(ingressRules[destination], from, to, external, ports, named);
        }
        return external;
    }

    private List<PortRange> distinctSorted(List<PortRange> ports) {
        ports.sort(null);
        List<PortRange> distinct = new ArrayList<>(ports.size());
        for (PortRange port : ports) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(port)) {
                distinct.add(port);
            }
        }
        return interned.computeIfAbsent(distinct, List::copyOf);
    }

    /** {@code named[0]}: some rule applies to the pair; {@code named[1]}: one of them admits every port. */
    private static void collect(CompiledRule[] rules, Endpoint peer, Endpoint destination, Endpoint.External external,
            List<PortRange> ports, boolean[] named) {
        for (CompiledRule rule : rules) {
            if (!rule.matches(peer)) {
                continue;
            }
            // "Any address" is named by a rule without peers; a specific block is not.
            if (external != null && rule.allPeers() && !external.isAnyAddress()) {
                continue;
            }
            named[0] = true;
            if (rule.source().allowsAllPorts()) {
                named[1] = true;
            } else {
                ports.addAll(rule.portsToward(destination).ranges());
            }
        }
    }
}

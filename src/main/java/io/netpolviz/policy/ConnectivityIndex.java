package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the connectivity computation needs to know about the compiled cluster, independent of
 * which policies are switched on: per policy the pods it governs and the block window they lie
 * in, per rule its peers as a {@link ClassSet}, and the inverted index from each destination
 * (pod class or external peer) to the egress rules whose peers reach it. Built once per engine.
 */
final class ConnectivityIndex {

    /** An egress rule of a policy that isolates egress. */
    record EgressSlot(int policy, CompiledRule rule) {
    }

    final int classCount;
    final int blockCount;
    final List<PodClass> classes;
    final List<Endpoint.External> externals;
    final ClassSet allClasses;
    final ClassSet emptyClasses;
    final boolean[] hostNetwork;
    /** Per policy: the classes it selects that NetworkPolicy governs (host-network pods excluded). */
    final ClassSet[] governed;
    /** Per policy: the block window {@code [from, to)} that holds {@link #governed}. */
    final int[][] window;
    /** Per policy, per ingress rule: the source classes its peers match (every class for a rule without peers). */
    final ClassSet[][] ingressPeers;
    /** Per policy, per external peer: the ingress rules that admit all of that peer (few: most rules name pods). */
    final int[][][] ingressRulesAdmittingExternal;
    /** Per external peer, per policy: whether some ingress rule admits all of that peer (one flat row to scan per peer). */
    final boolean[][] admitsExternal;
    final EgressSlot[] egressSlots;
    /** Per class: the egress slots whose peer list names it. */
    final int[][] egressSlotsReachingClass;
    /** Egress slots without a peer list: they reach every class and every external peer. */
    final int[] egressSlotsReachingAll;
    /** Per external peer: the egress slots that admit all of it (a covering ipBlock, or no peer list). */
    final int[][] egressSlotsReachingExternal;
    /** Per policy: the classes its egress rules reach (all when a rule has no peer list). */
    final ClassSet[] egressReach;
    /** Per policy: the external peers its egress rules reach. */
    final int[][] egressReachExternal;
    /**
     * Per class: its port profile, the same number for classes that declare the same ports.
     * What a rule with named ports admits toward a class depends on nothing else.
     */
    final int[] portProfile;
    /** The ordered tiers' subjects, peers and reach. */
    final TierIndex tiers;
    /**
     * Per class: its egress kind, the same number for classes reached by the same NetworkPolicy
     * egress slots and the same tier egress rules and declaring the same ports. A column's egress
     * side depends on nothing else, so columns of one kind share it ({@link ColumnSides}).
     */
    final int[] egressKind;
    private final int profileCount;
    /** Per egress slot, per port profile: the rule's ports toward such a class; filled on first use. */
    private final PortSet[][] egressPortCache;
    /**
     * Per egress slot: its rule's ports when it names none, null otherwise. Read in one array, as every egress walk does
     * for each slot that reaches its column, rather than through the slot, its rule and its list of named ports.
     */
    private final PortSet[] egressNumericPorts;
    /** Per policy, per ingress rule, per port profile: likewise for ingress rules. */
    private final PortSet[][][] ingressPortCache;

    ConnectivityIndex(PolicyEngine engine) {
        this.classes = engine.classes();
        this.classCount = classes.size();
        this.blockCount = ClassSet.blockCount(classCount);
        this.externals = engine.externalPeers();
        this.allClasses = ClassSet.all(classCount);
        this.emptyClasses = ClassSet.empty(classCount);
        this.hostNetwork = new boolean[classCount];
        for (PodClass podClass : classes) {
            hostNetwork[podClass.index()] = podClass.hostNetwork();
        }
        List<CompiledPolicy> policies = engine.policies();
        int policyCount = policies.size();
        this.governed = new ClassSet[policyCount];
        this.window = new int[policyCount][];
        this.ingressPeers = new ClassSet[policyCount][];
        this.ingressRulesAdmittingExternal = new int[policyCount][][];
        this.admitsExternal = new boolean[externals.size()][policyCount];
        this.egressReach = new ClassSet[policyCount];
        this.egressReachExternal = new int[policyCount][];
        List<EgressSlot> slots = new ArrayList<>();
        for (CompiledPolicy policy : policies) {
            int p = policy.index();
            ClassSetBuilder selected = new ClassSetBuilder(classCount);
            java.util.BitSet bits = policy.selectedClassesView();
            for (int c = bits.nextSetBit(0); c >= 0; c = bits.nextSetBit(c + 1)) {
                if (!hostNetwork[c]) {
                    selected.add(c);
                }
            }
            governed[p] = selected.build();
            window[p] = governed[p].blockSpan();
            List<CompiledRule> ingress = policy.rules(PolicyType.INGRESS);
            ingressPeers[p] = new ClassSet[ingress.size()];
            ingressRulesAdmittingExternal[p] = new int[externals.size()][];
            for (int r = 0; r < ingress.size(); r++) {
                ingressPeers[p][r] = peersOf(ingress.get(r));
            }
            for (int x = 0; x < externals.size(); x++) {
                int[] admitting = new int[ingress.size()];
                int found = 0;
                for (int r = 0; r < ingress.size(); r++) {
                    if (ingress.get(r).matchesExternal(externals.get(x).block())) {
                        admitting[found++] = r;
                    }
                }
                ingressRulesAdmittingExternal[p][x] = java.util.Arrays.copyOf(admitting, found);
                admitsExternal[x][p] = found > 0;
            }
            ClassSet reach = emptyClasses;
            List<Integer> reachedExternals = new ArrayList<>();
            // A Cilium allow part adds its egress rules to the union even where another policy does the isolating.
            if (policy.isolates(PolicyType.EGRESS) || policy.isCilium()) {
                for (CompiledRule rule : policy.rules(PolicyType.EGRESS)) {
                    slots.add(new EgressSlot(p, rule));
                    reach = reach.or(peersOf(rule));
                }
                for (int x = 0; x < externals.size(); x++) {
                    for (CompiledRule rule : policy.rules(PolicyType.EGRESS)) {
                        if (rule.matchesExternal(externals.get(x).block())) {
                            reachedExternals.add(x);
                            break;
                        }
                    }
                }
            }
            egressReach[p] = reach;
            egressReachExternal[p] = reachedExternals.stream().mapToInt(Integer::intValue).toArray();
        }
        this.egressSlots = slots.toArray(new EgressSlot[0]);
        this.egressSlotsReachingClass = invertEgressPeers();
        List<Integer> reachingAll = new ArrayList<>();
        for (int s = 0; s < egressSlots.length; s++) {
            if (egressSlots[s].rule().allPeers()) {
                reachingAll.add(s);
            }
        }
        this.egressSlotsReachingAll = reachingAll.stream().mapToInt(Integer::intValue).toArray();
        this.portProfile = new int[classCount];
        java.util.Map<List<io.netpolviz.model.ContainerPort>, Integer> profiles = new java.util.HashMap<>();
        for (PodClass podClass : classes) {
            portProfile[podClass.index()] = profiles.computeIfAbsent(podClass.ports(), ports -> profiles.size());
        }
        this.profileCount = profiles.size();
        this.egressPortCache = new PortSet[egressSlots.length][];
        this.egressNumericPorts = new PortSet[egressSlots.length];
        for (int s = 0; s < egressSlots.length; s++) {
            CompiledRule rule = egressSlots[s].rule();
            egressNumericPorts[s] = rule.hasNamedPorts() ? null : rule.numericPorts();
        }
        this.ingressPortCache = new PortSet[policyCount][][];
        for (CompiledPolicy policy : policies) {
            ingressPortCache[policy.index()] = new PortSet[policy.rules(PolicyType.INGRESS).size()][];
        }
        this.tiers = new TierIndex(engine);
        this.egressKind = egressKinds();
        this.egressSlotsReachingExternal = new int[externals.size()][];
        for (int x = 0; x < externals.size(); x++) {
            List<Integer> matching = new ArrayList<>();
            for (int s = 0; s < egressSlots.length; s++) {
                if (egressSlots[s].rule().matchesExternal(externals.get(x).block())) {
                    matching.add(s);
                }
            }
            egressSlotsReachingExternal[x] = matching.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int[] egressKinds() {
        int[] kinds = new int[classCount];
        java.util.Map<List<Integer>, Integer> seen = new java.util.HashMap<>();
        for (int c = 0; c < classCount; c++) {
            List<Integer> inputs = new ArrayList<>(egressSlotsReachingClass[c].length + 2);
            for (int s : egressSlotsReachingClass[c]) {
                inputs.add(s);
            }
            // Lists of one length hold the tier list and the port profile at the same places.
            inputs.add(tiers.egressList[c]);
            inputs.add(portProfile[c]);
            kinds[c] = seen.computeIfAbsent(inputs, key -> seen.size());
        }
        return kinds;
    }

    private ClassSet peersOf(CompiledRule rule) {
        return rule.allPeers() ? allClasses : ClassSet.of(classCount, rule.peerClasses());
    }

    /** Counts, then fills: one pass over each rule's peers per phase, no boxed lists per class. */
    private int[][] invertEgressPeers() {
        int[] counts = new int[classCount];
        List<int[]> peerLists = new ArrayList<>(egressSlots.length);
        for (EgressSlot slot : egressSlots) {
            int[] peers = slot.rule().allPeers() ? new int[0] : bitsOf(slot.rule().peerClasses());
            peerLists.add(peers);
            for (int c : peers) {
                counts[c]++;
            }
        }
        int[][] reaching = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            reaching[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int s = 0; s < egressSlots.length; s++) {
            for (int c : peerLists.get(s)) {
                reaching[c][counts[c]++] = s;
            }
        }
        return reaching;
    }

    private static int[] bitsOf(java.util.BitSet bits) {
        return bits.stream().toArray();
    }

    /** What egress slot {@code slot} admits toward pods of class {@code destination}. */
    PortSet egressPorts(int slot, int destination) {
        if (egressNumericPorts[slot] != null) {
            return egressNumericPorts[slot];
        }
        CompiledRule rule = egressSlots[slot].rule();
        PortSet[] cache = egressPortCache[slot];
        if (cache == null) {
            cache = new PortSet[profileCount];
            egressPortCache[slot] = cache;
        }
        return resolve(cache, rule, destination);
    }

    /** What ingress rule {@code rule} of policy {@code policy} admits toward pods of class {@code destination}. */
    PortSet ingressPorts(int policy, int ruleIndex, CompiledRule rule, int destination) {
        if (!rule.hasNamedPorts()) {
            return rule.numericPorts();
        }
        PortSet[] cache = ingressPortCache[policy][ruleIndex];
        if (cache == null) {
            cache = new PortSet[profileCount];
            ingressPortCache[policy][ruleIndex] = cache;
        }
        return resolve(cache, rule, destination);
    }

    /**
     * Two threads may fill the same entry at once; both compute the same immutable value, so
     * the race is harmless and needs no lock.
     */
    private PortSet resolve(PortSet[] cache, CompiledRule rule, int destination) {
        int profile = portProfile[destination];
        PortSet ports = cache[profile];
        if (ports == null) {
            ports = rule.portsToward(classes.get(destination));
            cache[profile] = ports;
        }
        return ports;
    }

    /** The column of an external peer: columns {@code 0..classCount-1} are pod classes, the rest external peers. */
    int externalColumn(int external) {
        return classCount + external;
    }

    int columnCount() {
        return classCount + externals.size();
    }
}

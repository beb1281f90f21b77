package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For a cluster-wide toggle: on which block window each column the policy reaches must be
 * recomputed, if at all. The sources whose tier decision changed ({@link TierPartitions.Delta})
 * are found once per list of rules: from the rules that can match the policy's sources
 * ({@link TierDeltas}) where those are few, else from the cached partitions on every block before
 * and after; a column then needs the sources whose allows changed, and those whose only change is what the Admin tier passes
 * down when the layers below allow them something toward this column (the NetworkPolicy rules
 * of the column's side, or the Baseline tier where none isolates). A window {@code [0, 0)} means
 * the column stays as it was.
 */
final class TierToggleWindows {

    private static final int[] NOTHING = {0, 0};

    private final ConnectivityIndex index;
    private final PolicyEngine engine;
    private final Evaluation next;
    private final ClassSet egressOpen;
    private final boolean baseline;
    private final Map<Long, TierPartitions.Delta> deltas = new HashMap<>();
    /** Per egress kind ({@link ConnectivityIndex#egressKind}): the window of its class columns, which depends on nothing else. */
    private final Map<Integer, int[]> egressWindows = new HashMap<>();
    /** Per ingress kind ({@link IngressKinds}): the window of its class columns, likewise. */
    private final Map<Integer, int[]> ingressWindows = new HashMap<>();
    private final IngressKinds ingressKinds;
    /** The sources whose tier decision changed, on the sources the policy's rules can match (its reach) only. */
    private final TierDeltas ingressDeltas;
    private final TierDeltas egressDeltas;

    /** {@code ingressKinds}: the kinds of {@code next}'s classes. */
    TierToggleWindows(Evaluation previous, Evaluation next, CompiledTierPolicy policy, ClassSet egressOpen, IngressKinds ingressKinds) {
        this.ingressKinds = ingressKinds;
        this.engine = next.engine();
        this.index = engine.connectivityIndex();
        this.next = next;
        this.egressOpen = egressOpen;
        this.baseline = policy.tier() == io.netpolviz.model.PolicyTier.BASELINE;
        ClassSetUnion peers = new ClassSetUnion(index.classCount, 0, index.blockCount);
        for (ClassSet rulePeers : index.tiers.peers[policy.index()][PolicyType.INGRESS.ordinal()]) {
            peers.add(rulePeers);
        }
        this.ingressDeltas = new TierDeltas(previous, next, policy.index(), peers.build());
        this.egressDeltas = new TierDeltas(previous, next, policy.index(), index.tiers.subjects[policy.index()]);
    }

    /** The window of sources to recompute in class {@code column} for the policy's ingress rules. */
    int[] ingress(int column) {
        int kind = ingressKinds.of(column);
        int[] window = ingressWindows.get(kind);
        if (window == null) {
            window = ingressWindow(column);
            ingressWindows.put(kind, window);
        }
        return window;
    }

    private int[] ingressWindow(int column) {
        if (ingressDeltas.reachesNothing()) {
            return NOTHING;
        }
        TierPartitions.Delta delta = deltas.computeIfAbsent(ingressDeltas.ingressKey(column), key -> ingressDeltas.ingress(column));
        return delta.span(() -> ingressSupport(column));
    }

    /** The window of sources to recompute in {@code column} (a class or an external peer's) for the policy's egress rules. */
    int[] egress(int column) {
        if (column < index.classCount) {
            // The partitions and the support below both follow from the column's egress kind.
            int[] window = egressWindows.get(index.egressKind[column]);
            if (window == null) {
                window = egressWindow(column);
                egressWindows.put(index.egressKind[column], window);
            }
            return window;
        }
        return egressWindow(column);
    }

    private int[] egressWindow(int column) {
        if (egressDeltas.reachesNothing()) {
            return NOTHING;
        }
        TierPartitions.Delta delta = deltas.computeIfAbsent(TierPartitions.egressKey(index, column), key -> egressDeltas.egress(column));
        if (!baseline) {
            return delta.span(() -> egressSupport(column));
        }
        // The Baseline tier decides a source's egress only where no NetworkPolicy isolates it.
        ClassSet sources = delta.sources(() -> egressSupport(column)).and(egressOpen);
        return sources.isEmpty() ? NOTHING : sources.blockSpan();
    }

    /**
     * The sources the ingress layers below the Admin tier may allow something into {@code column}:
     * the peers of the isolating NetworkPolicies' rules that name a port this destination has, or
     * every class where none isolates it (the Baseline tier and the default decide).
     */
    private ClassSet ingressSupport(int column) {
        int[] isolating = next.isolatingIndices(PolicyType.INGRESS, column);
        if (isolating.length == 0) {
            return index.allClasses;
        }
        // The same sources as the union of the groups of the layer's ingress partition, when some evaluation has made it.
        ClassSet admitted = ingressKinds.networkPolicySides().admitted(isolating, index.portProfile[column]);
        if (admitted != null) {
            return admitted;
        }
        ClassSetUnion support = new ClassSetUnion(index.classCount, 0, index.blockCount);
        for (int p : isolating) {
            List<CompiledRule> rules = engine.policies().get(p).rules(PolicyType.INGRESS);
            for (int r = 0; r < rules.size(); r++) {
                if (!index.ingressPorts(p, r, rules.get(r), column).isEmpty()) {
                    support.add(index.ingressPeers[p][r]);
                }
            }
        }
        return support.build();
    }

    /**
     * The sources the egress layers below the Admin tier may allow something toward
     * {@code column}: those no NetworkPolicy isolates for egress, and those a switched-on egress
     * rule reaching it on some port governs.
     */
    private ClassSet egressSupport(int column) {
        ClassSetUnion support = new ClassSetUnion(index.classCount, 0, index.blockCount);
        support.add(egressOpen);
        boolean external = column >= index.classCount;
        addGoverned(support, external ? index.egressSlotsReachingExternal[column - index.classCount] : index.egressSlotsReachingClass[column],
                external ? -1 : column);
        if (!external) {
            addGoverned(support, index.egressSlotsReachingAll, column);
        }
        return support.build();
    }

    private void addGoverned(ClassSetUnion support, int[] slots, int destination) {
        for (int s : slots) {
            ConnectivityIndex.EgressSlot slot = index.egressSlots[s];
            PortSet ports = destination < 0 ? slot.rule().numericPorts() : index.egressPorts(s, destination);
            if (next.isEnabled(slot.policy()) && !ports.isEmpty()) {
                support.add(index.governed[slot.policy()]);
            }
        }
    }
}

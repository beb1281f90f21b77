package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdicts for one choice of switched-on policies. Built in one pass over the policies'
 * selected classes (which policies isolate each class in each direction); every question after
 * that looks only at the rules of those policies.
 *
 * <p>The full evaluation is {@link #connectivity()}: for every ordered pair of pod classes (and
 * between classes and the external peers rules name) the ports a new connection is allowed on,
 * computed once on first use. {@link #toggle(PolicyId)} switches one policy and recomputes only
 * what that policy can affect, and the evaluation it returns reports the changed pairs in
 * {@link #changes()}.
 */
public final class Evaluation {

    private final PolicyEngine engine;
    private final BitSet enabled;
    /** Switched-on cluster-wide policies, by their index in the engine's decision order. */
    private final BitSet tierEnabled;
    /** Switched-on Calico policies, by their index among the engine's. */
    private final BitSet calicoEnabled;
    /** Per direction ordinal, per class index: indices of switched-on policies that isolate it, ascending. */
    private final int[][][] isolating;
    /** Classes whose egress some switched-on policy restricts (host-network pods never). */
    private final ClassSet egressIsolated;
    private final Changes changes;
    /** The tiers' partitions for this choice of switched-on cluster-wide policies, shared with NetworkPolicy toggles. */
    private final TierPartitionCache tierPartitions;
    private volatile Connectivity connectivity;
    /** With Calico's policies: the columns' walks through the ordered tiers, made on first use and handed on by toggles. */
    private ChainColumns chain;
    /** The classes' ingress kinds, found on first use or handed on by a toggle (see {@link IngressKinds}). */
    private volatile IngressKinds ingressKinds;

    private Evaluation(PolicyEngine engine, BitSet enabled, BitSet tierEnabled, BitSet calicoEnabled, TierPartitionCache tierPartitions,
            int[][][] isolating, ClassSet egressIsolated, Connectivity connectivity, Changes changes) {
        this.engine = engine;
        this.calicoEnabled = calicoEnabled;
        this.tierPartitions = tierPartitions;
        this.enabled = enabled;
        this.tierEnabled = tierEnabled;
        this.isolating = isolating;
        this.egressIsolated = egressIsolated;
        this.connectivity = connectivity;
        this.changes = changes;
    }

    Evaluation(PolicyEngine engine, BitSet enabled, BitSet tierEnabled, BitSet calicoEnabled) {
        this.engine = engine;
        this.calicoEnabled = (BitSet) calicoEnabled.clone();
        this.changes = Changes.none(engine);
        this.enabled = (BitSet) enabled.clone();
        this.tierEnabled = (BitSet) tierEnabled.clone();
        this.tierPartitions = TierPartitionCache.of(engine);
        this.isolating = IsolatingLists.of(engine, this.enabled);
        this.egressIsolated = IsolatingLists.egressIsolated(engine, isolating, 0, engine.classes().size());
    }

    /**
     * The complete class-level connectivity (see {@link Connectivity}), computed on first use.
     * An evaluation made by {@link #toggle} has it already, derived from its predecessor's.
     */
    public Connectivity connectivity() {
        Connectivity result = connectivity;
        if (result == null) {
            synchronized (this) {
                result = connectivity;
                if (result == null) {
                    result = new ConnectivityBuilder(this).full();
                    connectivity = result;
                }
            }
        }
        return result;
    }

    /**
     * This evaluation with one policy switched the other way: its verdicts, its connectivity
     * (recomputed only where the policy selects pods or its rules reach), and in
     * {@link #changes()} every pair whose allowed ports differ from this evaluation's. This
     * evaluation is left as it was, so undo is keeping it.
     *
     * @throws IllegalArgumentException when the engine has no such policy
     */
    public Evaluation toggle(PolicyId id) {
        CiliumCompiler.Parts cilium = engine.ciliumParts(id).orElse(null);
        if (cilium != null) {
            return CiliumToggle.apply(this, cilium);
        }
        if (engine.hasCalico()) {
            return CalicoToggle.toggle(this, id);
        }
        CompiledTierPolicy tierPolicy = engine.tierPolicy(id).orElse(null);
        if (tierPolicy != null) {
            return toggleTier(tierPolicy);
        }
        return togglePolicy(engine.policy(id).orElseThrow(() -> new IllegalArgumentException("no policy " + id)));
    }

    synchronized IngressKinds ingressKinds() {
        if (ingressKinds == null) {
            ingressKinds = IngressKinds.of(this);
        }
        return ingressKinds;
    }

    private Evaluation holding(IngressKinds kindsOfItsClasses) {
        ingressKinds = kindsOfItsClasses;
        return this;
    }

    /** One policy of the NetworkPolicy layer switched: isolation where it selects, and what its rules reach, recomputed. */
    Evaluation togglePolicy(CompiledPolicy policy) {
        Evaluation next = withPolicySwitched(policy);
        // Only the classes the policy selects can change isolation, and so ingress kind.
        IngressKinds kinds = policy.decides(PolicyType.INGRESS) ? ingressKinds().after(next, policy.selectedClassesView()) : ingressKinds();
        next.holding(kinds);
        Connectivity before = connectivity();
        ChangeCollector collector = new ChangeCollector(engine);
        Connectivity after = new ConnectivityBuilder(next).toggle(before, this, policy, collector);
        return new Evaluation(engine, next.enabled, tierEnabled, calicoEnabled, tierPartitions, next.isolating, next.egressIsolated, after,
                collector.changes()).holding(kinds);
    }

    /** This evaluation with NetworkPolicy {@code policy} switched the other way: isolation updated where it selects, nothing computed. */
    Evaluation withPolicySwitched(CompiledPolicy policy) {
        int p = policy.index();
        BitSet nextEnabled = (BitSet) enabled.clone();
        nextEnabled.flip(p);
        boolean switchingOn = nextEnabled.get(p);
        int[][][] nextIsolating = isolating.clone();
        BitSet selected = policy.selectedClassesView();
        for (PolicyType direction : PolicyType.values()) {
            if (!policy.decides(direction)) {
                continue;
            }
            int[][] perClass = isolating[direction.ordinal()].clone();
            for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
                perClass[c] = switchingOn ? SortedIndices.with(perClass[c], p) : SortedIndices.without(perClass[c], p);
                if (engine.hasContributors()) {
                    perClass[c] = CiliumContributors.adjust(engine, nextEnabled, direction, c, perClass[c]);
                }
            }
            nextIsolating[direction.ordinal()] = perClass;
        }
        ClassSet nextEgressIsolated = egressIsolated;
        if (policy.isolates(PolicyType.EGRESS) && !selected.isEmpty()) {
            // Only the classes the policy selects can change: rescan their blocks.
            int blocksFrom = selected.nextSetBit(0) >>> ClassSet.BLOCK_SHIFT;
            int blocksTo = ((selected.length() - 1) >>> ClassSet.BLOCK_SHIFT) + 1;
            ClassSet rescanned = IsolatingLists.egressIsolated(engine, nextIsolating, blocksFrom * ClassSet.BLOCK_BITS,
                    Math.min(engine.classes().size(), blocksTo * ClassSet.BLOCK_BITS));
            nextEgressIsolated = egressIsolated.splice(rescanned, blocksFrom, blocksTo);
        }
        return new Evaluation(engine, nextEnabled, tierEnabled, calicoEnabled, tierPartitions, nextIsolating, nextEgressIsolated, null, null);
    }

    /** A cluster-wide policy switched: NetworkPolicy isolation stays; only what its rules reach is recomputed. */
    Evaluation toggleTier(CompiledTierPolicy policy) {
        BitSet nextTierEnabled = (BitSet) tierEnabled.clone();
        nextTierEnabled.flip(policy.index());
        Connectivity before = connectivity();
        TierPartitionCache partitions = tierPartitions.without(policy.index(), engine.connectivityIndex().tiers);
        // The same isolation, so the same ingress kinds.
        Evaluation next = new Evaluation(engine, enabled, nextTierEnabled, calicoEnabled, partitions, isolating, egressIsolated, null, null)
                .holding(ingressKinds());
        ChangeCollector collector = new ChangeCollector(engine);
        Connectivity after = new ConnectivityBuilder(next).toggleTier(before, this, policy, collector);
        return new Evaluation(engine, enabled, nextTierEnabled, calicoEnabled, partitions, isolating, egressIsolated, after, collector.changes())
                .holding(next.ingressKinds());
    }

    /** The same choice of policies with {@code connectivity} and the {@code changes} that led to it. */
    Evaluation with(Connectivity newConnectivity, Changes newChanges) {
        Evaluation out = new Evaluation(engine, enabled, tierEnabled, calicoEnabled, tierPartitions, isolating, egressIsolated, newConnectivity,
                newChanges);
        out.chain = chain;
        out.ingressKinds = ingressKinds;
        return out;
    }

    /** The Calico columns of this evaluation, sharing the walks of {@code previous} when they are made now (it may be null). */
    synchronized ChainColumns chainColumns(ChainMemo previous) {
        if (chain == null) {
            chain = new ChainColumns(this, previous);
        }
        return chain;
    }

    ChainColumns chainColumns() {
        return chainColumns(null);
    }

    /** The pairs whose allowed ports changed in the toggle that made this evaluation; none for {@link PolicyEngine#evaluate}. */
    public Changes changes() {
        return changes;
    }

    /**
     * Every pair whose allowed ports differ between {@code earlier} and this evaluation (of
     * the same engine): the changes of several toggles at once, or of an undo.
     */
    public Changes changesFrom(Evaluation earlier) {
        if (earlier.engine != engine) {
            throw new IllegalArgumentException("evaluations of different engines");
        }
        return ChangeCollector.between(engine, earlier.connectivity(), connectivity());
    }

    boolean isEnabled(int policyIndex) {
        return enabled.get(policyIndex);
    }

    TierPartitionCache tierPartitions() {
        return tierPartitions;
    }

    boolean isCalicoEnabled(int calicoPolicyIndex) {
        return calicoEnabled.get(calicoPolicyIndex);
    }

    /** These NetworkPolicy switches (so the same isolation) with other cluster-wide and Calico switches; nothing computed yet. */
    Evaluation withLayerSwitches(BitSet nextTierEnabled, BitSet nextCalicoEnabled) {
        return new Evaluation(engine, enabled, nextTierEnabled, nextCalicoEnabled, TierPartitionCache.of(engine), isolating, egressIsolated, null, null);
    }

    Evaluation withChanges(Changes measured) {
        return with(connectivity(), measured);
    }

    BitSet enabledView() {
        return enabled;
    }

    BitSet tierEnabledView() {
        return tierEnabled;
    }

    BitSet calicoEnabledView() {
        return calicoEnabled;
    }

    boolean isTierEnabled(int tierPolicyIndex) {
        return tierEnabled.get(tierPolicyIndex);
    }

    int[] isolatingIndices(PolicyType direction, int classIndex) {
        return isolating[direction.ordinal()][classIndex];
    }

    ClassSet egressIsolated() {
        return egressIsolated;
    }

    public PolicyEngine engine() {
        return engine;
    }

    public boolean isSwitchedOn(PolicyId id) {
        return engine.policy(id).map(p -> enabled.get(p.index()))
                .or(() -> engine.tierPolicy(id).map(p -> tierEnabled.get(p.index())))
                .or(() -> engine.calicoPolicy(id).map(p -> calicoEnabled.get(p.index())))
                .orElse(false);
    }

    /** The switched-off policies, sorted. */
    public Set<PolicyId> switchedOff() {
        Set<PolicyId> off = new TreeSet<>();
        for (CompiledPolicy policy : engine.policies()) {
            if (!enabled.get(policy.index())) {
                off.add(policy.id());
            }
        }
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            if (!tierEnabled.get(policy.index())) {
                off.add(policy.id());
            }
        }
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            if (!calicoEnabled.get(policy.index())) {
                off.add(policy.id());
            }
        }
        return off;
    }

    /** Whether pods of this class are isolated in this direction (host-network pods never are). */
    public boolean isIsolated(PodClass podClass, PolicyType direction) {
        return !podClass.hostNetwork() && isolating[direction.ordinal()][podClass.index()].length > 0;
    }

    /** Whether a switched-on Calico policy applies to pods of this class in some direction (its tier then decides for them). */
    public boolean isSelectedByCalico(PodClass podClass) {
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            if (calicoEnabled.get(policy.index()) && (policy.selects(podClass.index(), PolicyType.INGRESS)
                    || policy.selects(podClass.index(), PolicyType.EGRESS))) {
                return true;
            }
        }
        return false;
    }

    /** The switched-on policies that select this class and isolate the direction. */
    public List<CompiledPolicy> isolatingPolicies(PodClass podClass, PolicyType direction) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (int p : isolating[direction.ordinal()][podClass.index()]) {
            out.add(engine.policies().get(p));
        }
        return out;
    }

    /** What the source's egress allows toward the destination. */
    public PortSet egressPorts(Endpoint source, Endpoint destination) {
        if (!(source instanceof Endpoint.Pods pods)) {
            return PortSet.ALL;
        }
        return isSelf(source, destination) ? PortSet.ALL : SideDecisions.sidePorts(this, pods.podClass(), PolicyType.EGRESS, destination, destination);
    }

    /** What the destination's ingress allows from the source. */
    public PortSet ingressPorts(Endpoint source, Endpoint destination) {
        if (!(destination instanceof Endpoint.Pods pods)) {
            return PortSet.ALL;
        }
        return isSelf(source, destination) ? PortSet.ALL : SideDecisions.sidePorts(this, pods.podClass(), PolicyType.INGRESS, source, destination);
    }

    /** The ports on which a new connection from source to destination is allowed. */
    public PortSet allowedPorts(Endpoint source, Endpoint destination) {
        if (networkSeparation(source, destination).isPresent()) {
            return PortSet.NONE;
        }
        PortSet egress = egressPorts(source, destination);
        if (egress.isEmpty()) {
            return egress;
        }
        return egress.intersect(ingressPorts(source, destination));
    }

    /**
     * The ports pods of one class may open connections on to pods of another, computed for this
     * pair alone (no {@link #connectivity()} needed): the answer {@link Connectivity#allowed(int, int)}
     * gives, where a class with itself stands for two of its pods.
     */
    public PortSet classPorts(Endpoint.Pods source, Endpoint.Pods destination) {
        if (!engine.networkMask().connects(source.podClass().index(), destination.podClass().index())) {
            return PortSet.NONE;
        }
        PortSet egress = SideDecisions.sidePorts(this, source.podClass(), PolicyType.EGRESS, destination, destination);
        return egress.isEmpty() ? egress
                : egress.intersect(SideDecisions.sidePorts(this, destination.podClass(), PolicyType.INGRESS, source, destination));
    }

    /**
     * Whether this is a pod reaching itself: the same one-pod workload at both ends. (A workload of
     * several pods with itself stands for its pods reaching each other, which policies govern.)
     */
    public static boolean isSelf(Endpoint source, Endpoint destination) {
        return source instanceof Endpoint.Pods pods && destination instanceof Endpoint.Pods other
                && pods.workload().equals(other.workload()) && pods.workload().replicas() == 1;
    }

    /** The full reasoning for one connection. */
    public Verdict verdict(Endpoint source, Endpoint destination, Protocol protocol, int port) {
        SideVerdict egress = SideDecisions.side(this, source, PolicyType.EGRESS, destination, destination, protocol, port);
        SideVerdict ingress = SideDecisions.side(this, destination, PolicyType.INGRESS, source, destination, protocol, port);
        return new Verdict(source, destination, protocol, port, egress, ingress, networkSeparation(source, destination).orElse(null));
    }

    /**
     * Why no connection between two pods is possible whatever the policies say (they sit on
     * different primary networks: a UserDefinedNetwork and another); empty when the policies decide.
     */
    public java.util.Optional<String> networkSeparation(Endpoint source, Endpoint destination) {
        if (source instanceof Endpoint.Pods from && destination instanceof Endpoint.Pods to
                && !engine.networkMask().connects(from.podClass().index(), to.podClass().index())) {
            return engine.networkMask().networks().why(from.podClass().namespace(), to.podClass().namespace());
        }
        return java.util.Optional.empty();
    }

}

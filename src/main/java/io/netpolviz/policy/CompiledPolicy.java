package io.netpolviz.policy;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** A policy compiled once: the classes it selects, the directions it isolates, its rules. */
public final class CompiledPolicy {

    private final int index;
    private final PolicyId id;
    private final NetworkPolicy source;
    private final BitSet selectedClasses;
    /** The same classes as indices, ascending: every evaluation walks them for each policy (see {@link IsolatingLists}). */
    private final int[] selectedIndices;
    private final Set<PolicyType> types;
    private final boolean isolatesIngress;
    private final boolean isolatesEgress;
    private final List<CompiledRule> ingress;
    private final List<CompiledRule> egress;

    CompiledPolicy(int index, NetworkPolicy source, BitSet selectedClasses, List<CompiledRule> ingress, List<CompiledRule> egress) {
        this(index, source.id(), source, selectedClasses, ingress, egress);
    }

    /**
     * A part of another kind's policy in the NetworkPolicy layer (a Cilium spec's allow rules):
     * {@code id} is that policy's, {@code source} the shape its rules take here.
     */
    CompiledPolicy(int index, PolicyId id, NetworkPolicy source, BitSet selectedClasses, List<CompiledRule> ingress,
            List<CompiledRule> egress) {
        this.index = index;
        this.id = id;
        this.source = source;
        this.selectedClasses = selectedClasses;
        this.selectedIndices = selectedClasses.stream().toArray();
        this.types = Set.copyOf(source.effectivePolicyTypes());
        this.isolatesIngress = types.contains(PolicyType.INGRESS);
        this.isolatesEgress = types.contains(PolicyType.EGRESS);
        this.ingress = List.copyOf(ingress);
        this.egress = List.copyOf(egress);
    }

    public int index() {
        return index;
    }

    public PolicyId id() {
        return id;
    }

    /** Whether this is a Cilium policy's allow part rather than a NetworkPolicy. */
    public boolean isCilium() {
        return !id.equals(source.id());
    }

    public NetworkPolicy source() {
        return source;
    }

    public boolean selects(int classIndex) {
        return selectedClasses.get(classIndex);
    }

    public BitSet selectedClasses() {
        return (BitSet) selectedClasses.clone();
    }

    /** The selected classes without a copy, for the engine's own loops; never modified. */
    BitSet selectedClassesView() {
        return selectedClasses;
    }

    /** The selected classes' indices, ascending, without a copy; never modified. */
    int[] selectedIndicesView() {
        return selectedIndices;
    }

    /** Whether the policy isolates the pods it selects in this direction (its effective policyTypes). */
    public boolean isolates(PolicyType direction) {
        // Asked once per rule and column in the connectivity loops: a field read, not a set lookup.
        return direction == PolicyType.INGRESS ? isolatesIngress : isolatesEgress;
    }

    /**
     * Whether the policy takes part in deciding this direction for the pods it selects: it
     * isolates it, or it is a Cilium allow part that adds its rules to the union where another
     * policy isolates ({@link CiliumContributors}).
     */
    boolean decides(PolicyType direction) {
        return isolates(direction) || isCilium() && !rules(direction).isEmpty();
    }

    public Set<PolicyType> types() {
        return types;
    }

    public List<CompiledRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }
}

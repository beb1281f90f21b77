package io.netpolviz.policy;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.BitSet;
import java.util.List;

/**
 * A Calico policy compiled once: the classes it applies to in each direction its {@code types}
 * name (never host-network pods, which are host endpoints to Calico), its tier and its rules
 * in the order they decide. {@link #index()} is its place among the engine's Calico policies.
 */
public final class CompiledCalicoPolicy {

    private final int index;
    private final CalicoPolicy source;
    private final CalicoTier tier;
    private final BitSet[] subjects;
    private final List<CompiledCalicoRule> ingress;
    private final List<CompiledCalicoRule> egress;

    CompiledCalicoPolicy(int index, CalicoPolicy source, CalicoTier tier, BitSet[] subjects, List<CompiledCalicoRule> ingress,
            List<CompiledCalicoRule> egress) {
        this.index = index;
        this.source = source;
        this.tier = tier;
        this.subjects = subjects;
        this.ingress = List.copyOf(ingress);
        this.egress = List.copyOf(egress);
    }

    public int index() {
        return index;
    }

    public PolicyId id() {
        return source.id();
    }

    public CalicoPolicy source() {
        return source;
    }

    public CalicoTier tier() {
        return tier;
    }

    /** Whether the policy applies to pods of this class in this direction. */
    public boolean selects(int classIndex, PolicyType direction) {
        return subjects[direction.ordinal()].get(classIndex);
    }

    /** The classes it applies to in this direction (a copy). */
    public BitSet selects(PolicyType direction) {
        return (BitSet) subjects[direction.ordinal()].clone();
    }

    BitSet subjectsView(PolicyType direction) {
        return subjects[direction.ordinal()];
    }

    public List<CompiledCalicoRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }
}

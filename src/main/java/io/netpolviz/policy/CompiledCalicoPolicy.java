package io.netpolviz.policy;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.BitSet;
import java.util.List;

/**
 * A Calico policy compiled once: the classes it applies to in each direction its {@code types}
 * name (per direction ordinal; never host-network pods, which are host endpoints to Calico), its
 * tier and its rules in the order they decide. {@code index} is its place among the engine's
 * Calico policies.
 */
public record CompiledCalicoPolicy(int index, CalicoPolicy source, CalicoTier tier, BitSet[] subjects,
        List<CompiledCalicoRule> ingress, List<CompiledCalicoRule> egress) {

    public CompiledCalicoPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    public PolicyId id() {
        return source.id();
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

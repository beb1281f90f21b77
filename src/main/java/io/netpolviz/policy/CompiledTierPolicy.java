package io.netpolviz.policy;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import java.util.BitSet;
import java.util.List;

/**
 * A policy of an ordered tier compiled once: the classes its subject selects (never host-network
 * pods) and its rules in the order they decide. Its {@link #index()} is its place in the engine's
 * decision order: the Admin tier by priority, then the Baseline tier by priority, ties by id.
 */
public final class CompiledTierPolicy {

    private final int index;
    private final ClusterPolicy source;
    private final BitSet subjectClasses;
    private final List<CompiledTierRule> ingress;
    private final List<CompiledTierRule> egress;

    CompiledTierPolicy(int index, ClusterPolicy source, BitSet subjectClasses, List<CompiledTierRule> ingress,
            List<CompiledTierRule> egress) {
        this.index = index;
        this.source = source;
        this.subjectClasses = subjectClasses;
        this.ingress = List.copyOf(ingress);
        this.egress = List.copyOf(egress);
    }

    public int index() {
        return index;
    }

    public PolicyId id() {
        return source.id();
    }

    public ClusterPolicy source() {
        return source;
    }

    public PolicyTier tier() {
        return source.tier();
    }

    public int priority() {
        return source.priority();
    }

    public boolean selects(int classIndex) {
        return subjectClasses.get(classIndex);
    }

    /** The classes the subject selects (a copy). */
    public BitSet selectedClasses() {
        return (BitSet) subjectClasses.clone();
    }

    BitSet subjectClassesView() {
        return subjectClasses;
    }

    public List<CompiledTierRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }
}

package io.netpolviz.policy.fix;

/**
 * A change and what it was verified to do: the cluster was evaluated again with the draft
 * applied, the target connection changed as asked, and {@link Effect#collateral()} is
 * everything else that changed. {@code addsLabels} marks the narrower kind that first gives a
 * workload a label of its own.
 */
public record Proposal(Goal goal, Target target, Draft draft, Effect effect) {

    public boolean addsLabels() {
        return !draft.labels().isEmpty();
    }

    /** Whether nothing but the target changes. */
    public boolean isExact() {
        return effect.collateral().isEmpty();
    }
}

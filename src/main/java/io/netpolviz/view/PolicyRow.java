package io.netpolviz.view;

import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One line of the policy list: a namespace heading, or a policy with its switch and the number
 * of pods it selects.
 */
public sealed interface PolicyRow permits PolicyRow.NamespaceHeading, PolicyRow.PolicySwitch {

    /** A namespace heading with how many of its policies are switched on. */
    public record NamespaceHeading(String namespace, int policies, int switchedOn) implements PolicyRow {
    }

    /** A policy, whether it is on, and how many pods it selects (replicas counted). */
    public record PolicySwitch(PolicyId id, boolean on, int selectedPods) implements PolicyRow {
    }

    /** Every policy of the cluster, grouped under its namespace, sorted. */
    public static List<PolicyRow> of(PolicyEngine engine, Evaluation evaluation) {
        List<PolicyRow> rows = new ArrayList<>();
        List<CompiledPolicy> policies = engine.policies();
        int i = 0;
        while (i < policies.size()) {
            String namespace = policies.get(i).id().namespace();
            List<PolicySwitch> group = new ArrayList<>();
            while (i < policies.size() && policies.get(i).id().namespace().equals(namespace)) {
                CompiledPolicy policy = policies.get(i);
                group.add(new PolicySwitch(policy.id(), evaluation.isSwitchedOn(policy.id()), selectedPods(engine, policy)));
                i++;
            }
            rows.add(new NamespaceHeading(namespace, group.size(), (int) group.stream().filter(PolicySwitch::on).count()));
            rows.addAll(group);
        }
        return List.copyOf(rows);
    }

    private static int selectedPods(PolicyEngine engine, CompiledPolicy policy) {
        BitSet selected = policy.selectedClasses();
        int pods = 0;
        for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
            pods += engine.classes().get(c).podCount();
        }
        return pods;
    }
}

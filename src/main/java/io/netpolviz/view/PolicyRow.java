package io.netpolviz.view;

import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledTierPolicy;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One line of the policy list: a heading (a namespace, a tier of cluster-wide policies, or a Cilium
 * kind, whose policies are listed under it as {@code namespace/name}), or a policy with its switch
 * and the number of pods it selects.
 */
public sealed interface PolicyRow permits PolicyRow.NamespaceHeading, PolicyRow.PolicySwitch {

    /** The heading of the Admin tier's policies, listed first in the order they decide. */
    String ADMIN_TIER = "Admin tier (first, by priority)";
    /** The heading of the Baseline tier's policies, listed last. */
    String BASELINE_TIER = "Baseline tier (after NetworkPolicies)";

    /**
     * A group heading with how many of its policies are switched on: a namespace, or one of the
     * two tiers of cluster-wide policies ({@link #ADMIN_TIER}, {@link #BASELINE_TIER}).
     */
    public record NamespaceHeading(String namespace, int policies, int switchedOn) implements PolicyRow {

        /** Whether this heads a tier (of cluster-wide or Calico policies) rather than a namespace. */
        public boolean tier() {
            return namespace.equals(ADMIN_TIER) || namespace.equals(BASELINE_TIER) || namespace.startsWith(CalicoRows.HEADING);
        }
    }

    /**
     * A policy, whether it is on, how many pods it selects (replicas counted), the heading it is
     * listed under, the words it is shown with (a cluster-wide policy's priority and kind), and
     * whether it is a draft the user added rather than a policy of the files ({@link DraftPolicies}).
     */
    public record PolicySwitch(PolicyId id, boolean on, int selectedPods, String group, String label, boolean draft) implements PolicyRow {

        /** A policy of the files. */
        public PolicySwitch(PolicyId id, boolean on, int selectedPods, String group, String label) {
            this(id, on, selectedPods, group, label, false);
        }

        /** A NetworkPolicy's row: listed under its namespace, shown by its name. */
        public PolicySwitch(PolicyId id, boolean on, int selectedPods) {
            this(id, on, selectedPods, id.namespace(), id.name());
        }
    }

    /**
     * Every policy of the cluster in the order the layers decide: the Admin tier's by priority,
     * the NetworkPolicies grouped under their namespaces, then the Baseline tier's; Calico's
     * policies under a heading per tier, placed by the tier's order among these (its default
     * tier's just before the NetworkPolicies, which Calico places in that tier).
     */
    public static List<PolicyRow> of(PolicyEngine engine, Evaluation evaluation) {
        return of(engine, evaluation, DraftPolicies.NONE);
    }

    /** The rows, with each draft policy marked as one in its words ({@code name (draft)}, {@code name (draft of original)}). */
    public static List<PolicyRow> of(PolicyEngine engine, Evaluation evaluation, DraftPolicies drafts) {
        List<PolicyRow> rows = new ArrayList<>();
        CalicoRows calico = new CalicoRows(engine, evaluation);
        calico.addTiers(rows, Double.NEGATIVE_INFINITY, CalicoTier.KUBE_ADMIN_ORDER);
        addTier(rows, engine, evaluation, PolicyTier.ADMIN, ADMIN_TIER, drafts);
        calico.addTiers(rows, CalicoTier.KUBE_ADMIN_ORDER, CalicoTier.DEFAULT_ORDER + 1);
        List<CompiledPolicy> policies = engine.policies();
        int i = 0;
        while (i < policies.size()) {
            String namespace = policies.get(i).id().namespace();
            List<PolicySwitch> group = new ArrayList<>();
            while (i < policies.size() && policies.get(i).id().namespace().equals(namespace)) {
                CompiledPolicy policy = policies.get(i);
                if (!group.isEmpty() && group.get(group.size() - 1).id().equals(policy.id())) {
                    i++; // a Cilium policy's further specs: one switch for the whole policy
                    continue;
                }
                group.add(new PolicySwitch(policy.id(), evaluation.isSwitchedOn(policy.id()), selectedPods(engine, policy),
                        namespace, label(policy.id(), drafts), drafts.entry(policy.id()).isPresent()));
                i++;
            }
            rows.add(new NamespaceHeading(namespace, group.size(), (int) group.stream().filter(PolicySwitch::on).count()));
            rows.addAll(group);
        }
        calico.addTiers(rows, CalicoTier.DEFAULT_ORDER + 1, CalicoTier.KUBE_BASELINE_ORDER);
        addTier(rows, engine, evaluation, PolicyTier.BASELINE, BASELINE_TIER, drafts);
        calico.addTiers(rows, CalicoTier.KUBE_BASELINE_ORDER, Double.POSITIVE_INFINITY);
        return List.copyOf(rows);
    }

    /** A draft that would replace a policy of the files says which. */
    private static String label(PolicyId id, DraftPolicies drafts) {
        return drafts.entry(id).filter(entry -> entry.replaces() != null).map(entry -> id.name() + " (replaces " + entry.replaces().name() + ")")
                .orElse(id.name());
    }

    private static void addTier(List<PolicyRow> rows, PolicyEngine engine, Evaluation evaluation, PolicyTier tier, String heading,
            DraftPolicies drafts) {
        List<PolicySwitch> group = new ArrayList<>();
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            // A Cilium policy's denies are listed with it, under its kind, not among the network-policy-api's tiers.
            if (policy.tier() == tier && !io.netpolviz.model.CiliumPolicy.isCilium(policy.id())) {
                String replaces = drafts.replaces(policy.id()).map(id -> ", replaces " + id.name()).orElse("");
                group.add(new PolicySwitch(policy.id(), evaluation.isSwitchedOn(policy.id()), pods(engine, policy.selectedClasses()),
                        heading, policy.id().name() + " (priority " + policy.priority() + ", " + policy.id().namespace() + replaces + ")",
                        drafts.isDraft(policy.id())));
            }
        }
        if (!group.isEmpty()) {
            rows.add(new NamespaceHeading(heading, group.size(), (int) group.stream().filter(PolicySwitch::on).count()));
            rows.addAll(group);
        }
    }

    private static int selectedPods(PolicyEngine engine, CompiledPolicy policy) {
        return pods(engine, policy.selectedClasses());
    }

    static int pods(PolicyEngine engine, BitSet selected) {
        int pods = 0;
        for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
            pods += engine.classes().get(c).podCount();
        }
        return pods;
    }
}

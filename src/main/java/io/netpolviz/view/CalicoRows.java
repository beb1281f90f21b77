package io.netpolviz.view;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledCalicoPolicy;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy list's Calico part: one heading per tier ({@code Calico tier security (order 100)}),
 * its policies in the order they decide (by order, unset last, then name), each shown with its
 * kind and order and toggled like any other policy.
 */
final class CalicoRows {

    /** How every Calico tier heading starts. */
    static final String HEADING = "Calico tier ";

    private final PolicyEngine engine;
    private final Evaluation evaluation;
    private final Map<String, List<CompiledCalicoPolicy>> byTier = new TreeMap<>();

    CalicoRows(PolicyEngine engine, Evaluation evaluation) {
        this.engine = engine;
        this.evaluation = evaluation;
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            byTier.computeIfAbsent(policy.tier().name(), t -> new ArrayList<>()).add(policy);
        }
    }

    /** Adds the tiers whose order lies in {@code [from, to)}, smallest order first, ties by name. */
    void addTiers(List<PolicyRow> rows, double from, double to) {
        List<CalicoTier> tiers = byTier.values().stream().map(list -> list.get(0).tier())
                .filter(tier -> order(tier) >= from && order(tier) < to)
                .sorted(Comparator.comparingDouble(CalicoRows::order).thenComparing(CalicoTier::name)).toList();
        for (CalicoTier tier : tiers) {
            String heading = HEADING + tier.name() + " (order " + CalicoPolicy.orderText(order(tier)) + ")";
            List<PolicyRow.PolicySwitch> group = new ArrayList<>();
            byTier.get(tier.name()).stream()
                    .sorted(Comparator.comparingDouble((CompiledCalicoPolicy p) -> p.source().order() == null ? Double.POSITIVE_INFINITY
                            : p.source().order()).thenComparing(p -> p.source().name()))
                    .forEach(policy -> group.add(new PolicyRow.PolicySwitch(policy.id(), evaluation.isSwitchedOn(policy.id()),
                            PolicyRow.pods(engine, selected(policy)), heading, label(policy))));
            rows.add(new PolicyRow.NamespaceHeading(heading, group.size(), (int) group.stream().filter(PolicyRow.PolicySwitch::on).count()));
            rows.addAll(group);
        }
    }

    /** {@code default-deny (GlobalNetworkPolicy, order 100)} or {@code db (NetworkPolicy in shop, order unset)}. */
    private static String label(CompiledCalicoPolicy policy) {
        CalicoPolicy source = policy.source();
        String kind = source.isGlobal() ? "GlobalNetworkPolicy" : "NetworkPolicy in " + source.namespace();
        return source.name() + " (" + kind + ", order " + CalicoPolicy.orderText(source.order()) + ")";
    }

    private static BitSet selected(CompiledCalicoPolicy policy) {
        BitSet selected = new BitSet();
        for (PolicyType direction : PolicyType.values()) {
            selected.or(policy.selects(direction));
        }
        return selected;
    }

    /** The built-in tiers keep Calico's fixed orders; an unset order is last. */
    private static double order(CalicoTier tier) {
        return switch (tier.name()) {
            case CalicoTier.DEFAULT -> CalicoTier.DEFAULT_ORDER;
            case CalicoTier.KUBE_ADMIN -> CalicoTier.KUBE_ADMIN_ORDER;
            case CalicoTier.KUBE_BASELINE -> CalicoTier.KUBE_BASELINE_ORDER;
            default -> tier.order() == null ? Double.POSITIVE_INFINITY : tier.order();
        };
    }
}

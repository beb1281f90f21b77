package io.netpolviz.model;

/**
 * A Calico {@code Tier}: policies decide tier by tier in {@code order} (lower first; unset is
 * last), and {@code defaultAction} is what happens to a connection of an endpoint some policy of
 * the tier selects when none of their rules matched: Deny (the default) or Pass to the next tier.
 *
 * @param order null when unset
 */
public record CalicoTier(String name, Double order, RuleAction defaultAction, SourceRef where) {

    /** The tier that holds every policy that names none, and Kubernetes NetworkPolicies. */
    public static final String DEFAULT = "default";
    /**
     * Calico's tiered-policy docs: "The default tier ... has an order of 1,000,000"; the
     * kube-admin tier (ClusterNetworkPolicy Admin, AdminNetworkPolicy) has order 1,000 and the
     * kube-baseline tier order 10,000,000, both with default action Pass.
     */
    public static final double DEFAULT_ORDER = 1_000_000;
    public static final String KUBE_ADMIN = "kube-admin";
    public static final double KUBE_ADMIN_ORDER = 1_000;
    public static final String KUBE_BASELINE = "kube-baseline";
    public static final double KUBE_BASELINE_ORDER = 10_000_000;
    /** Calico places each Kubernetes NetworkPolicy in the default tier with order 1000. */
    public static final double NETWORK_POLICY_ORDER = 1000;

    public static CalicoTier defaultTier() {
        return new CalicoTier(DEFAULT, DEFAULT_ORDER, RuleAction.DENY, SourceRef.NONE);
    }

    /** {@code security (order 100)}. */
    public String display() {
        return name + " (order " + CalicoPolicy.orderText(order) + ")";
    }
}

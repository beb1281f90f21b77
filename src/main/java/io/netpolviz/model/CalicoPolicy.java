package io.netpolviz.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Calico {@code NetworkPolicy} (namespaced: {@code namespace} set) or
 * {@code GlobalNetworkPolicy} ({@code namespace} null) as written, from
 * {@code projectcalico.org/v3} or {@code crd.projectcalico.org/v1}. It applies to the pods
 * {@code selector} selects (in its namespace, or for a global policy in the namespaces
 * {@code namespaceSelector} selects), in the directions {@code types} names; its rules decide
 * in order within its {@code tier}, and the tier's policies by {@code order} (null: last).
 */
public record CalicoPolicy(
        String kind,
        String namespace,
        String name,
        String tier,
        Double order,
        CalicoSelector selector,
        CalicoSelector namespaceSelector,
        Set<PolicyType> types,
        List<CalicoRule> ingress,
        List<CalicoRule> egress,
        SourceRef where,
        String sourceText) {

    public static final String NETWORK_POLICY = "NetworkPolicy";
    public static final String GLOBAL_NETWORK_POLICY = "GlobalNetworkPolicy";
    /** Identities of Calico's namespaced policies start with this, so they never clash with a Kubernetes NetworkPolicy's. */
    public static final String NAMESPACED_PREFIX = "calico:";

    public CalicoPolicy {
        types = Set.copyOf(types);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        sourceText = sourceText == null ? "" : sourceText;
    }

    public boolean isGlobal() {
        return namespace == null;
    }

    /**
     * {@code GlobalNetworkPolicy/default-deny}, or {@code calico:yaobank/database} for a namespaced
     * one (a Kubernetes NetworkPolicy of the same name is {@code yaobank/database}).
     */
    public PolicyId id() {
        return isGlobal() ? new PolicyId(GLOBAL_NETWORK_POLICY, name) : new PolicyId(NAMESPACED_PREFIX + namespace, name);
    }

    public List<CalicoRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }

    /** {@code GlobalNetworkPolicy default-deny in tier security (order 100)}. */
    public String display() {
        String what = isGlobal() ? "GlobalNetworkPolicy " + name : "Calico NetworkPolicy " + namespace + "/" + name;
        return what + " in tier " + tier + " (order " + orderText(order) + ")";
    }

    /** {@code 100}, {@code 2.5}, or {@code unset}. */
    public static String orderText(Double order) {
        if (order == null) {
            return "unset";
        }
        return order == Math.rint(order) && Math.abs(order) < 1e15 ? Long.toString(order.longValue())
                : String.format(Locale.ROOT, "%s", order);
    }
}

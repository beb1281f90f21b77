package io.netpolviz.model;

import java.util.List;

/**
 * A cluster-wide policy of the network-policy-api project as written: a v1alpha2
 * ClusterNetworkPolicy (tier Admin or Baseline), or a v1alpha1 AdminNetworkPolicy (Admin tier)
 * or BaselineAdminNetworkPolicy (Baseline tier, always named {@code default}, priority 0).
 * Within a tier, lower priority numbers decide first, and within a policy the rules decide in
 * the order written.
 *
 * @param kind the API kind: {@link #CLUSTER_NETWORK_POLICY}, {@link #ADMIN_NETWORK_POLICY} or
 *     {@link #BASELINE_ADMIN_NETWORK_POLICY}
 */
public record ClusterPolicy(
        String kind,
        String name,
        PolicyTier tier,
        int priority,
        ClusterPolicySubject subject,
        List<ClusterPolicyRule> ingress,
        List<ClusterPolicyRule> egress,
        SourceRef where,
        String sourceText) {

    public static final String CLUSTER_NETWORK_POLICY = "ClusterNetworkPolicy";
    public static final String ADMIN_NETWORK_POLICY = "AdminNetworkPolicy";
    public static final String BASELINE_ADMIN_NETWORK_POLICY = "BaselineAdminNetworkPolicy";

    public ClusterPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        sourceText = sourceText == null ? "" : sourceText;
    }

    /**
     * The policy's identity where NetworkPolicies are named {@code namespace/name}: the kind
     * takes the namespace's place ({@code ClusterNetworkPolicy/deny-monitoring}). A kind can
     * never be a namespace's name (namespaces are lower case), so the two never clash.
     */
    public PolicyId id() {
        return new PolicyId(kind, name);
    }

    /** Every CIDR its rules' {@code networks} peers name, in rule order, each once: the pod addresses they can match decide verdicts. */
    public List<Cidr> networks() {
        return java.util.stream.Stream.concat(ingress.stream(), egress.stream())
                .flatMap(rule -> rule.peers().stream())
                .flatMap(peer -> peer.networks().stream())
                .distinct()
                .toList();
    }

    public List<ClusterPolicyRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }

    /** {@code Admin tier: deny-monitoring (priority 10)}. */
    public String display() {
        return tier.apiName() + " tier " + kind + " " + name + " (priority " + priority + ")";
    }
}

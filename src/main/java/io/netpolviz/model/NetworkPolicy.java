package io.netpolviz.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy as written. {@code declaredPolicyTypes} is null
 * when the manifest omits {@code policyTypes}; {@link #effectivePolicyTypes()} applies the API
 * server's default. {@code sourceText} is the policy's YAML for display (may be empty).
 */
public record NetworkPolicy(
        String namespace,
        String name,
        LabelSelector podSelector,
        List<PolicyType> declaredPolicyTypes,
        List<PolicyRule> ingress,
        List<PolicyRule> egress,
        SourceRef where,
        String sourceText) {

    /** The API kind, as manifests and cluster origins ({@link SourceRef#resourceKind()}) name it. */
    public static final String KIND = "NetworkPolicy";

    public NetworkPolicy {
        declaredPolicyTypes = declaredPolicyTypes == null ? null : List.copyOf(declaredPolicyTypes);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        sourceText = sourceText == null ? "" : sourceText;
    }

    public PolicyId id() {
        return new PolicyId(namespace, name);
    }

    /**
     * The directions this policy isolates. Without {@code policyTypes} the API server sets
     * Ingress always and Egress only when the policy has at least one egress rule.
     */
    public Set<PolicyType> effectivePolicyTypes() {
        if (declaredPolicyTypes != null) {
            return declaredPolicyTypes.isEmpty() ? EnumSet.noneOf(PolicyType.class) : EnumSet.copyOf(declaredPolicyTypes);
        }
        EnumSet<PolicyType> types = EnumSet.of(PolicyType.INGRESS);
        if (!egress.isEmpty()) {
            types.add(PolicyType.EGRESS);
        }
        return types;
    }

    public List<PolicyRule> rules(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }
}

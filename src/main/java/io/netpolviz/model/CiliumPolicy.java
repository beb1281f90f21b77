package io.netpolviz.model;

import java.util.List;

/**
 * A {@code cilium.io/v2} CiliumNetworkPolicy (namespaced) or CiliumClusterwideNetworkPolicy as
 * written: one or more {@link CiliumSpec}s ({@code spec} and the {@code specs} list). Cilium
 * decides per direction: a deny rule wins over any allow of any kind; an endpoint a spec selects
 * with rules in a direction is default-deny there (unless {@code enableDefaultDeny} says
 * otherwise); what is allowed is the union of every allow rule, Kubernetes NetworkPolicies
 * included.
 *
 * @param namespace empty for a CiliumClusterwideNetworkPolicy
 */
public record CiliumPolicy(String kind, String namespace, String name, List<CiliumSpec> specs, SourceRef where, String sourceText) {

    public static final String NAMESPACED = "CiliumNetworkPolicy";
    public static final String CLUSTERWIDE = "CiliumClusterwideNetworkPolicy";

    public CiliumPolicy {
        namespace = namespace == null ? "" : namespace;
        specs = List.copyOf(specs);
        sourceText = sourceText == null ? "" : sourceText;
    }

    /**
     * Its identity beside NetworkPolicies: the kind takes the namespace's place, as for the
     * network-policy-api kinds ({@code CiliumNetworkPolicy/default/rule1},
     * {@code CiliumClusterwideNetworkPolicy/deny-world}). Kinds are capitalised and namespaces
     * are not, so the two never clash.
     */
    public PolicyId id() {
        return new PolicyId(kind, namespace.isEmpty() ? name : namespace + "/" + name);
    }

    public boolean clusterwide() {
        return namespace.isEmpty();
    }

    /** {@code CiliumNetworkPolicy rule1 in default}, {@code CiliumClusterwideNetworkPolicy deny-world}. */
    public String display() {
        return kind + " " + name + (namespace.isEmpty() ? "" : " in " + namespace);
    }

    /** Whether {@code id} names a Cilium policy. */
    public static boolean isCilium(PolicyId id) {
        return id.namespace().equals(NAMESPACED) || id.namespace().equals(CLUSTERWIDE);
    }

    /** {@code CiliumNetworkPolicy rule1 in default} from the id alone. */
    public static String display(PolicyId id) {
        int slash = id.name().indexOf('/');
        return slash < 0 ? id.namespace() + " " + id.name()
                : id.namespace() + " " + id.name().substring(slash + 1) + " in " + id.name().substring(0, slash);
    }
}

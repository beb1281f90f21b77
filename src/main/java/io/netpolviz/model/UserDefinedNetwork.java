package io.netpolviz.model;

/**
 * An OVN-Kubernetes UserDefinedNetwork ({@code k8s.ovn.org/v1}, one namespace) or
 * ClusterUserDefinedNetwork (the namespaces its {@code namespaceSelector} picks), as written.
 * Only a {@code Primary} one changes what pods can reach: it becomes the pods' own network,
 * isolated from the cluster's pod network and from every other network ({@link PrimaryNetworks}).
 *
 * @param namespace the UDN's namespace; null for a ClusterUserDefinedNetwork
 * @param topology {@code Layer2} or {@code Layer3}
 * @param primary whether its role is {@code Primary} (else {@code Secondary}, an extra interface)
 * @param namespaceSelector a ClusterUserDefinedNetwork's selector; null for a UserDefinedNetwork
 */
public record UserDefinedNetwork(String namespace, String name, String topology, boolean primary, LabelSelector namespaceSelector,
        SourceRef where) {

    public static final String KIND = "UserDefinedNetwork";
    public static final String CLUSTER_KIND = "ClusterUserDefinedNetwork";
    /** The label a namespace must carry, from its creation, for a primary network to take it. */
    public static final String PRIMARY_LABEL = "k8s.ovn.org/primary-user-defined-network";

    public boolean clusterScoped() {
        return namespace == null;
    }

    public String kind() {
        return clusterScoped() ? CLUSTER_KIND : KIND;
    }

    /** {@code UserDefinedNetwork blue/tenant} or {@code ClusterUserDefinedNetwork happy-tenant}. */
    public String subject() {
        return kind() + " " + (clusterScoped() ? name : namespace + "/" + name);
    }
}

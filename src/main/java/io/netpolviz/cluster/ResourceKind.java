package io.netpolviz.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.Optional;

/**
 * The API resources NetPolViz reads from a cluster, in the order manifests are written.
 * Secrets and ConfigMaps are deliberately absent: they are never read, so they can never leak.
 */
enum ResourceKind {
    NAMESPACE("", "Namespace", "namespaces", false, "namespace labels are unknown, so namespaceSelectors may match the wrong namespaces"),
    DEPLOYMENT("apps", "Deployment", "deployments", true, "their pods are shown as their ReplicaSets, or not at all"),
    STATEFUL_SET("apps", "StatefulSet", "statefulsets", true, "their pods are shown named by their controller, as netpol-analyzer names them, or not at all"),
    DAEMON_SET("apps", "DaemonSet", "daemonsets", true, "their pods are shown named by their controller, as netpol-analyzer names them, or not at all"),
    REPLICA_SET("apps", "ReplicaSet", "replicasets", true, "their pods are shown named by their controller, as netpol-analyzer names them, or not at all"),
    JOB("batch", "Job", "jobs", true, "their pods are shown named by their controller, as netpol-analyzer names them, or not at all"),
    CRON_JOB("batch", "CronJob", "cronjobs", true, "their jobs are shown on their own, or not at all"),
    REPLICATION_CONTROLLER("", "ReplicationController", "replicationcontrollers", true, "their pods are shown named by their controller, as netpol-analyzer names them, or not at all"),
    POD("", "Pod", "pods", true, "pods that no readable controller owns are missing"),
    SERVICE("", "Service", "services", true, "services are missing from the view"),
    INGRESS("networking.k8s.io", "Ingress", "ingresses", true, "the ingress controller's connections are missing"),
    // OpenShift's Routes are served by OpenShift only: a cluster without them is normal.
    ROUTE("route.openshift.io", "v1", "Route", "routes", true, true, "the ingress controller's connections through Routes are missing"),
    // OVN-Kubernetes' networks are CRDs, served where OVN-Kubernetes runs with user-defined networks.
    USER_DEFINED_NETWORK("k8s.ovn.org", "v1", "UserDefinedNetwork", "userdefinednetworks", true, true,
            "namespaces on their own networks are shown reaching other networks, which the cluster isolates"),
    CLUSTER_USER_DEFINED_NETWORK("k8s.ovn.org", "v1", "ClusterUserDefinedNetwork", "clusteruserdefinednetworks",
            "namespaces on cluster-wide user-defined networks are shown reaching other networks, which the cluster isolates"),
    NETWORK_POLICY("networking.k8s.io", "NetworkPolicy", "networkpolicies", true,
            "policies are missing, so traffic they block may be shown as allowed"),
    // The network-policy-api's cluster-wide policies are CRDs: a cluster without them is normal.
    ADMIN_NETWORK_POLICY("policy.networking.k8s.io", "v1alpha1", "AdminNetworkPolicy", "adminnetworkpolicies",
            "admin policies are missing, so traffic they deny may be shown as allowed"),
    BASELINE_ADMIN_NETWORK_POLICY("policy.networking.k8s.io", "v1alpha1", "BaselineAdminNetworkPolicy", "baselineadminnetworkpolicies",
            "the baseline policy is missing, so traffic it denies may be shown as allowed"),
    CLUSTER_NETWORK_POLICY("policy.networking.k8s.io", "v1alpha2", "ClusterNetworkPolicy", "clusternetworkpolicies",
            "cluster-wide policies are missing, so traffic they deny may be shown as allowed"),
    // Cilium's own policies are CRDs too, installed with Cilium.
    CILIUM_NETWORK_POLICY("cilium.io", "v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies", true, true,
            "Cilium policies are missing, so traffic they block may be shown as allowed"),
    CILIUM_CLUSTERWIDE_NETWORK_POLICY("cilium.io", "v2", "CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies",
            "Cilium's clusterwide policies are missing, so traffic they block may be shown as allowed"),
    // Calico's own kinds: projectcalico.org/v3 as its API server serves them, and crd.projectcalico.org/v1 as a cluster
    // stores them; CalicoVersions keeps one of the two per kind. Their kind names clash with Kubernetes' NetworkPolicy, so
    // they are told apart as "Calico NetworkPolicy" (label()).
    CALICO_TIER(Calico.V3, "Tier", "tiers", false, "Calico's tiers are missing, so their order and default actions are guessed"),
    CALICO_NETWORK_POLICY(Calico.V3, "NetworkPolicy", "networkpolicies", true,
            "Calico policies are missing, so traffic they deny may be shown as allowed"),
    CALICO_GLOBAL_NETWORK_POLICY(Calico.V3, "GlobalNetworkPolicy", "globalnetworkpolicies", false,
            "Calico's global policies are missing, so traffic they deny may be shown as allowed"),
    CALICO_GLOBAL_NETWORK_SET(Calico.V3, "GlobalNetworkSet", "globalnetworksets", false,
            "Calico's global network sets are missing, so rules that select them match no address"),
    CALICO_NETWORK_SET(Calico.V3, "NetworkSet", "networksets", true,
            "Calico's network sets are missing, so rules that select them match no address"),
    CALICO_HOST_ENDPOINT(Calico.V3, "HostEndpoint", "hostendpoints", false,
            "Calico's host endpoints are missing, so rules that select them are not marked as decided at run time"),
    CALICO_TIER_V1(Calico.V1, "Tier", "tiers", false, CALICO_TIER),
    CALICO_NETWORK_POLICY_V1(Calico.V1, "NetworkPolicy", "networkpolicies", true, CALICO_NETWORK_POLICY),
    CALICO_GLOBAL_NETWORK_POLICY_V1(Calico.V1, "GlobalNetworkPolicy", "globalnetworkpolicies", false, CALICO_GLOBAL_NETWORK_POLICY),
    CALICO_GLOBAL_NETWORK_SET_V1(Calico.V1, "GlobalNetworkSet", "globalnetworksets", false, CALICO_GLOBAL_NETWORK_SET),
    CALICO_NETWORK_SET_V1(Calico.V1, "NetworkSet", "networksets", true, CALICO_NETWORK_SET),
    CALICO_HOST_ENDPOINT_V1(Calico.V1, "HostEndpoint", "hostendpoints", false, CALICO_HOST_ENDPOINT);

    /** Calico's two API groups: the one users write and its API server serves, and the CRDs a cluster stores. */
    private enum Calico {
        V3("projectcalico.org", "v3"), V1("crd.projectcalico.org", "v1");

        final String group;
        final String version;

        Calico(String group, String version) {
            this.group = group;
            this.version = version;
        }
    }

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    /** Whether the kind comes from a CRD a cluster may well not have installed. */
    private final boolean optional;
    private final String consequenceWhenUnreadable;
    /** For a Calico kind stored as crd.projectcalico.org/v1: the same kind as projectcalico.org/v3, which is preferred. */
    private final ResourceKind newerVersion;

    ResourceKind(String group, String kind, String plural, boolean namespaced, String consequenceWhenUnreadable) {
        this(group, "v1", kind, plural, namespaced, false, consequenceWhenUnreadable);
    }

    /** A cluster-scoped kind of a CRD, read when the server serves it. */
    ResourceKind(String group, String version, String kind, String plural, String consequenceWhenUnreadable) {
        this(group, version, kind, plural, false, true, consequenceWhenUnreadable);
    }

    ResourceKind(String group, String version, String kind, String plural, boolean namespaced, boolean optional,
            String consequenceWhenUnreadable) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.optional = optional;
        this.consequenceWhenUnreadable = consequenceWhenUnreadable;
        this.newerVersion = null;
    }

    /** A Calico kind as projectcalico.org/v3 serves it: optional, since most clusters run without Calico. */
    ResourceKind(Calico api, String kind, String plural, boolean namespaced, String consequenceWhenUnreadable) {
        this(api.group, api.version, kind, plural, namespaced, true, consequenceWhenUnreadable);
    }

    /** A Calico kind as crd.projectcalico.org/v1 stores it, read when {@code newer} holds nothing. */
    ResourceKind(Calico api, String kind, String plural, boolean namespaced, ResourceKind newer) {
        this.group = api.group;
        this.version = api.version;
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.optional = true;
        this.consequenceWhenUnreadable = newer.consequenceWhenUnreadable;
        this.newerVersion = newer;
    }

    /** Whether a server that does not serve the kind (404) is normal: no gap, no error. */
    boolean optional() {
        return optional;
    }

    /**
     * Whether the kind is cluster-scoped and applies to every namespace: read cluster-wide even
     * when the user chose namespaces (Namespaces themselves are read by name instead).
     */
    boolean clusterWide() {
        return !namespaced && this != NAMESPACE;
    }

    /** The API kind, as manifests write it ({@code NetworkPolicy} for Kubernetes' and Calico's alike). */
    String kind() {
        return kind;
    }

    /**
     * The kind as object keys, changes and messages name it: the API kind, or {@code Calico NetworkPolicy} for Calico's
     * (as the snapshot builder names them), so that a Calico policy and a Kubernetes one of the same name stay apart.
     */
    String label() {
        return isCalico() ? "Calico " + kind : kind;
    }

    boolean isCalico() {
        return group.endsWith("projectcalico.org");
    }

    /** The projectcalico.org/v3 kind that supersedes this crd.projectcalico.org/v1 one; null for every other kind. */
    ResourceKind newerVersion() {
        return newerVersion;
    }

    String plural() {
        return plural;
    }

    boolean namespaced() {
        return namespaced;
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The resource as RBAC rules and kubectl name it: {@code networkpolicies.networking.k8s.io}, {@code pods}. */
    String qualifiedName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** What the view lacks when this resource cannot be read, for diagnostics. */
    String consequenceWhenUnreadable() {
        return consequenceWhenUnreadable;
    }

    ResourceDefinitionContext definition() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    /** The first kind of that {@link #label()}. */
    static Optional<ResourceKind> fromKind(String label) {
        for (ResourceKind candidate : values()) {
            if (candidate.label().equals(label)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

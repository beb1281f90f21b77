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
            "Cilium's clusterwide policies are missing, so traffic they block may be shown as allowed");

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    /** Whether the kind comes from a CRD a cluster may well not have installed. */
    private final boolean optional;
    private final String consequenceWhenUnreadable;

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

    String kind() {
        return kind;
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

    static Optional<ResourceKind> fromKind(String kind) {
        for (ResourceKind candidate : values()) {
            if (candidate.kind.equals(kind)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package io.netpolviz.load;

import io.netpolviz.model.WorkloadKind;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code apiVersion}/{@code kind} pairs NetPolViz reads, and what to say about the
 * others: an old version of a kind it reads (say {@code extensions/v1beta1 Deployment}) is an
 * error, since today's API servers reject it; a kind of another API group that happens to
 * share a name (Knative's {@code Service}) is skipped like any other kind.
 */
final class ApiKinds {

    /** What an object is to the snapshot. */
    enum Role { NAMESPACE, WORKLOAD, SERVICE, INGRESS, NETWORK, POLICY, CLUSTER_POLICY, CILIUM_POLICY, CALICO }

    /** How to treat an object of a given apiVersion and kind. */
    sealed interface Decision permits Read, Reject, Skip, Unevaluated {
    }

    /** Read it in this role. */
    record Read(Role role, WorkloadKind workloadKind) implements Decision {
    }

    /** An error: the API server would not accept it as written. */
    record Reject(String message) implements Decision {
    }

    /** Not something that affects network policy. */
    record Skip() implements Decision {
    }

    /**
     * A policy that can block pod traffic but that NetPolViz does not evaluate (a network
     * plugin's or a service mesh's own kinds): the picture may allow what the cluster blocks.
     *
     * @param project who defines the kind, for the message ({@code Calico}, {@code Cilium})
     */
    record Unevaluated(String project) implements Decision {
    }

    /** API groups whose policy kinds can block traffic, and the project each belongs to. */
    private static final Map<String, String> POLICY_GROUPS = Map.ofEntries(
            Map.entry("crd.projectcalico.org", "Calico"),
            Map.entry("projectcalico.org", "Calico"),
            Map.entry("cilium.io", "Cilium"),
            Map.entry("crd.antrea.io", "Antrea"),
            Map.entry("security.antrea.tanzu.vmware.com", "Antrea"),
            Map.entry("k8s.ovn.org", "OVN-Kubernetes"),
            Map.entry("k8s.cni.cncf.io", "Multus"),
            Map.entry("security.istio.io", "Istio"),
            Map.entry("policy.linkerd.io", "Linkerd"),
            Map.entry("networking.gke.io", "GKE"),
            Map.entry("policy.networking.k8s.io", "network-policy-api"));

    /** Kinds of those groups that decide whether traffic flows (not address sets, tiers' metadata or status). */
    private static final java.util.Set<String> POLICY_KINDS = java.util.Set.of(
            "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
            "StagedKubernetesNetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "ClusterNetworkPolicy",
            "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "EgressFirewall", "MultiNetworkPolicy", "AuthorizationPolicy",
            "PeerAuthentication", "Server", "ServerAuthorization", "MeshTLSAuthentication", "NetworkAuthentication",
            "FQDNNetworkPolicy", "GCPFirewall", "UserDefinedNetwork", "ClusterUserDefinedNetwork");

    static final String POLICY_API_VERSION = "networking.k8s.io/v1";

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("Pod", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("Route", "route.openshift.io/v1"),
            Map.entry("ReplicationController", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("NetworkPolicy", POLICY_API_VERSION),
            Map.entry("AdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"),
            Map.entry("BaselineAdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"),
            Map.entry("ClusterNetworkPolicy", "policy.networking.k8s.io/v1alpha2"),
            Map.entry("CiliumNetworkPolicy", "cilium.io/v2"),
            Map.entry("CiliumClusterwideNetworkPolicy", "cilium.io/v2"),
            Map.entry("VirtualMachine", "kubevirt.io/v1"),
            Map.entry("UserDefinedNetwork", "k8s.ovn.org/v1"),
            Map.entry("ClusterUserDefinedNetwork", "k8s.ovn.org/v1"));

    private ApiKinds() {
    }

    static Decision decide(String apiVersion, String kind) {
        if (CalicoReader.isCalicoGroup(apiVersion) && CalicoReader.isReadKind(kind)) {
            return new Read(Role.CALICO, null);
        }
        String expected = API_VERSIONS.get(kind);
        String project = POLICY_GROUPS.get(group(apiVersion));
        boolean otherProjectsPolicy = project != null && (POLICY_KINDS.contains(kind) || kind.endsWith("Policy"));
        if (expected == null) {
            return otherProjectsPolicy || kind.endsWith("NetworkPolicy") ? new Unevaluated(project == null ? group(apiVersion) : project)
                    : new Skip();
        }
        if (expected.equals(apiVersion)) {
            return new Read(role(kind), WorkloadKind.fromApiKind(kind).orElse(null));
        }
        if (kind.equals("Ingress") || kind.equals("Route") || kind.equals("VirtualMachine")) {
            // Only where a controller forwards to, and KubeVirt's v1 machines; an older or foreign version is skipped as before.
            return new Skip();
        }
        String group = group(apiVersion);
        if (otherProjectsPolicy && !group.equals(group(expected))) {
            return new Unevaluated(project);
        }
        if (kind.equals("NetworkPolicy")) {
            return new Reject(policyVersionMessage(apiVersion));
        }
        boolean sameGroup = group.equals(group(expected));
        boolean formerGroup = group.equals("extensions") && expected.startsWith("apps/");
        if (sameGroup || formerGroup) {
            return new Reject(apiVersion + " " + kind + " is not served by current Kubernetes versions; change apiVersion to "
                    + expected + " (and adjust fields that changed)");
        }
        return new Skip();
    }

    private static String policyVersionMessage(String apiVersion) {
        if (apiVersion.startsWith("extensions/") || apiVersion.startsWith("networking.k8s.io/")) {
            return apiVersion + " NetworkPolicy is not served by current Kubernetes versions; change apiVersion to " + POLICY_API_VERSION;
        }
        return apiVersion + " NetworkPolicy is not a Kubernetes NetworkPolicy (it belongs to another project, such as a"
                + " network plugin) and is not evaluated; NetPolViz reads " + POLICY_API_VERSION + " NetworkPolicy only";
    }

    private static Role role(String kind) {
        return switch (kind) {
            case "Namespace" -> Role.NAMESPACE;
            case "Service" -> Role.SERVICE;
            case "Ingress", "Route" -> Role.INGRESS;
            case "UserDefinedNetwork", "ClusterUserDefinedNetwork" -> Role.NETWORK;
            case "NetworkPolicy" -> Role.POLICY;
            case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy" -> Role.CLUSTER_POLICY;
            case "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy" -> Role.CILIUM_POLICY;
            default -> Role.WORKLOAD;
        };
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The kind of the items of a typed list such as {@code PodList}, when {@code kind} names one. */
    static Optional<String> itemKind(String listKind) {
        if (listKind.endsWith("List") && listKind.length() > "List".length()) {
            return Optional.of(listKind.substring(0, listKind.length() - "List".length()));
        }
        return Optional.empty();
    }
}

package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the policies of other projects a cluster holds — Antrea's, OVN-Kubernetes' egress
 * firewalls, Istio's authorization policies, which NetPolViz reads but does not evaluate
 * (Calico's, which it evaluates, are watched as {@link ResourceKind}s). A folder that holds unevaluated ones gets a warning and a
 * failing exit code, because the picture may allow what they block; a live cluster must say the
 * same, so their kinds are listed (a 404 means the CNI's CRDs are not installed) and each object
 * is handed to the snapshot builder as a name only, which counts them exactly as it counts them in
 * files.
 */
final class ForeignPolicies {

    /** A policy kind of another project, as its CRD serves it. */
    private record Kind(String group, String version, String kind, String plural, boolean namespaced) {

        ResourceDefinitionContext definition() {
            return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                    .withPlural(plural).withNamespaced(namespaced).build();
        }
    }

    /** Antrea's crd.antrea.io/v1beta1; OVN-Kubernetes' k8s.ovn.org/v1; Istio's security.istio.io/v1. */
    private static final List<Kind> KINDS = List.of(
            new Kind("crd.antrea.io", "v1beta1", "NetworkPolicy", "networkpolicies", true),
            new Kind("crd.antrea.io", "v1beta1", "ClusterNetworkPolicy", "clusternetworkpolicies", false),
            new Kind("k8s.ovn.org", "v1", "EgressFirewall", "egressfirewalls", true),
            new Kind("security.istio.io", "v1", "AuthorizationPolicy", "authorizationpolicies", true));

    private ForeignPolicies() {
    }

    /**
     * Each foreign policy the cluster holds, as {@code apiVersion}, {@code kind} and name only
     * (listed once per session, not watched: a change to them shows after the next reconnect). A kind
     * the server does not serve, or does not let this user read, is passed over: the user's own
     * view of the cluster holds no such objects either.
     */
    static List<Map<String, Object>> list(KubernetesClient client) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<GenericKubernetesResource> items;
            try {
                var resources = client.genericKubernetesResources(kind.definition());
                items = kind.namespaced() ? resources.inAnyNamespace().list().getItems() : resources.list().getItems();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404 || e.getCode() == 403) {
                    continue;
                }
                throw e;
            }
            for (GenericKubernetesResource item : items) {
                if (item.getMetadata() == null || item.getMetadata().getName() == null) {
                    continue;
                }
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("name", item.getMetadata().getName());
                if (item.getMetadata().getNamespace() != null) {
                    metadata.put("namespace", item.getMetadata().getNamespace());
                }
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("apiVersion", kind.group() + "/" + kind.version());
                object.put("kind", kind.kind());
                object.put("metadata", metadata);
                found.add(object);
            }
        }
        return found;
    }
}

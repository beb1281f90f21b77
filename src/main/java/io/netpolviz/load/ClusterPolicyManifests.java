package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a cluster-wide policy as the manifest of its own kind and API version, ready for
 * {@code kubectl apply}: a ClusterNetworkPolicy as {@code policy.networking.k8s.io/v1alpha2}
 * (tier, priority, {@code protocols}, {@code Accept}), an AdminNetworkPolicy or
 * BaselineAdminNetworkPolicy as {@code v1alpha1} ({@code ports}, {@code Allow}). Reading what it
 * writes with {@link ClusterPolicyReader} gives back the same policy. Part of {@link PolicyManifests}.
 */
final class ClusterPolicyManifests {

    private ClusterPolicyManifests() {
    }

    static Map<String, Object> manifest(ClusterPolicy policy) {
        boolean v1alpha2 = policy.kind().equals(ClusterPolicy.CLUSTER_NETWORK_POLICY);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "policy.networking.k8s.io/" + (v1alpha2 ? "v1alpha2" : "v1alpha1"));
        object.put("kind", policy.kind());
        object.put("metadata", PolicyManifests.metadata(policy.name(), null, policy.sourceText()));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (v1alpha2) {
            spec.put("tier", policy.tier().apiName());
        }
        if (!policy.kind().equals(ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY)) {
            spec.put("priority", policy.priority());
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        if (policy.subject().pods() == null) {
            subject.put("namespaces", PolicyManifests.selector(policy.subject().namespaces()));
        } else {
            Map<String, Object> pods = new LinkedHashMap<>();
            pods.put("namespaceSelector", PolicyManifests.selector(policy.subject().namespaces()));
            pods.put("podSelector", PolicyManifests.selector(policy.subject().pods()));
            subject.put("pods", pods);
        }
        spec.put("subject", subject);
        for (PolicyType direction : PolicyType.values()) {
            if (!policy.rules(direction).isEmpty()) {
                List<Object> rules = new ArrayList<>();
                policy.rules(direction).forEach(rule -> rules.add(rule(rule, direction, v1alpha2)));
                spec.put(direction.apiName().toLowerCase(Locale.ROOT), rules);
            }
        }
        object.put("spec", spec);
        return object;
    }

    private static Map<String, Object> rule(ClusterPolicyRule rule, PolicyType direction, boolean v1alpha2) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!rule.name().isEmpty()) {
            out.put("name", rule.name());
        }
        out.put("action", switch (rule.action()) {
            case ALLOW -> v1alpha2 ? "Accept" : "Allow";
            case DENY -> "Deny";
            case PASS -> "Pass";
        });
        out.put(direction == PolicyType.INGRESS ? "from" : "to", rule.peers().stream().map(ClusterPolicyManifests::peer).toList());
        if (!rule.ports().isEmpty()) {
            out.put(v1alpha2 ? "protocols" : "ports", rule.ports().stream().map(p -> v1alpha2 ? protocol(p) : port(p)).toList());
        }
        return out;
    }

    private static Map<String, Object> peer(ClusterPolicyPeer peer) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (peer.form()) {
            case NAMESPACES -> out.put("namespaces", PolicyManifests.selector(peer.namespaceSelector()));
            case PODS -> {
                Map<String, Object> pods = new LinkedHashMap<>();
                pods.put("namespaceSelector", PolicyManifests.selector(peer.namespaceSelector()));
                pods.put("podSelector", PolicyManifests.selector(peer.podSelector()));
                out.put("pods", pods);
            }
            case NETWORKS -> out.put("networks", peer.networks().stream().map(Cidr::display).toList());
            case NODES -> out.put("nodes", PolicyManifests.selector(peer.podSelector()));
            case DOMAIN_NAMES -> out.put("domainNames", peer.domainNames());
        }
        return out;
    }

    /** v1alpha2: {@code {tcp: {destinationPort: {number: 80}}}}. */
    private static Map<String, Object> protocol(ClusterPolicyPort port) {
        if (port.isNamed()) {
            return Map.of("destinationNamedPort", port.namedPort());
        }
        Map<String, Object> destination = new LinkedHashMap<>();
        if (port.first() == port.last()) {
            destination.put("number", port.first());
        } else {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("start", port.first());
            range.put("end", port.last());
            destination.put("range", range);
        }
        return Map.of(port.protocol().name().toLowerCase(Locale.ROOT), Map.of("destinationPort", destination));
    }

    /** v1alpha1: {@code {portNumber: {protocol: TCP, port: 80}}}. */
    private static Map<String, Object> port(ClusterPolicyPort port) {
        if (port.isNamed()) {
            return Map.of("namedPort", port.namedPort());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("protocol", port.protocol().name());
        if (port.first() == port.last()) {
            body.put("port", port.first());
            return Map.of("portNumber", body);
        }
        body.put("start", port.first());
        body.put("end", port.last());
        return Map.of("portRange", body);
    }
}

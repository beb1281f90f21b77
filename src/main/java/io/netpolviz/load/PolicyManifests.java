package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.SelectorOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes NetworkPolicies as manifests ready for {@code kubectl apply}: the spec from the policy
 * as NetPolViz reads it, and for a policy that came from a manifest, that manifest's own
 * metadata (labels, annotations), less the fields the server owns. Loading what it writes gives
 * back the same policies.
 */
public final class PolicyManifests {

    /** Metadata the API server sets; an applied manifest must not carry stale values of them. */
    private static final Set<String> SERVER_FIELDS = Set.of("resourceVersion", "uid", "creationTimestamp", "managedFields",
            "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    private PolicyManifests() {
    }

    /** The policies as YAML documents, each starting with {@code ---}. */
    public static String toYaml(List<NetworkPolicy> policies) {
        return toYaml(policies, List.of());
    }

    /**
     * Cluster-wide policies first (they are the administrator's, and decide first), then the
     * NetworkPolicies, as YAML documents each starting with {@code ---}.
     */
    public static String toYaml(List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies) {
        Yaml yaml = new Yaml(dumperOptions());
        StringBuilder out = new StringBuilder();
        for (ClusterPolicy policy : clusterPolicies) {
            out.append("---\n").append(yaml.dump(ClusterPolicyManifests.manifest(policy)));
        }
        for (NetworkPolicy policy : policies) {
            out.append("---\n").append(yaml.dump(manifest(policy)));
        }
        return out.toString();
    }

    static Map<String, Object> manifest(NetworkPolicy policy) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "networking.k8s.io/v1");
        object.put("kind", NetworkPolicy.KIND);
        object.put("metadata", metadata(policy.name(), policy.namespace(), policy.sourceText()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", selector(policy.podSelector()));
        if (policy.declaredPolicyTypes() != null) {
            spec.put("policyTypes", policy.declaredPolicyTypes().stream().map(PolicyType::apiName).toList());
        }
        if (!policy.ingress().isEmpty()) {
            spec.put("ingress", rules(policy.ingress(), "from"));
        }
        if (!policy.egress().isEmpty()) {
            spec.put("egress", rules(policy.egress(), "to"));
        }
        object.put("spec", spec);
        return object;
    }

    /** Name, namespace (null for a cluster-wide object) and what else the object's own manifest had in its metadata. */
    static Map<String, Object> metadata(String name, String namespace, String sourceText) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        Object written = originalMetadata(sourceText);
        if (written instanceof Map<?, ?> original) {
            original.forEach((key, value) -> {
                if (key instanceof String field && !SERVER_FIELDS.contains(field) && !metadata.containsKey(field) && value != null) {
                    metadata.put(field, value);
                }
            });
        }
        return metadata;
    }

    /** The {@code metadata} of the policy's own text, or null when there is none to read. */
    private static Object originalMetadata(String sourceText) {
        if (sourceText.isBlank()) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        try {
            Object document = new Yaml(new SafeConstructor(options)).load(sourceText);
            return document instanceof Map<?, ?> map ? map.get("metadata") : null;
        } catch (RuntimeException unreadable) {
            // The text was read once already; if it no longer parses on its own, name and namespace suffice.
            return null;
        }
    }

    private static List<Object> rules(List<PolicyRule> rules, String peersField) {
        List<Object> out = new ArrayList<>();
        for (PolicyRule rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!rule.peers().isEmpty()) {
                entry.put(peersField, rule.peers().stream().map(PolicyManifests::peer).toList());
            }
            if (!rule.ports().isEmpty()) {
                entry.put("ports", rule.ports().stream().map(PolicyManifests::port).toList());
            }
            out.add(entry);
        }
        return out;
    }

    private static Map<String, Object> peer(PolicyPeer peer) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (peer.ipBlock() != null) {
            IpBlock block = peer.ipBlock();
            Map<String, Object> ipBlock = new LinkedHashMap<>();
            ipBlock.put("cidr", block.cidr().display());
            if (!block.except().isEmpty()) {
                ipBlock.put("except", block.except().stream().map(Cidr::display).toList());
            }
            out.put("ipBlock", ipBlock);
            return out;
        }
        if (peer.namespaceSelector() != null) {
            out.put("namespaceSelector", selector(peer.namespaceSelector()));
        }
        if (peer.podSelector() != null) {
            out.put("podSelector", selector(peer.podSelector()));
        }
        return out;
    }

    static Map<String, Object> selector(LabelSelector selector) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!selector.matchLabels().isEmpty()) {
            out.put("matchLabels", new LinkedHashMap<>(selector.matchLabels()));
        }
        if (!selector.matchExpressions().isEmpty()) {
            List<Object> expressions = new ArrayList<>();
            for (LabelRequirement requirement : selector.matchExpressions()) {
                Map<String, Object> expression = new LinkedHashMap<>();
                expression.put("key", requirement.key());
                expression.put("operator", requirement.operator().apiName());
                if (requirement.operator() == SelectorOperator.IN || requirement.operator() == SelectorOperator.NOT_IN) {
                    expression.put("values", requirement.values());
                }
                expressions.add(expression);
            }
            out.put("matchExpressions", expressions);
        }
        return out;
    }

    private static Map<String, Object> port(PolicyPort port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", port.protocol().name());
        if (port.port() != null) {
            out.put("port", port.port().isNamed() ? port.port().name() : port.port().number());
        }
        if (port.endPort() != null) {
            out.put("endPort", port.endPort());
        }
        return out;
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return options;
    }
}

package io.netpolviz.load;

import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.SelectorOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cilium's endpoint selectors resolved to the namespaces and pods they select. Cilium matches
 * selectors against an endpoint's identity labels, in which the Kubernetes labels carry the
 * source prefix {@code k8s:} (a key without prefix, or with {@code any:}, matches any source) and
 * the namespace shows up as derived labels: {@code io.kubernetes.pod.namespace} (its name) and
 * {@code io.cilium.k8s.namespace.labels.KEY} (its labels). Those become namespace selector terms
 * here. Namespace scoping follows Cilium's parser ({@code pkg/k8s/apis/cilium.io/utils}): a
 * CiliumNetworkPolicy's endpointSelector always stays in its namespace, and a peer selector that
 * names neither the namespace nor its labels means the policy's own namespace; in a clusterwide
 * policy such a peer selector means every namespace.
 * See https://docs.cilium.io/en/stable/security/policy/kubernetes/ (Namespaces).
 */
final class CiliumSelectors {

    static final String NAMESPACE_KEY = "io.kubernetes.pod.namespace";
    static final String NAMESPACE_LABELS_PREFIX = "io.cilium.k8s.namespace.labels.";
    /** Keys Cilium derives from what the manifests NetPolViz reads do not carry. */
    private static final List<String> RUN_TIME_KEYS = List.of("io.cilium.k8s.policy.serviceaccount", "io.cilium.k8s.policy.cluster");

    /** A selector resolved; {@code runTime} names what only the running cluster can tell (then it matches no pod here). */
    record Resolved(ClusterPolicySubject subject, String runTime) {
    }

    private CiliumSelectors() {
    }

    /**
     * Reads the selector at {@code path}. {@code policyNamespace} is empty for a clusterwide
     * policy; {@code subject} is true for the endpointSelector (always in the policy's namespace).
     */
    static Resolved read(ObjectReader reader, Object value, FieldPath path, String policyNamespace, boolean subject) {
        Map<?, ?> raw = reader.mapping(value, path, "{matchLabels: {app: web}}");
        if (raw == null) {
            return new Resolved(new ClusterPolicySubject(LabelSelector.EVERYTHING, LabelSelector.EVERYTHING), null);
        }
        List<String> reserved = new ArrayList<>();
        Map<String, Object> rewritten = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (field.equals("matchLabels") && entry.getValue() instanceof Map<?, ?> labels) {
                Map<Object, Object> stripped = new LinkedHashMap<>();
                labels.forEach((key, labelValue) -> {
                    String source = sourceOf(String.valueOf(key));
                    if (source.equals("reserved")) {
                        reserved.add(String.valueOf(key));
                    } else {
                        stripped.put(unprefixed(String.valueOf(key)), labelValue);
                    }
                });
                rewritten.put(field, stripped);
            } else if (field.equals("matchExpressions") && entry.getValue() instanceof List<?> expressions) {
                List<Object> stripped = new ArrayList<>();
                for (Object expression : expressions) {
                    if (expression instanceof Map<?, ?> map && map.get("key") instanceof String key) {
                        Map<Object, Object> copy = new LinkedHashMap<>(map);
                        copy.put("key", unprefixed(key));
                        if (sourceOf(key).equals("reserved")) {
                            reserved.add(key);
                            continue;
                        }
                        stripped.add(copy);
                    } else {
                        stripped.add(expression);
                    }
                }
                rewritten.put(field, stripped);
            } else {
                rewritten.put(field, entry.getValue());
            }
        }
        LabelSelector selector = SelectorReader.read(reader, rewritten, path, true);
        if (selector == null) {
            selector = LabelSelector.EVERYTHING;
        }
        Map<String, String> podLabels = new LinkedHashMap<>();
        Map<String, String> namespaceLabels = new LinkedHashMap<>();
        List<LabelRequirement> podTerms = new ArrayList<>();
        List<LabelRequirement> namespaceTerms = new ArrayList<>();
        boolean namesNamespace = false;
        String runTime = reserved.isEmpty() ? null : "reserved identity " + String.join(", ", reserved);
        for (Map.Entry<String, String> label : selector.matchLabels().entrySet()) {
            String namespaceKey = namespaceKey(label.getKey());
            if (namespaceKey != null) {
                namespaceLabels.put(namespaceKey, label.getValue());
                namesNamespace = true;
            } else if (RUN_TIME_KEYS.contains(label.getKey())) {
                runTime = label.getKey() + "=" + label.getValue();
            } else {
                podLabels.put(label.getKey(), label.getValue());
            }
        }
        for (LabelRequirement term : selector.matchExpressions()) {
            String namespaceKey = namespaceKey(term.key());
            if (namespaceKey != null) {
                namespaceTerms.add(new LabelRequirement(namespaceKey, term.operator(), term.values()));
                namesNamespace = true;
            } else if (RUN_TIME_KEYS.contains(term.key())) {
                runTime = term.display();
            } else {
                podTerms.add(term);
            }
        }
        if (!policyNamespace.isEmpty() && (subject || !namesNamespace)) {
            namespaceTerms.add(new LabelRequirement(Namespace.NAME_LABEL, SelectorOperator.IN, List.of(policyNamespace)));
        }
        return new Resolved(new ClusterPolicySubject(new LabelSelector(namespaceLabels, namespaceTerms), new LabelSelector(podLabels, podTerms)),
                runTime);
    }

    /** The namespace label a derived key stands for, or null when it is a pod label. */
    private static String namespaceKey(String key) {
        if (key.equals(NAMESPACE_KEY)) {
            return Namespace.NAME_LABEL;
        }
        if (key.startsWith(NAMESPACE_LABELS_PREFIX) && key.length() > NAMESPACE_LABELS_PREFIX.length()) {
            return key.substring(NAMESPACE_LABELS_PREFIX.length());
        }
        return null;
    }

    /** {@code k8s} for {@code k8s:app}, {@code any} for a key without source. */
    private static String sourceOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "any" : key.substring(0, colon);
    }

    private static String unprefixed(String key) {
        int colon = key.indexOf(':');
        String source = colon < 0 ? "" : key.substring(0, colon);
        return source.equals("k8s") || source.equals("any") ? key.substring(colon + 1) : key;
    }
}

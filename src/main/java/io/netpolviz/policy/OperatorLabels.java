package io.netpolviz.policy;

import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Labels that operators put on the pods they create (the Prometheus operator's
 * {@code app.kubernetes.io/name: prometheus} and {@code operator.prometheus.io/name}, Strimzi's
 * {@code strimzi.io/cluster}...). A policy for such pods selects nothing in manifests that hold
 * the operator's custom resources but not the pods, which only exist once the operator runs.
 */
final class OperatorLabels {

    /** Values of the usual name labels that operators give the pods they run. */
    private static final Set<String> OPERATED_NAMES = Set.of("prometheus", "alertmanager", "thanos-ruler", "prometheus-agent");
    private static final Set<String> NAME_KEYS = Set.of("app.kubernetes.io/name", "app");
    /** Key prefixes (label domains) of operators. */
    private static final Set<String> OPERATOR_DOMAINS = Set.of("strimzi.io", "cnpg.io", "postgres-operator.crunchydata.com",
            "elasticsearch.k8s.elastic.co", "kibana.k8s.elastic.co");

    private OperatorLabels() {
    }

    /** The first label of {@code selector} that operators set, as {@code key=value} or {@code key}. */
    static Optional<String> named(LabelSelector selector) {
        for (Map.Entry<String, String> label : new java.util.TreeMap<>(selector.matchLabels()).entrySet()) {
            if (isOperatorKey(label.getKey()) || (NAME_KEYS.contains(label.getKey()) && OPERATED_NAMES.contains(label.getValue()))) {
                return Optional.of(label.getKey() + "=" + label.getValue());
            }
        }
        for (LabelRequirement requirement : selector.matchExpressions()) {
            if (isOperatorKey(requirement.key()) || (NAME_KEYS.contains(requirement.key())
                    && requirement.values().stream().anyMatch(OPERATED_NAMES::contains))) {
                return Optional.of(requirement.display());
            }
        }
        return Optional.empty();
    }

    private static boolean isOperatorKey(String key) {
        int slash = key.indexOf('/');
        String domain = slash < 0 ? "" : key.substring(0, slash);
        return domain.contains("operator") || OPERATOR_DOMAINS.contains(domain);
    }
}

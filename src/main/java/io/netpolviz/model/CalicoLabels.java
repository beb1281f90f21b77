package io.netpolviz.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels Calico's selectors see, beyond those written: on a pod, its namespace as
 * {@code projectcalico.org/namespace}, {@code projectcalico.org/orchestrator: k8s} and each
 * namespace label as {@code pcns.KEY}; on a namespace, its name as {@code projectcalico.org/name}
 * (docs.tigera.io, NetworkPolicy reference: "Select a specific namespace by name using the
 * projectcalico.org/name label").
 */
public final class CalicoLabels {

    public static final String NAMESPACE = "projectcalico.org/namespace";
    public static final String NAME = "projectcalico.org/name";
    public static final String ORCHESTRATOR = "projectcalico.org/orchestrator";

    private CalicoLabels() {
    }

    public static Map<String, String> ofPod(String namespace, Map<String, String> podLabels, Map<String, String> namespaceLabels) {
        Map<String, String> labels = new TreeMap<>();
        namespaceLabels.forEach((key, value) -> labels.put("pcns." + key, value));
        labels.put(NAMESPACE, namespace);
        labels.put(ORCHESTRATOR, "k8s");
        labels.putAll(podLabels);
        return labels;
    }

    /**
     * A namespaced NetworkSet's labels as selectors see them: its namespace's, as on a pod, since
     * Calico scopes a namespaced policy's selectors to its namespace by the namespace label.
     */
    public static Map<String, String> ofNetworkSet(String namespace, Map<String, String> setLabels, Map<String, String> namespaceLabels) {
        Map<String, String> labels = new TreeMap<>();
        namespaceLabels.forEach((key, value) -> labels.put("pcns." + key, value));
        labels.put(NAMESPACE, namespace);
        labels.putAll(setLabels);
        return labels;
    }

    public static Map<String, String> ofNamespace(String name, Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>(labels);
        out.put(NAME, name);
        return out;
    }
}

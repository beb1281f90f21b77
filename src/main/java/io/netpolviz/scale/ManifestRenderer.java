package io.netpolviz.scale;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Service;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a snapshot as Kubernetes manifests: one YAML file per namespace holding the
 * Namespace, its workloads, Services and NetworkPolicies, in that order and sorted by name.
 * The text is built by hand (only the loaders touch a YAML library), and only from sorted
 * data, so the same snapshot always gives the same bytes.
 */
final class ManifestRenderer {

    /** Scalars that YAML reads as plain strings; anything else is double-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9.\\-/]*");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private final StringBuilder out = new StringBuilder();

    private ManifestRenderer() {
    }

    /** File name ({@code NAMESPACE.yaml}) to its text, sorted by name. */
    static SortedMap<String, String> render(ClusterSnapshot snapshot) {
        SortedMap<String, String> files = new TreeMap<>();
        for (Namespace namespace : snapshot.namespaces()) {
            ManifestRenderer renderer = new ManifestRenderer();
            renderer.namespace(namespace);
            snapshot.workloads().stream().filter(w -> w.namespace().equals(namespace.name())).forEach(renderer::workload);
            snapshot.services().stream().filter(s -> s.namespace().equals(namespace.name())).forEach(renderer::service);
            snapshot.policies().stream().filter(p -> p.namespace().equals(namespace.name())).forEach(renderer::policy);
            files.put(namespace.name() + ".yaml", renderer.out.toString());
        }
        if (!snapshot.clusterPolicies().isEmpty()) {
            files.put("cluster-policies.yaml", ClusterPolicyRenderer.render(snapshot.clusterPolicies()));
        }
        if (!snapshot.calico().isEmpty()) {
            files.put("calico-policies.yaml", CalicoRenderer.render(snapshot.calico()));
        }
        return files;
    }

    private void namespace(Namespace namespace) {
        header("v1", "Namespace");
        line(0, "metadata:");
        line(1, "name: " + scalar(namespace.name()));
        // The API server sets kubernetes.io/metadata.name itself.
        Map<String, String> labels = new TreeMap<>(namespace.labels());
        labels.remove(Namespace.NAME_LABEL);
        labels(1, "labels", labels);
    }

    private void workload(Workload workload) {
        String apiVersion = workload.kind() == WorkloadKind.POD ? "v1" : "apps/v1";
        header(apiVersion, workload.kind().apiKind());
        metadata(workload.namespace(), workload.name());
        if (workload.kind() == WorkloadKind.POD) {
            labels(1, "labels", workload.podLabels());
            line(0, "spec:");
            containers(1, workload);
            return;
        }
        line(0, "spec:");
        if (workload.kind() == WorkloadKind.STATEFUL_SET) {
            line(1, "serviceName: " + scalar(workload.name()));
        }
        line(1, "replicas: " + workload.replicas());
        line(1, "selector:");
        Map<String, String> selector = workload.podLabels().containsKey("app")
                ? Map.of("app", workload.podLabels().get("app")) : workload.podLabels();
        labels(2, "matchLabels", selector);
        line(1, "template:");
        line(2, "metadata:");
        labels(3, "labels", workload.podLabels());
        line(2, "spec:");
        containers(3, workload);
    }

    private void containers(int indent, Workload workload) {
        line(indent, "containers:");
        line(indent, "- name: main");
        line(indent + 1, "image: " + scalar("registry.example/" + workload.name().replaceAll("-[0-9]+$", "") + ":1.0"));
        if (workload.ports().isEmpty()) {
            return;
        }
        line(indent + 1, "ports:");
        for (ContainerPort port : workload.ports()) {
            line(indent + 1, "- name: " + scalar(port.name()));
            line(indent + 2, "containerPort: " + port.port());
            line(indent + 2, "protocol: " + port.protocol());
        }
    }

    private void service(Service service) {
        header("v1", "Service");
        metadata(service.namespace(), service.name());
        line(0, "spec:");
        labels(1, "selector", service.selector());
        line(1, "ports:");
        for (ServicePort port : service.ports()) {
            line(1, "- name: " + scalar(port.name()));
            line(2, "port: " + port.port());
            line(2, "targetPort: " + scalar(port.targetPort()));
            line(2, "protocol: " + port.protocol());
        }
    }

    private void policy(NetworkPolicy policy) {
        header("networking.k8s.io/v1", "NetworkPolicy");
        metadata(policy.namespace(), policy.name());
        line(0, "spec:");
        selector(1, "podSelector", policy.podSelector());
        if (policy.declaredPolicyTypes() != null) {
            line(1, "policyTypes:");
            for (PolicyType type : policy.declaredPolicyTypes()) {
                line(1, "- " + type.apiName());
            }
        }
        rules(policy.ingress(), "ingress", "from");
        rules(policy.egress(), "egress", "to");
    }

    private void rules(List<PolicyRule> rules, String field, String peersField) {
        if (rules.isEmpty()) {
            return;
        }
        line(1, field + ":");
        for (PolicyRule rule : rules) {
            boolean first = true;
            if (!rule.peers().isEmpty()) {
                line(1, "- " + peersField + ":");
                first = false;
                for (PolicyPeer peer : rule.peers()) {
                    peer(peer);
                }
            }
            if (!rule.ports().isEmpty()) {
                line(1, (first ? "- " : "  ") + "ports:");
                first = false;
                for (PolicyPort port : rule.ports()) {
                    line(2, "- protocol: " + port.protocol());
                    if (port.port() != null) {
                        line(3, "port: " + (port.port().isNamed() ? scalar(port.port().name()) : port.port().number()));
                    }
                    if (port.endPort() != null) {
                        line(3, "endPort: " + port.endPort());
                    }
                }
            }
            if (first) {
                line(1, "- {}");
            }
        }
    }

    private void peer(PolicyPeer peer) {
        // Indent 2 with a leading "- ": the peer's fields line up at indent 3.
        if (peer.ipBlock() != null) {
            line(2, "- ipBlock:");
            line(4, "cidr: " + scalar(peer.ipBlock().cidr().display()));
            if (!peer.ipBlock().except().isEmpty()) {
                line(4, "except:");
                for (Cidr hole : peer.ipBlock().except()) {
                    line(4, "- " + scalar(hole.display()));
                }
            }
            return;
        }
        boolean first = true;
        if (peer.namespaceSelector() != null) {
            selectorItem(first, "namespaceSelector", peer.namespaceSelector());
            first = false;
        }
        if (peer.podSelector() != null) {
            selectorItem(first, "podSelector", peer.podSelector());
        }
    }

    private void selectorItem(boolean firstField, String field, LabelSelector selector) {
        if (selector.isEmpty()) {
            line(2, (firstField ? "- " : "  ") + field + ": {}");
            return;
        }
        line(2, (firstField ? "- " : "  ") + field + ":");
        selectorBody(4, selector);
    }

    private void selector(int indent, String field, LabelSelector selector) {
        if (selector.isEmpty()) {
            line(indent, field + ": {}");
            return;
        }
        line(indent, field + ":");
        selectorBody(indent + 1, selector);
    }

    private void selectorBody(int indent, LabelSelector selector) {
        labels(indent, "matchLabels", selector.matchLabels());
        if (selector.matchExpressions().isEmpty()) {
            return;
        }
        line(indent, "matchExpressions:");
        for (LabelRequirement requirement : selector.matchExpressions()) {
            line(indent, "- key: " + scalar(requirement.key()));
            line(indent + 1, "operator: " + requirement.operator().apiName());
            if (!requirement.values().isEmpty()) {
                line(indent + 1, "values:");
                for (String value : requirement.values()) {
                    line(indent + 1, "- " + scalar(value));
                }
            }
        }
    }

    private void header(String apiVersion, String kind) {
        if (out.length() > 0) {
            out.append("---\n");
        }
        line(0, "apiVersion: " + apiVersion);
        line(0, "kind: " + kind);
    }

    private void metadata(String namespace, String name) {
        line(0, "metadata:");
        line(1, "name: " + scalar(name));
        line(1, "namespace: " + scalar(namespace));
    }

    private void labels(int indent, String field, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        line(indent, field + ":");
        new TreeMap<>(labels).forEach((key, value) -> line(indent + 1, scalar(key) + ": " + scalar(value)));
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    /** A plain scalar when YAML would read it back as the same string, else a double-quoted one. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text)) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}

package io.netpolviz.scale;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Writes generated ClusterNetworkPolicies as v1alpha2 manifests, one flow-style rule per line. */
final class ClusterPolicyRenderer {

    private ClusterPolicyRenderer() {
    }

    static String render(List<ClusterPolicy> policies) {
        StringBuilder out = new StringBuilder();
        for (ClusterPolicy policy : policies) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append("apiVersion: policy.networking.k8s.io/v1alpha2\n")
                    .append("kind: ClusterNetworkPolicy\n")
                    .append("metadata: {name: ").append(policy.name()).append("}\n")
                    .append("spec:\n")
                    .append("  tier: ").append(policy.tier().apiName()).append('\n')
                    .append("  priority: ").append(policy.priority()).append('\n')
                    .append("  subject: {");
            if (policy.subject().pods() == null) {
                out.append("namespaces: ").append(selector(policy.subject().namespaces()));
            } else {
                out.append("pods: {namespaceSelector: ").append(selector(policy.subject().namespaces()))
                        .append(", podSelector: ").append(selector(policy.subject().pods())).append('}');
            }
            out.append("}\n");
            for (PolicyType direction : PolicyType.values()) {
                List<ClusterPolicyRule> rules = policy.rules(direction);
                if (rules.isEmpty()) {
                    continue;
                }
                out.append("  ").append(direction.apiName().toLowerCase(Locale.ROOT)).append(":\n");
                for (ClusterPolicyRule rule : rules) {
                    out.append("  - {name: ").append(rule.name()).append(", action: ").append(action(rule.action())).append(", ")
                            .append(direction == PolicyType.INGRESS ? "from" : "to").append(": [")
                            .append(String.join(", ", rule.peers().stream().map(ClusterPolicyRenderer::peer).toList())).append(']');
                    if (!rule.ports().isEmpty()) {
                        out.append(", protocols: [").append(String.join(", ", rule.ports().stream().map(ClusterPolicyRenderer::port).toList()))
                                .append(']');
                    }
                    out.append("}\n");
                }
            }
        }
        return out.toString();
    }

    private static String action(RuleAction action) {
        return switch (action) {
            case ALLOW -> "Accept";
            case DENY -> "Deny";
            case PASS -> "Pass";
        };
    }

    private static String peer(ClusterPolicyPeer peer) {
        return switch (peer.form()) {
            case NAMESPACES -> "{namespaces: " + selector(peer.namespaceSelector()) + "}";
            case PODS -> "{pods: {namespaceSelector: " + selector(peer.namespaceSelector()) + ", podSelector: "
                    + selector(peer.podSelector()) + "}}";
            case NETWORKS -> "{networks: [" + String.join(", ", peer.networks().stream().map(c -> "\"" + c.display() + "\"").toList()) + "]}";
            case NODES -> "{nodes: " + selector(peer.podSelector()) + "}";
            case DOMAIN_NAMES -> "{domainNames: [" + String.join(", ", peer.domainNames().stream().map(d -> "\"" + d + "\"").toList()) + "]}";
        };
    }

    private static String port(ClusterPolicyPort port) {
        if (port.isNamed()) {
            return "{destinationNamedPort: " + port.namedPort() + "}";
        }
        String number = port.first() == port.last() ? "{number: " + port.first() + "}"
                : "{range: {start: " + port.first() + ", end: " + port.last() + "}}";
        return "{" + port.protocol().name().toLowerCase(Locale.ROOT) + ": {destinationPort: " + number + "}}";
    }

    /** Generated selectors use matchLabels only. */
    private static String selector(LabelSelector selector) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(selector.matchLabels()).forEach((key, value) -> pairs.add(ManifestRenderer.scalar(key) + ": "
                + ManifestRenderer.scalar(value)));
        return pairs.isEmpty() ? "{}" : "{matchLabels: {" + String.join(", ", pairs) + "}}";
    }
}

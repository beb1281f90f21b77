package io.netpolviz.scale;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes generated Calico tiers and policies as projectcalico.org/v3 manifests, one flow-style rule per line. */
final class CalicoRenderer {

    private CalicoRenderer() {
    }

    static String render(CalicoResources calico) {
        StringBuilder out = new StringBuilder();
        for (CalicoTier tier : calico.tiers()) {
            out.append("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: ").append(tier.name()).append("}\nspec: {order: ")
                    .append(CalicoPolicy.orderText(tier.order()))
                    .append(tier.defaultAction() == RuleAction.PASS ? ", defaultAction: Pass" : "").append("}\n---\n");
        }
        for (CalicoPolicy policy : calico.policies()) {
            out.append("apiVersion: projectcalico.org/v3\nkind: ").append(policy.kind()).append("\nmetadata: {name: ").append(policy.name())
                    .append(policy.isGlobal() ? "" : ", namespace: " + policy.namespace()).append("}\nspec:\n")
                    .append("  tier: ").append(policy.tier()).append('\n');
            if (policy.order() != null) {
                out.append("  order: ").append(CalicoPolicy.orderText(policy.order())).append('\n');
            }
            out.append("  selector: \"").append(policy.selector().display()).append("\"\n");
            out.append("  types: [").append(String.join(", ", policy.types().stream().sorted().map(PolicyType::apiName).toList())).append("]\n");
            for (PolicyType direction : PolicyType.values()) {
                if (policy.rules(direction).isEmpty()) {
                    continue;
                }
                out.append("  ").append(direction.apiName().toLowerCase(Locale.ROOT)).append(":\n");
                for (CalicoRule rule : policy.rules(direction)) {
                    out.append("  - {action: ").append(rule.action().apiName());
                    if (rule.protocol() != null) {
                        out.append(", protocol: ").append(rule.protocol());
                    }
                    entity(out, "source", rule.source());
                    entity(out, "destination", rule.destination());
                    out.append("}\n");
                }
            }
            out.append("---\n");
        }
        return out.toString();
    }

    private static void entity(StringBuilder out, String field, CalicoEntity entity) {
        List<String> parts = new ArrayList<>();
        if (entity.selector() != null) {
            parts.add("selector: \"" + entity.selector().display() + "\"");
        }
        if (entity.namespaceSelector() != null) {
            parts.add("namespaceSelector: \"" + entity.namespaceSelector().display() + "\"");
        }
        if (!entity.nets().isEmpty()) {
            parts.add("nets: [" + String.join(", ", entity.nets().stream().map(Cidr::display).toList()) + "]");
        }
        if (!entity.ports().isEmpty()) {
            parts.add("ports: [" + String.join(", ", entity.ports().stream().map(CalicoRenderer::port).toList()) + "]");
        }
        if (!parts.isEmpty()) {
            out.append(", ").append(field).append(": {").append(String.join(", ", parts)).append('}');
        }
    }

    private static String port(CalicoPort port) {
        return port.isNamed() ? port.name() : port.first() == port.last() ? Integer.toString(port.first())
                : "\"" + port.first() + ":" + port.last() + "\"";
    }
}

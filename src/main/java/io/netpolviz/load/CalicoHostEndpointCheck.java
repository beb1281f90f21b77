package io.netpolviz.load;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoHostEndpoint;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Host endpoints are nodes' interfaces, which the picture does not show: a rule whose selector
 * picks one is marked as decided at run time (it then counts for nothing, never guessed), and a
 * policy that applies to one is warned of. docs.tigera.io, Host endpoints: "Host endpoints can have
 * labels, and their labels are in the same "namespace" as those of workload endpoints. This allows
 * security rules for either type of endpoint to refer to the other type (or a mix of the two) using
 * labels and selectors"; GlobalNetworkPolicy reference: it "applies to workload endpoint resources in
 * all namespaces, and to host endpoint resources". Like global network sets, host endpoints are
 * outside every namespace: a namespaced policy's rule reaches them only through a namespaceSelector
 * that includes global().
 */
final class CalicoHostEndpointCheck {

    private CalicoHostEndpointCheck() {
    }

    static CalicoResources markRulesThatSelectHostEndpoints(CalicoResources calico, List<Diagnostic> out) {
        if (calico.hostEndpoints().isEmpty()) {
            return calico;
        }
        List<CalicoPolicy> policies = new ArrayList<>();
        for (CalicoPolicy policy : calico.policies()) {
            boolean reachesHosts = policy.isGlobal() && outsideNamespaces(policy.namespaceSelector());
            List<String> applied = reachesHosts ? selected(calico.hostEndpoints(), policy.selector()) : List.of();
            if (!applied.isEmpty()) {
                out.add(Diagnostic.warning(policy.where(), policy.kind() + " " + policy.id().name() + " also applies to host endpoint"
                        + (applied.size() == 1 ? " " : "s ") + String.join(", ", applied) + ", a node's interface that the picture does not"
                        + " show; what it does there is decided at run time"));
            }
            List<CalicoRule> ingress = marked(calico, policy, PolicyType.INGRESS, out);
            List<CalicoRule> egress = marked(calico, policy, PolicyType.EGRESS, out);
            policies.add(new CalicoPolicy(policy.kind(), policy.namespace(), policy.name(), policy.tier(), policy.order(), policy.selector(),
                    policy.namespaceSelector(), policy.types(), ingress, egress, policy.where(), policy.sourceText()));
        }
        return calico.with(calico.tiers(), policies);
    }

    private static List<CalicoRule> marked(CalicoResources calico, CalicoPolicy policy, PolicyType direction, List<Diagnostic> out) {
        List<CalicoRule> rules = new ArrayList<>();
        for (CalicoRule rule : policy.rules(direction)) {
            CalicoEntity peer = rule.peer(direction);
            // Without a namespaceSelector a global policy's selector sees every endpoint, a namespaced one's its namespace only.
            boolean reachesHosts = (peer.selector() != null || peer.namespaceSelector() != null)
                    && (peer.namespaceSelector() != null ? outsideNamespaces(peer.namespaceSelector()) : policy.isGlobal());
            List<String> picked = reachesHosts ? selected(calico.hostEndpoints(), peer.selector()) : List.of();
            if (picked.isEmpty()) {
                rules.add(rule);
                continue;
            }
            List<String> runTime = new ArrayList<>(rule.runTime());
            picked.forEach(name -> runTime.add("host endpoint " + name));
            out.add(Diagnostic.warning(rule.where(), policy.kind() + " " + policy.id().name() + ": this " + direction.apiName().toLowerCase(
                    java.util.Locale.ROOT) + " rule's " + (direction == PolicyType.INGRESS ? "source" : "destination") + " selects host endpoint"
                    + (picked.size() == 1 ? " " : "s ") + String.join(", ", picked) + " (a node's interface); whether it matches is decided at"
                    + " run time, so the picture counts it for no traffic at all"));
            rules.add(new CalicoRule(rule.action(), rule.protocol(), rule.notProtocol(), rule.source(), rule.destination(), runTime, rule.where()));
        }
        return rules;
    }

    /** Whether a namespaceSelector (null: none) reaches what lies outside every namespace, as global() does. */
    private static boolean outsideNamespaces(CalicoSelector namespaceSelector) {
        return namespaceSelector == null || namespaceSelector.matches(Map.of(), false);
    }

    /** The names of the host endpoints whose labels the selector (null: all) picks. */
    private static List<String> selected(List<CalicoHostEndpoint> endpoints, CalicoSelector selector) {
        return endpoints.stream().filter(endpoint -> selector == null || selector.matches(endpoint.labels(), false))
                .map(CalicoHostEndpoint::name).toList();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoLabels;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.Namespace;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which network sets a rule's selector picks (docs.tigera.io). Global network set reference: Calico
 * includes a GlobalNetworkSet's CIDRs in "a source/destination selector within a global network policy
 * rule, or within a network policy rule whose namespaceSelector includes global()". Network set
 * reference: "A NetworkSet in a specific namespace only applies to network policies in that namespace".
 * Calico automatic labels: in a global network policy, {@code selector} without namespaceSelector
 * means "resources in any namespace and non-namespaced resources"; a namespaceSelector picks the
 * namespaced sets of the namespaces it matches.
 */
final class CalicoNetworkSets {

    private final List<CalicoNetworkSet> sets;
    private final Function<String, Map<String, String>> namespaceLabels;

    CalicoNetworkSets(List<CalicoNetworkSet> sets, List<Namespace> namespaces) {
        this.sets = sets;
        Map<String, Map<String, String>> byName = new java.util.HashMap<>();
        namespaces.forEach(namespace -> byName.put(namespace.name(), namespace.labels()));
        this.namespaceLabels = name -> byName.computeIfAbsent(name, n -> new Namespace(n, Map.of(), true, null).labels());
    }

    /** The sets the entity's selector (or namespaceSelector alone) picks; none when neither is set. */
    List<CalicoNetworkSet> selected(CalicoPolicy policy, CalicoEntity entity) {
        if (entity.selector() == null && entity.namespaceSelector() == null) {
            return List.of();
        }
        return picked(policy, entity, entity.selector() == null ? CalicoSelector.ALL : entity.selector());
    }

    /** The sets the entity's notSelector picks, whose addresses the entity then never matches. */
    List<CalicoNetworkSet> excluded(CalicoPolicy policy, CalicoEntity entity) {
        return entity.notSelector() == null ? List.of() : picked(policy, entity, entity.notSelector());
    }

    private List<CalicoNetworkSet> picked(CalicoPolicy policy, CalicoEntity entity, CalicoSelector selector) {
        return sets.stream().filter(set -> inScope(policy, entity, set) && selector.matches(labels(set), !set.isGlobal())).toList();
    }

    private boolean inScope(CalicoPolicy policy, CalicoEntity entity, CalicoNetworkSet set) {
        if (entity.namespaceSelector() != null) {
            return set.isGlobal() ? entity.namespaceSelector().matches(Map.of(), false)
                    : entity.namespaceSelector().matches(CalicoLabels.ofNamespace(set.namespace(), namespaceLabels.apply(set.namespace())));
        }
        return policy.isGlobal() || set.namespace() != null && set.namespace().equals(policy.namespace());
    }

    private Map<String, String> labels(CalicoNetworkSet set) {
        return set.isGlobal() ? set.labels() : CalicoLabels.ofNetworkSet(set.namespace(), set.labels(), namespaceLabels.apply(set.namespace()));
    }
}

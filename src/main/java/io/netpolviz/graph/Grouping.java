package io.netpolviz.graph;

import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which parts of the cluster the picture shows as one node each. A namespace is collapsed into
 * one node or expanded into its workloads. In a cluster with many namespaces, namespaces that
 * share a label ({@code team=payments}) also form a group, collapsed into one node around them;
 * in a namespace with many workloads, workloads that share a pod label ({@code tier=api}) form a
 * part of it, collapsed into one node inside its box. Expanding or collapsing is the user's
 * request for another picture, never the consequence of a toggle.
 *
 * @param groups the group of each namespace that has one ({@link NamespaceGroups}); fixed per cluster
 * @param parts the pod label key that splits each namespace that is split ({@link WorkloadParts}); fixed per cluster
 * @param collapsed the names of the collapsed units: namespaces, groups ({@code team=payments}) and
 *     parts ({@code payments-1/tier=api})
 */
public record Grouping(Map<String, String> groups, Map<String, String> parts, Set<String> collapsed) {

    /** Every namespace shows its workloads: the picture of a small cluster. */
    public static final Grouping NONE = new Grouping(Map.of(), Map.of(), Set.of());

    /**
     * Above this many workloads a cluster opens collapsed: a picture with more boxes than this
     * is no longer read, only looked at.
     */
    public static final int READABLE_WORKLOADS = 60;

    /** The most nodes a picture may have after an expansion; more is refused rather than drawn. */
    public static final int READABLE_NODES = 250;

    /**
     * The most edges a picture may have after an expansion. Beyond a few hundred lines nobody
     * follows one from end to end, and the layout takes many seconds.
     */
    public static final int READABLE_EDGES = 400;

    /** What a unit is: a group of namespaces, a namespace, or a part of a namespace. */
    public enum Kind { GROUP, NAMESPACE, PART }

    /** Where workloads show when they do not show one by one: the node of a collapsed unit. */
    public record Unit(String name, Kind kind) {

        /** The id of the unit's node: {@code group:NAME}, {@code ns:NAME} or {@code part:NAMESPACE/KEY=VALUE}. */
        public String nodeId() {
            return switch (kind) {
                case GROUP -> GraphNode.groupNodeId(name);
                case NAMESPACE -> GraphNode.namespaceNodeId(name);
                case PART -> GraphNode.partNodeId(name);
            };
        }
    }

    public Grouping {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        parts = Collections.unmodifiableMap(new TreeMap<>(parts));
        collapsed = Collections.unmodifiableSortedSet(new TreeSet<>(collapsed));
    }

    /** Only namespaces, no groups or parts. */
    public Grouping(Map<String, String> groups, Set<String> collapsed) {
        this(groups, Map.of(), collapsed);
    }

    /** Every namespace with workloads collapsed, and every group and part too. */
    public static Grouping allCollapsed(PolicyEngine engine) {
        Map<String, String> groups = NamespaceGroups.of(engine);
        Map<String, String> parts = WorkloadParts.of(engine);
        Set<String> all = new TreeSet<>(namespacesWithWorkloads(engine));
        all.addAll(groups.values());
        all.addAll(WorkloadParts.names(engine, parts));
        return new Grouping(groups, parts, all);
    }

    /** {@link #NONE} for a cluster a person can read workload by workload, else {@link #allCollapsed}. */
    public static Grouping auto(PolicyEngine engine) {
        return workloadCount(engine) > READABLE_WORKLOADS ? allCollapsed(engine) : NONE;
    }

    /** The namespaces of the cluster's workloads, sorted. */
    public static Set<String> namespacesWithWorkloads(PolicyEngine engine) {
        Set<String> names = new TreeSet<>();
        for (PodClass podClass : engine.classes()) {
            names.add(podClass.namespace());
        }
        return names;
    }

    private static int workloadCount(PolicyEngine engine) {
        int count = 0;
        for (PodClass podClass : engine.classes()) {
            count += podClass.workloads().size();
        }
        return count;
    }

    /** {@code payments-1/tier=api}: the part of a namespace whose workloads have one value of its key. */
    public static String partName(String namespace, String key, String value) {
        return namespace + "/" + key + "=" + value;
    }

    /** The unit a node id names ({@code ns:x} names {@code x}), or empty for a workload or external peer. */
    public static Optional<String> unitNameOf(String nodeId) {
        for (String prefix : new String[] {GraphNode.NAMESPACE_PREFIX, GraphNode.GROUP_PREFIX, GraphNode.PART_PREFIX}) {
            if (nodeId.startsWith(prefix)) {
                return Optional.of(nodeId.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** Where a workload with these pod labels in this namespace shows when it does not show on its own. */
    public Optional<Unit> unitOf(String namespace, Map<String, String> podLabels) {
        Optional<Unit> whole = unitOf(namespace);
        if (whole.isPresent()) {
            return whole;
        }
        String key = parts.get(namespace);
        String value = key == null ? null : podLabels.get(key);
        if (value != null && collapsed.contains(partName(namespace, key, value))) {
            return Optional.of(new Unit(partName(namespace, key, value), Kind.PART));
        }
        return Optional.empty();
    }

    /** Where a whole namespace shows when it shows as one node: its group's node or its own. */
    public Optional<Unit> unitOf(String namespace) {
        String group = groups.get(namespace);
        if (group != null && collapsed.contains(group)) {
            return Optional.of(new Unit(group, Kind.GROUP));
        }
        return collapsed.contains(namespace) ? Optional.of(new Unit(namespace, Kind.NAMESPACE)) : Optional.empty();
    }

    /** Whether the namespace shows as one node (its own or its group's). */
    public boolean isCollapsed(String namespace) {
        return unitOf(namespace).isPresent();
    }

    /** The group a namespace belongs to, if any. */
    public Optional<String> groupOf(String namespace) {
        return Optional.ofNullable(groups.get(namespace));
    }

    /** The part a workload belongs to ({@code payments-1/tier=api}), if its namespace is split and it has the key. */
    public Optional<String> partOf(String namespace, Map<String, String> podLabels) {
        String key = parts.get(namespace);
        String value = key == null ? null : podLabels.get(key);
        return value == null ? Optional.empty() : Optional.of(partName(namespace, key, value));
    }

    /** Whether nothing is collapsed. */
    public boolean isNone() {
        return collapsed.isEmpty();
    }

    /** This grouping with a unit collapsed. */
    public Grouping collapsing(String name) {
        Set<String> more = new TreeSet<>(collapsed);
        more.add(name);
        return new Grouping(groups, parts, more);
    }

    /** This grouping with a unit expanded; what it holds keeps its own state. */
    public Grouping expanding(String name) {
        Set<String> fewer = new TreeSet<>(collapsed);
        fewer.remove(name);
        return new Grouping(groups, parts, fewer);
    }
}

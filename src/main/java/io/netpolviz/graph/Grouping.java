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
 * one node, or expanded into its workloads; in a cluster with many namespaces, namespaces that
 * share a label ({@code team=payments}) also form a group, which collapses into one node
 * around them. Expanding or collapsing is the user's request for another picture, never the
 * consequence of a toggle.
 *
 * @param groups the group of each namespace that has one ({@link NamespaceGroups}); fixed per cluster
 * @param collapsed the names of the collapsed namespaces and groups
 */
public record Grouping(Map<String, String> groups, Set<String> collapsed) {

    /** Every namespace shows its workloads: the picture of a small cluster. */
    public static final Grouping NONE = new Grouping(Map.of(), Set.of());

    /**
     * Above this many workloads a cluster opens collapsed: a picture with more boxes than this
     * is no longer read, only looked at.
     */
    public static final int READABLE_WORKLOADS = 60;

    /**
     * The most nodes a picture may have after an expansion. A few expanded namespaces of a large
     * cluster (about 75 workloads each) stay below it; expanding everything in a cluster of
     * thousands does not, and is refused rather than drawn.
     */
    public static final int READABLE_NODES = 250;

    /** Where a namespace's workloads show: a collapsed group's node or the namespace's own node. */
    public record Unit(String name, boolean group) {

        /** The id of the unit's node. */
        public String nodeId() {
            return group ? GraphNode.groupNodeId(name) : GraphNode.namespaceNodeId(name);
        }
    }

    public Grouping {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        collapsed = Collections.unmodifiableSortedSet(new TreeSet<>(collapsed));
    }

    /** Every namespace with workloads collapsed, and every group of namespaces too. */
    public static Grouping allCollapsed(PolicyEngine engine) {
        Map<String, String> groups = NamespaceGroups.of(engine);
        Set<String> all = new TreeSet<>(namespacesWithWorkloads(engine));
        all.addAll(groups.values());
        return new Grouping(groups, all);
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

    /** Where the namespace's workloads show when they do not show one by one. */
    public Optional<Unit> unitOf(String namespace) {
        String group = groups.get(namespace);
        if (group != null && collapsed.contains(group)) {
            return Optional.of(new Unit(group, true));
        }
        return collapsed.contains(namespace) ? Optional.of(new Unit(namespace, false)) : Optional.empty();
    }

    /** Whether the namespace's workloads show as one node (of the namespace or of its group). */
    public boolean isCollapsed(String namespace) {
        return unitOf(namespace).isPresent();
    }

    /** The group a namespace belongs to, if any. */
    public Optional<String> groupOf(String namespace) {
        return Optional.ofNullable(groups.get(namespace));
    }

    /** The namespaces of a group, sorted. */
    public Set<String> namespacesOf(String group) {
        Set<String> members = new TreeSet<>();
        groups.forEach((namespace, name) -> {
            if (name.equals(group)) {
                members.add(namespace);
            }
        });
        return members;
    }

    /** Whether nothing is collapsed. */
    public boolean isNone() {
        return collapsed.isEmpty();
    }

    /** This grouping with a namespace or group collapsed. */
    public Grouping collapsing(String name) {
        Set<String> more = new TreeSet<>(collapsed);
        more.add(name);
        return new Grouping(groups, more);
    }

    /** This grouping with a namespace or group expanded (a group's namespaces keep their own state). */
    public Grouping expanding(String name) {
        Set<String> fewer = new TreeSet<>(collapsed);
        fewer.remove(name);
        return new Grouping(groups, fewer);
    }

    /** Every namespace and group expanded. */
    public Grouping expandingAll() {
        return new Grouping(groups, Set.of());
    }
}

package io.netpolviz.graph;

import io.netpolviz.model.Labels;
import io.netpolviz.model.WorkloadKind;
import java.util.Map;

/**
 * A node of the reachability graph. {@code id} is {@code namespace/name} for workloads,
 * {@code ext:CIDR} for external peers (every address: {@code ext:0.0.0.0/0}), {@code ns:NAME} for a collapsed
 * namespace, {@code group:NAME} for a collapsed group of namespaces and
 * {@code part:NAMESPACE/KEY=VALUE} for a collapsed part of a namespace (all three of type
 * {@link NodeType#NAMESPACE}). {@code namespace} is empty for external peers and groups, the
 * namespace itself for a collapsed one and the namespace a part belongs to. {@code workloadKind} is null unless the node is a
 * workload. {@code replicas} counts the pods the node stands for, {@code workloads} the workloads
 * (1 for a workload, 0 for an external peer) and {@code namespaces} the whole namespaces (1 for a
 * collapsed namespace, more for a group, 0 otherwise). A collapsed node's labels are the labels
 * its namespaces share. {@code origin} says, for a workload node that holds some of another
 * workload's pods which differ from its template, whose pods they are and how they differ
 * ({@code pod of Deployment web · quarantine=true}); it is empty otherwise.
 */
public record GraphNode(
        String id,
        NodeType type,
        String namespace,
        String name,
        WorkloadKind workloadKind,
        int replicas,
        boolean hostNetwork,
        Map<String, String> labels,
        int workloads,
        int namespaces,
        String origin) implements Comparable<GraphNode> {

    /**
     * The box the address blocks outside the cluster sit in: a name no namespace can have (it
     * holds spaces), so it never meets a real one.
     */
    public static final String OUTSIDE = "outside the cluster";

    /**
     * The box that holds the namespaces no switched-on policy isolates in either direction, when
     * a picture has two or more: among them, and to and from them, everything is open, which one
     * edge of the box can say. No namespace can have this name (it holds spaces).
     */
    public static final String OPEN_ZONE = "no policy isolates these";

    /** The id prefix of a collapsed namespace's node. */
    public static final String NAMESPACE_PREFIX = "ns:";
    /** The id prefix of a collapsed group of namespaces' node. */
    public static final String GROUP_PREFIX = "group:";
    /** The id prefix of a collapsed part of a namespace's node. */
    public static final String PART_PREFIX = "part:";

    public GraphNode {
        labels = Labels.copyOf(labels);
        origin = origin == null ? "" : origin;
    }

    /** A node that is no {@link io.netpolviz.model.PodVariant}. */
    public GraphNode(String id, NodeType type, String namespace, String name, WorkloadKind workloadKind, int replicas,
            boolean hostNetwork, Map<String, String> labels, int workloads, int namespaces) {
        this(id, type, namespace, name, workloadKind, replicas, hostNetwork, labels, workloads, namespaces, "");
    }

    /** A node that stands for one workload (or none, for an external peer or an empty namespace). */
    public GraphNode(String id, NodeType type, String namespace, String name, WorkloadKind workloadKind, int replicas,
            boolean hostNetwork, Map<String, String> labels) {
        this(id, type, namespace, name, workloadKind, replicas, hostNetwork, labels, type == NodeType.WORKLOAD ? 1 : 0,
                type == NodeType.NAMESPACE ? 1 : 0);
    }

    /** The node of a namespace collapsed into one: its workloads and pods counted, its labels kept. */
    public static GraphNode collapsedNamespace(String namespace, int workloads, int pods, Map<String, String> namespaceLabels) {
        return new GraphNode(namespaceNodeId(namespace), NodeType.NAMESPACE, namespace, namespace, null, pods, false,
                namespaceLabels, workloads, 1);
    }

    /** The node of a group of namespaces collapsed into one, named after what they share ({@code team=payments}). */
    public static GraphNode collapsedGroup(String group, int namespaces, int workloads, int pods, Map<String, String> sharedLabels) {
        return new GraphNode(groupNodeId(group), NodeType.NAMESPACE, "", group, null, pods, false, sharedLabels, workloads, namespaces);
    }

    /**
     * The node of the workloads of one namespace that share a pod label, collapsed into one;
     * named after the label ({@code tier=api}), inside its namespace's box.
     */
    public static GraphNode collapsedPart(String namespace, String label, int workloads, int pods, Map<String, String> sharedLabels) {
        return new GraphNode(partNodeId(namespace + "/" + label), NodeType.NAMESPACE, namespace, label, null, pods, false, sharedLabels,
                workloads, 0);
    }

    /** {@code part:NAMESPACE/KEY=VALUE}. */
    public static String partNodeId(String part) {
        return PART_PREFIX + part;
    }

    /** {@code ns:NAME}. */
    public static String namespaceNodeId(String namespace) {
        return NAMESPACE_PREFIX + namespace;
    }

    /** {@code group:NAME}. */
    public static String groupNodeId(String group) {
        return GROUP_PREFIX + group;
    }

    /** Whether this node stands for a group of namespaces. */
    public boolean isGroup() {
        return type == NodeType.NAMESPACE && id.startsWith(GROUP_PREFIX);
    }

    public boolean isExternal() {
        return type == NodeType.EXTERNAL;
    }

    /** Whether this node stands for part of a namespace. */
    public boolean isPart() {
        return type == NodeType.NAMESPACE && id.startsWith(PART_PREFIX);
    }

    /** Whether this node stands for many workloads: a collapsed namespace, group or part. */
    public boolean isCollapsed() {
        return type == NodeType.NAMESPACE;
    }

    @Override
    public int compareTo(GraphNode other) {
        int byType = Boolean.compare(isExternal(), other.isExternal());
        return byType != 0 ? byType : id.compareTo(other.id);
    }
}

package io.netpolviz.graph;

import io.netpolviz.model.Labels;
import io.netpolviz.model.WorkloadKind;
import java.util.Map;

/**
 * A node of the reachability graph. {@code id} is {@code namespace/name} for workloads,
 * {@code ext:CIDR} (or {@code ext:any}) for external peers, {@code ns:NAME} for a collapsed
 * namespace. {@code namespace} is empty for external peers. {@code workloadKind} is null unless
 * the node is a workload.
 */
public record GraphNode(
        String id,
        NodeType type,
        String namespace,
        String name,
        WorkloadKind workloadKind,
        int replicas,
        boolean hostNetwork,
        Map<String, String> labels) implements Comparable<GraphNode> {

    public GraphNode {
        labels = Labels.copyOf(labels);
    }

    public boolean isExternal() {
        return type == NodeType.EXTERNAL;
    }

    @Override
    public int compareTo(GraphNode other) {
        int byType = Boolean.compare(isExternal(), other.isExternal());
        return byType != 0 ? byType : id.compareTo(other.id);
    }
}

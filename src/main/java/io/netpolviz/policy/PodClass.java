package io.netpolviz.policy;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Workload;
import java.util.List;
import java.util.Map;

/**
 * Pods that no policy can tell apart: one namespace, the same labels, the same declared ports
 * and the same host-network setting. The engine evaluates classes, never single pods.
 */
public record PodClass(
        int index,
        String namespace,
        Map<String, String> labels,
        Map<String, String> namespaceLabels,
        List<ContainerPort> ports,
        boolean hostNetwork,
        List<Workload> workloads) {

    public PodClass {
        ports = List.copyOf(ports);
        workloads = List.copyOf(workloads);
    }

    public int podCount() {
        return workloads.stream().mapToInt(Workload::replicas).sum();
    }
}

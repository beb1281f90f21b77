package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/**
 * A group of identical pods: a bare pod (replicas 1) or a workload whose pod template makes
 * {@code replicas} pods with {@code podLabels} and the container {@code ports}. Pods that run
 * on the host network are kept but marked, since NetworkPolicy does not govern them.
 */
public record Workload(
        String namespace,
        String name,
        WorkloadKind kind,
        int replicas,
        Map<String, String> podLabels,
        List<ContainerPort> ports,
        boolean hostNetwork,
        SourceRef where) {

    public Workload {
        podLabels = Labels.copyOf(podLabels);
        ports = List.copyOf(ports);
    }

    /** {@code namespace/name}, the form the CLI and the GUI use to name it. */
    public String id() {
        return namespace + "/" + name;
    }
}

package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/**
 * A group of identical pods: a bare pod (replicas 1) or a workload whose pod template makes
 * {@code replicas} pods with {@code podLabels} and the container {@code ports}. Pods that run
 * on the host network are kept but marked, since NetworkPolicy does not govern them.
 * {@code podAddresses} are the pods' {@code status.podIP(s)} where the source gives them (a
 * bare pod read from a cluster or a manifest with a status); cluster-wide policies' CIDR peers
 * match pods by them.
 */
public record Workload(
        String namespace,
        String name,
        WorkloadKind kind,
        int replicas,
        Map<String, String> podLabels,
        List<ContainerPort> ports,
        boolean hostNetwork,
        List<IpAddress> podAddresses,
        SourceRef where) {

    public Workload {
        podLabels = Labels.copyOf(podLabels);
        ports = List.copyOf(ports);
        podAddresses = podAddresses == null ? List.of() : podAddresses.stream().distinct().sorted(java.util.Comparator.comparing(IpAddress::display)).toList();
    }

    /** A workload whose pods' addresses are not known (manifests rarely carry a status). */
    public Workload(String namespace, String name, WorkloadKind kind, int replicas, Map<String, String> podLabels,
            List<ContainerPort> ports, boolean hostNetwork, SourceRef where) {
        this(namespace, name, kind, replicas, podLabels, ports, hostNetwork, List.of(), where);
    }

    /** {@code namespace/name}, the form the CLI and the GUI use to name it. */
    public String id() {
        return namespace + "/" + name;
    }
}

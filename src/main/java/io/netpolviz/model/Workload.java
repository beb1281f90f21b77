package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/**
 * A group of identical pods: a bare pod (replicas 1) or a workload whose pod template makes
 * {@code replicas} pods with {@code podLabels} and the container {@code ports}. Pods that run
 * on the host network are kept but marked, since NetworkPolicy does not govern them.
 * {@code podAddresses} are the pods' {@code status.podIP(s)} where the source gives them (a
 * bare pod read from a cluster or a manifest with a status); cluster-wide policies' CIDR peers
 * match pods by them. {@code podNames} are the pods it stands for where the source names them
 * (a live cluster, a manifest of a pod); empty when only the template is known. {@code variant}
 * is set when it stands for pods of another workload that differ from that workload's template.
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
        List<String> podNames,
        PodVariant variant,
        SourceRef where) {

    public Workload {
        podNames = podNames == null ? List.of() : podNames.stream().distinct().sorted().toList();
        podLabels = Labels.copyOf(podLabels);
        ports = List.copyOf(ports);
        podAddresses = podAddresses == null ? List.of() : podAddresses.stream().distinct().sorted(java.util.Comparator.comparing(IpAddress::display)).toList();
    }

    /** A workload whose pods' addresses are not known (manifests rarely carry a status). */
    public Workload(String namespace, String name, WorkloadKind kind, int replicas, Map<String, String> podLabels,
            List<ContainerPort> ports, boolean hostNetwork, SourceRef where) {
        this(namespace, name, kind, replicas, podLabels, ports, hostNetwork, List.of(), List.of(), null, where);
    }

    /** A workload whose pods' addresses may be known but whose pods are not named one by one. */
    public Workload(String namespace, String name, WorkloadKind kind, int replicas, Map<String, String> podLabels,
            List<ContainerPort> ports, boolean hostNetwork, List<IpAddress> podAddresses, SourceRef where) {
        this(namespace, name, kind, replicas, podLabels, ports, hostNetwork, podAddresses, List.of(), null, where);
    }

    /** Whether the pod {@code pod} (a name in this namespace) is one of the pods this stands for. */
    public boolean holdsPod(String pod) {
        return podNames.contains(pod) || (kind == WorkloadKind.POD && variant == null && name.equals(pod));
    }

    /** The workload whose pods these are: its own name, or its owner's for a {@link PodVariant}. */
    public String ownerName() {
        return variant == null ? name : variant.ownerName();
    }

    /** {@code namespace/name}, the form the CLI and the GUI use to name it; {@code {ingress-controller}} for the ingress controller, as netpol-analyzer names it. */
    public String id() {
        return kind == WorkloadKind.INGRESS_CONTROLLER ? "{" + name + "}" : namespace + "/" + name;
    }
}

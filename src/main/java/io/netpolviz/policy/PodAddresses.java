package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pods matched by their addresses ({@code status.podIP(s)}), for the rules that name CIDRs and mean
 * every packet from or to them, pods included: ClusterNetworkPolicy {@code networks}, Calico
 * {@code nets} and the nets of the network sets a Calico selector picks. Pods of one class share
 * their addresses (they are part of the class key); host-network pods are never matched, since
 * their packets carry the node's address. A pod whose address the source does not give matches no
 * CIDR, and {@link #unaddressedWorkloads} names those so the lint can say so.
 */
final class PodAddresses {

    private PodAddresses() {
    }

    /** The addresses of the pods of a class; empty when the source does not give them. */
    static List<IpAddress> of(PodClass podClass) {
        return podClass.workloads().isEmpty() ? List.of() : podClass.workloads().get(0).podAddresses();
    }

    /** Classes not on the host network with an address inside one of {@code networks}. */
    static BitSet addressedIn(List<PodClass> classes, List<Cidr> networks) {
        BitSet matched = new BitSet(classes.size());
        if (networks.isEmpty()) {
            return matched;
        }
        for (PodClass podClass : classes) {
            if (!podClass.hostNetwork() && of(podClass).stream().anyMatch(address -> inAny(networks, address))) {
                matched.set(podClass.index());
            }
        }
        return matched;
    }

    static boolean inAny(List<Cidr> networks, IpAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /** The ids of workloads not on the host network whose pods' addresses are not known, sorted. */
    static List<String> unaddressedWorkloads(List<PodClass> classes) {
        List<String> ids = new ArrayList<>();
        for (PodClass podClass : classes) {
            if (!podClass.hostNetwork()) {
                podClass.workloads().stream().filter(w -> w.podAddresses().isEmpty()).forEach(w -> ids.add(w.id()));
            }
        }
        return ids.stream().sorted().toList();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PrimaryNetworks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod classes each class can reach at all, whatever the policies say: those on the same
 * primary network ({@link PrimaryNetworks}: the cluster's pod network or one UserDefinedNetwork).
 * Every pod-to-pod answer is masked by it — the connectivity's columns, a single pair's ports and
 * a verdict — so all evaluation paths agree. External peers are on no network and never masked.
 * Null-free: a cluster without UDNs has {@link #NONE}, which masks nothing.
 */
final class NetworkMask {

    static final NetworkMask NONE = new NetworkMask(PrimaryNetworks.NONE, null, null);

    private final PrimaryNetworks networks;
    /** Per class: the index of its network in {@link #members}; null when nothing is masked. */
    private final int[] networkOf;
    private final ClassSet[] members;

    private NetworkMask(PrimaryNetworks networks, int[] networkOf, ClassSet[] members) {
        this.networks = networks;
        this.networkOf = networkOf;
        this.members = members;
    }

    static NetworkMask of(PrimaryNetworks networks, List<PodClass> classes) {
        if (networks.isEmpty()) {
            return new NetworkMask(networks, null, null);
        }
        Map<String, Integer> ids = new HashMap<>();
        List<ClassSetBuilder> builders = new ArrayList<>();
        int[] networkOf = new int[classes.size()];
        for (PodClass podClass : classes) {
            int id = ids.computeIfAbsent(networks.networkKey(podClass.namespace()), key -> {
                builders.add(new ClassSetBuilder(classes.size()));
                return builders.size() - 1;
            });
            networkOf[podClass.index()] = id;
            builders.get(id).add(podClass.index());
        }
        ClassSet[] members = builders.stream().map(ClassSetBuilder::build).toArray(ClassSet[]::new);
        return new NetworkMask(networks, networkOf, members);
    }

    PrimaryNetworks networks() {
        return networks;
    }

    boolean masks() {
        return networkOf != null;
    }

    /** Which network class {@code classIndex} is on: 0 for every class when nothing is masked. */
    int network(int classIndex) {
        return networkOf == null ? 0 : networkOf[classIndex];
    }

    /** Whether pods of the two classes share a network, so that the policies decide between them. */
    boolean connects(int sourceClass, int destinationClass) {
        return networkOf == null || networkOf[sourceClass] == networkOf[destinationClass];
    }

    /** A destination column's groups keeping only the sources on its network, on blocks {@code [from, to)}. */
    PortGroup[] column(PortGroup[] groups, int destinationClass, int from, int to) {
        if (networkOf == null) {
            return groups;
        }
        ClassSet same = members[networkOf[destinationClass]];
        List<PortGroup> kept = new ArrayList<>(groups.length);
        for (PortGroup group : groups) {
            ClassSet masked = group.classes().and(same, from, to);
            if (!masked.isEmpty(from, to)) {
                kept.add(new PortGroup(group.ports(), masked));
            }
        }
        return kept.toArray(PortGroup[]::new);
    }
}

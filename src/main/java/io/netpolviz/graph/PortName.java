package io.netpolviz.graph;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A port by the name its pods give it, as a NetworkPolicy rule may name it ({@code port: metrics}):
 * one name stands for a different number on each destination. An edge that stands for several
 * destinations can say "✓ metrics" where their numbers differ (Prometheus scraping 9090 on the
 * apps and 9121 on redis's exporter), as the policies themselves say it.
 */
public record PortName(Protocol protocol, String name) implements Comparable<PortName> {

    /**
     * The ports of {@code destination} with this name and protocol; none for an address outside the
     * cluster, which has no named ports (as a rule's named port matches no ipBlock).
     */
    public PortSet on(Endpoint destination) {
        if (!(destination instanceof Endpoint.Pods pods)) {
            return PortSet.NONE;
        }
        List<PortRange> found = new ArrayList<>();
        for (ContainerPort declared : pods.podClass().ports()) {
            if (name.equals(declared.name()) && protocol == declared.protocol()) {
                found.add(PortRange.single(protocol, declared.port()));
            }
        }
        return PortSet.of(found);
    }

    /** The ports these names give on {@code destination}. */
    public static PortSet on(List<PortName> names, Endpoint destination) {
        PortSet ports = PortSet.NONE;
        for (PortName portName : names) {
            ports = ports.union(portName.on(destination));
        }
        return ports;
    }

    /**
     * {@code allowed} said with names from {@code vocabulary}: the names {@code destination} gives its
     * ports that together are exactly {@code allowed}, in order; empty when no such names say it all.
     */
    public static Optional<List<PortName>> spell(PortSet allowed, Endpoint destination, Set<PortName> vocabulary) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        List<PortName> names = vocabulary.stream().sorted()
                .filter(candidate -> !candidate.on(destination).isEmpty() && candidate.on(destination).minus(allowed).isEmpty()).toList();
        return !names.isEmpty() && on(names, destination).equals(allowed) ? Optional.of(names) : Optional.empty();
    }

    /** {@code metrics}, or {@code UDP dns} for a protocol other than TCP, as label ports read. */
    public String display() {
        return protocol == Protocol.TCP ? name : protocol + " " + name;
    }

    @Override
    public int compareTo(PortName other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : protocol.compareTo(other.protocol);
    }
}

package io.netpolviz.model;

import java.util.List;

/**
 * A Calico rule's {@code source} or {@code destination}: every field that is set must match
 * (they are ANDed). {@code selector} null means "any endpoint or address" unless another field
 * narrows it; {@code namespaceSelector} null means the policy's own namespace for a namespaced
 * policy and every namespace for a global one. {@code serviceAccounts} is kept for display: the
 * manifests do not say which account a pod runs as.
 */
public record CalicoEntity(
        CalicoSelector selector,
        CalicoSelector notSelector,
        CalicoSelector namespaceSelector,
        List<Cidr> nets,
        List<Cidr> notNets,
        List<CalicoPort> ports,
        List<CalicoPort> notPorts,
        String serviceAccounts) {

    public static final CalicoEntity ANY = new CalicoEntity(null, null, null, List.of(), List.of(), List.of(), List.of(), null);

    public CalicoEntity {
        nets = nets == null ? List.of() : List.copyOf(nets);
        notNets = notNets == null ? List.of() : List.copyOf(notNets);
        ports = ports == null ? List.of() : List.copyOf(ports);
        notPorts = notPorts == null ? List.of() : List.copyOf(notPorts);
    }

    /** Whether only endpoints (never an address outside the cluster) can match: a label-based field is set. */
    public boolean endpointsOnly() {
        return selector != null || namespaceSelector != null || serviceAccounts != null;
    }

    /** Whether the entity narrows by who the endpoint is (not just by port). */
    public boolean narrowsEndpoints() {
        return endpointsOnly() || notSelector != null || !nets.isEmpty() || !notNets.isEmpty();
    }

    /** {@code selector app == 'db', namespaces all(), nets 10.0.0.0/8, ports 5432} — the fields that are set. */
    public String display() {
        List<String> parts = new java.util.ArrayList<>();
        if (selector != null) {
            parts.add("selector " + selector.display());
        }
        if (notSelector != null) {
            parts.add("notSelector " + notSelector.display());
        }
        if (namespaceSelector != null) {
            parts.add("namespaceSelector " + namespaceSelector.display());
        }
        if (!nets.isEmpty()) {
            parts.add("nets " + String.join(", ", nets.stream().map(Cidr::display).toList()));
        }
        if (!notNets.isEmpty()) {
            parts.add("notNets " + String.join(", ", notNets.stream().map(Cidr::display).toList()));
        }
        if (serviceAccounts != null) {
            parts.add("serviceAccounts " + serviceAccounts);
        }
        if (!ports.isEmpty()) {
            parts.add("ports " + String.join(", ", ports.stream().map(CalicoPort::display).toList()));
        }
        if (!notPorts.isEmpty()) {
            parts.add("notPorts " + String.join(", ", notPorts.stream().map(CalicoPort::display).toList()));
        }
        return parts.isEmpty() ? "anything" : String.join("; ", parts);
    }
}

package io.netpolviz.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which namespaces a primary UserDefinedNetwork or ClusterUserDefinedNetwork takes, read as
 * netpol-analyzer reads them ({@code insertUserDefinedNetwork}, {@code findNamespacesSelectedByCUDN}
 * in its {@code pkg/netpol/eval/resources.go}): a primary UDN takes its own namespace, a primary
 * ClusterUDN each namespace its selector matches, and only a namespace labelled
 * {@value UserDefinedNetwork#PRIMARY_LABEL}; {@code default} and {@code openshift-*} never, and a
 * namespace has one primary network at most. Every other namespace stays on the cluster's pod
 * network. Pods on different networks cannot reach each other, whatever the policies say;
 * addresses outside the cluster (and the ingress controller) are not isolated.
 * What was not applied is said in {@link #findings()}.
 */
public final class PrimaryNetworks {

    public static final PrimaryNetworks NONE = new PrimaryNetworks(Map.of(), List.of());

    private final Map<String, UserDefinedNetwork> byNamespace;
    private final List<Diagnostic> findings;

    private PrimaryNetworks(Map<String, UserDefinedNetwork> byNamespace, List<Diagnostic> findings) {
        this.byNamespace = Collections.unmodifiableMap(byNamespace);
        this.findings = List.copyOf(findings);
    }

    /** UDNs first (each names its namespace), then ClusterUDNs, each sorted by name, so the outcome never hangs on file order. */
    public static PrimaryNetworks assign(List<Namespace> namespaces, List<UserDefinedNetwork> networks) {
        if (networks.isEmpty()) {
            return NONE;
        }
        Map<String, Namespace> byName = new TreeMap<>();
        namespaces.forEach(ns -> byName.put(ns.name(), ns));
        Map<String, UserDefinedNetwork> taken = new TreeMap<>();
        List<Diagnostic> findings = new ArrayList<>();
        List<UserDefinedNetwork> ordered = new ArrayList<>(networks);
        ordered.sort(Comparator.comparing(UserDefinedNetwork::clusterScoped)
                .thenComparing(n -> n.namespace() == null ? "" : n.namespace()).thenComparing(UserDefinedNetwork::name));
        for (UserDefinedNetwork network : ordered) {
            if (!network.primary()) {
                findings.add(Diagnostic.warning(network.where(), network.subject() + " has role Secondary: it gives pods an extra"
                        + " interface, whose traffic NetPolViz (like netpol-analyzer) does not evaluate; their primary network is unchanged"));
            } else if (network.clusterScoped()) {
                takeSelected(network, byName, taken, findings);
            } else {
                take(network, byName.get(network.namespace()), network.namespace(), taken, findings);
            }
        }
        return new PrimaryNetworks(taken, findings);
    }

    private static void takeSelected(UserDefinedNetwork network, Map<String, Namespace> byName, Map<String, UserDefinedNetwork> taken,
            List<Diagnostic> findings) {
        if (network.namespaceSelector().isEmpty() && !taken.isEmpty()) {
            findings.add(Diagnostic.error(network.where(), network.subject() + " is left out: its empty namespaceSelector selects"
                    + " every namespace, but " + taken.keySet().iterator().next() + " already has a primary network. Narrow the selector"));
            return;
        }
        int count = 0;
        for (Namespace namespace : byName.values()) {
            if (network.namespaceSelector().matches(namespace.labels()) && take(network, namespace, namespace.name(), taken, findings)) {
                count++;
            }
        }
        if (count == 0) {
            findings.add(Diagnostic.warning(network.where(), network.subject() + " takes no namespace of the input: its namespaceSelector"
                    + " matches none labelled " + UserDefinedNetwork.PRIMARY_LABEL));
        }
    }

    private static boolean take(UserDefinedNetwork network, Namespace namespace, String name, Map<String, UserDefinedNetwork> taken,
            List<Diagnostic> findings) {
        String subject = network.subject();
        if (name.equals("default") || name.startsWith("openshift-")) {
            findings.add(Diagnostic.error(network.where(), subject + " is not applied to namespace " + name + ": OVN-Kubernetes"
                    + " refuses a primary network in default or openshift-* namespaces. Use a namespace of your own"));
            return false;
        }
        if (namespace == null || namespace.implicit()) {
            findings.add(Diagnostic.warning(network.where(), subject + " is not applied: namespace " + name + " is not declared in"
                    + " the input, so it cannot carry the label " + UserDefinedNetwork.PRIMARY_LABEL + ". Add its Namespace manifest"));
            return false;
        }
        if (!namespace.labels().containsKey(UserDefinedNetwork.PRIMARY_LABEL)) {
            findings.add(Diagnostic.warning(network.where(), subject + " is not applied to namespace " + name + ": the namespace lacks"
                    + " the label " + UserDefinedNetwork.PRIMARY_LABEL + ", which OVN-Kubernetes requires when the namespace is created;"
                    + " its pods stay on the pod network"));
            return false;
        }
        UserDefinedNetwork current = taken.get(name);
        if (current != null) {
            findings.add(Diagnostic.error(network.where(), subject + " is not applied to namespace " + name + ": it already has the"
                    + " primary network " + current.subject() + ", and a namespace has one primary network at most"));
            return false;
        }
        taken.put(name, network);
        return true;
    }

    /** The primary network of a namespace's pods, when it is not the cluster's pod network. */
    public Optional<UserDefinedNetwork> of(String namespace) {
        return Optional.ofNullable(byNamespace.get(namespace));
    }

    public boolean isEmpty() {
        return byNamespace.isEmpty();
    }

    /** A key equal for namespaces on one network: {@code pod-network}, the UDN's namespace, or the ClusterUDN's name. */
    public String networkKey(String namespace) {
        UserDefinedNetwork network = byNamespace.get(namespace);
        if (network == null) {
            return "";
        }
        return network.clusterScoped() ? "cudn:" + network.name() : "udn:" + network.namespace();
    }

    /** The name netpol-analyzer shows for a namespace's network: {@code pod-network}, the UDN's namespace or the ClusterUDN's name. */
    public String networkName(String namespace) {
        UserDefinedNetwork network = byNamespace.get(namespace);
        return network == null ? "pod-network" : network.clusterScoped() ? network.name() : network.namespace();
    }

    /** Whether pods in the two namespaces sit on different networks, so no connection between them is possible. */
    public boolean separates(String sourceNamespace, String destinationNamespace) {
        return !networkKey(sourceNamespace).equals(networkKey(destinationNamespace));
    }

    /**
     * Why pods of {@code source} cannot reach pods of {@code destination}, in words a student can
     * follow; empty when they share a network.
     */
    public Optional<String> why(String sourceNamespace, String destinationNamespace) {
        if (!separates(sourceNamespace, destinationNamespace)) {
            return Optional.empty();
        }
        UserDefinedNetwork onDestination = byNamespace.get(destinationNamespace);
        UserDefinedNetwork onSource = byNamespace.get(sourceNamespace);
        if (onDestination != null) {
            return Optional.of("namespace " + destinationNamespace + " is on " + onDestination.subject()
                    + "; pods on other networks cannot reach it" + (onSource == null ? " (namespace " + sourceNamespace
                    + " is on the cluster's pod network)" : " (namespace " + sourceNamespace + " is on " + onSource.subject() + ")"));
        }
        return Optional.of("namespace " + sourceNamespace + " is on " + onSource.subject() + "; its pods cannot reach pods on other"
                + " networks (namespace " + destinationNamespace + " is on the cluster's pod network)");
    }

    /** What was not applied, and why. */
    public List<Diagnostic> findings() {
        return findings;
    }
}

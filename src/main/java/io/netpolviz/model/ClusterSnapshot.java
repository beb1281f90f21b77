package io.netpolviz.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one source holds, sorted (namespace, then name) so that two sources with the same
 * objects give equal snapshots: a folder of manifests and a live cluster alike.
 * {@code ciliumPolicies} holds Cilium's own policies and {@code calico} Calico's own tiers and policies.
 * {@code unevaluatedPolicyKinds} names the policy kinds of other projects the source held (such
 * as {@code crd.projectcalico.org/v1 GlobalNetworkPolicy (Calico)}), which NetPolViz does not evaluate.
 * {@code ingressRoutes} are the Ingresses and Routes, which say where an ingress controller forwards traffic.
 * {@code userDefinedNetworks} are OVN-Kubernetes' (Cluster)UserDefinedNetworks, which put namespaces on networks
 * of their own ({@link #primaryNetworks()}).
 */
public record ClusterSnapshot(
        String sourceName,
        List<Namespace> namespaces,
        List<Workload> workloads,
        List<Service> services,
        List<NetworkPolicy> policies,
        List<ClusterPolicy> clusterPolicies,
        List<Diagnostic> diagnostics,
        List<String> unevaluatedPolicyKinds,
        List<CiliumPolicy> ciliumPolicies,
        CalicoResources calico,
        List<IngressRoute> ingressRoutes,
        List<UserDefinedNetwork> userDefinedNetworks) {

    /** A snapshot without UserDefinedNetworks. */
    public ClusterSnapshot(String sourceName, List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
            List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<Diagnostic> diagnostics,
            List<String> unevaluatedPolicyKinds, List<CiliumPolicy> ciliumPolicies, CalicoResources calico, List<IngressRoute> ingressRoutes) {
        this(sourceName, namespaces, workloads, services, policies, clusterPolicies, diagnostics, unevaluatedPolicyKinds,
                ciliumPolicies, calico, ingressRoutes, List.of());
    }

    /** A snapshot without Ingresses or Routes. */
    public ClusterSnapshot(String sourceName, List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
            List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<Diagnostic> diagnostics,
            List<String> unevaluatedPolicyKinds, List<CiliumPolicy> ciliumPolicies, CalicoResources calico) {
        this(sourceName, namespaces, workloads, services, policies, clusterPolicies, diagnostics, unevaluatedPolicyKinds,
                ciliumPolicies, calico, List.of());
    }

    /** A snapshot without Cilium's or Calico's own policies. */
    public ClusterSnapshot(String sourceName, List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
            List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<Diagnostic> diagnostics,
            List<String> unevaluatedPolicyKinds) {
        this(sourceName, namespaces, workloads, services, policies, clusterPolicies, diagnostics, unevaluatedPolicyKinds,
                List.of(), CalicoResources.NONE);
    }

    /** A snapshot in which every policy kind was evaluated. */
    public ClusterSnapshot(String sourceName, List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
            List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<Diagnostic> diagnostics) {
        this(sourceName, namespaces, workloads, services, policies, clusterPolicies, diagnostics, List.of());
    }

    /** A snapshot without cluster-wide policies. */
    public ClusterSnapshot(String sourceName, List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
            List<NetworkPolicy> policies, List<Diagnostic> diagnostics) {
        this(sourceName, namespaces, workloads, services, policies, List.of(), diagnostics);
    }

    public ClusterSnapshot {
        namespaces = namespaces.stream().sorted(Comparator.comparing(Namespace::name)).toList();
        workloads = workloads.stream()
                .sorted(Comparator.comparing(Workload::namespace).thenComparing(Workload::name).thenComparing(Workload::kind))
                .toList();
        services = services.stream().sorted(Comparator.comparing(Service::namespace).thenComparing(Service::name)).toList();
        policies = policies.stream().sorted(Comparator.comparing(NetworkPolicy::id)).toList();
        clusterPolicies = clusterPolicies.stream().sorted(Comparator.comparing(ClusterPolicy::id)).toList();
        diagnostics = diagnostics.stream().sorted().toList();
        unevaluatedPolicyKinds = unevaluatedPolicyKinds == null ? List.of() : unevaluatedPolicyKinds.stream().sorted().distinct().toList();
        ciliumPolicies = ciliumPolicies == null ? List.of() : ciliumPolicies.stream().sorted(Comparator.comparing(CiliumPolicy::id)).toList();
        calico = calico == null ? CalicoResources.NONE : calico;
        ingressRoutes = ingressRoutes == null ? List.of()
                : ingressRoutes.stream().sorted(Comparator.comparing(IngressRoute::namespace).thenComparing(IngressRoute::name)
                        .thenComparing(IngressRoute::kind)).toList();
        userDefinedNetworks = userDefinedNetworks == null ? List.of()
                : userDefinedNetworks.stream().sorted(Comparator.comparing(UserDefinedNetwork::subject)).toList();
    }

    /** Which namespaces are on a primary network of their own; computed on each call, so keep the result. */
    public PrimaryNetworks primaryNetworks() {
        return PrimaryNetworks.assign(namespaces, userDefinedNetworks);
    }

    public Optional<CiliumPolicy> ciliumPolicy(PolicyId id) {
        return ciliumPolicies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Whether the picture of this snapshot can be trusted as far as the input goes: no errors,
     * and no policy of a kind NetPolViz does not evaluate (which may block what it shows allowed).
     */
    public boolean isComplete() {
        return !hasErrors() && unevaluatedPolicyKinds.isEmpty();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public Optional<Namespace> namespace(String name) {
        return namespaces.stream().filter(ns -> ns.name().equals(name)).findFirst();
    }

    public Optional<NetworkPolicy> policy(PolicyId id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ClusterPolicy> clusterPolicy(PolicyId id) {
        return clusterPolicies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The same objects with the diagnostics replaced; sources use it to add what they find late. */
    public ClusterSnapshot withDiagnostics(List<Diagnostic> newDiagnostics) {
        return new ClusterSnapshot(sourceName, namespaces, workloads, services, policies, clusterPolicies, newDiagnostics,
                unevaluatedPolicyKinds, ciliumPolicies, calico, ingressRoutes, userDefinedNetworks);
    }
}

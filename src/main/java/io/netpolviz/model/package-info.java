/**
 * The cluster snapshot: plain immutable records of what a source (a folder of manifests or a
 * live cluster) holds — namespaces, workloads and bare pods (with their addresses where the
 * source gives them; for an input of policies alone, stand-ins for the pods their selectors name), services, Ingresses and Routes ({@link io.netpolviz.model.IngressRoute}), OVN-Kubernetes' (Cluster)UserDefinedNetworks ({@link io.netpolviz.model.UserDefinedNetwork}; {@link io.netpolviz.model.PrimaryNetworks} says which namespaces they take, isolated from every other network), NetworkPolicies and the network-policy-api's cluster-wide
 * policies ({@link io.netpolviz.model.ClusterPolicy}: ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy) as written, Cilium's policies ({@link io.netpolviz.model.CiliumPolicy}
 * with its {@link io.netpolviz.model.CiliumSpec}s and {@link io.netpolviz.model.CiliumRule}s, selectors
 * already resolved as Cilium scopes them), Calico's tiers, policies, network sets and host endpoints ({@link io.netpolviz.model.CalicoResources}, with
 * selectors in Calico's expression language parsed into {@link io.netpolviz.model.CalicoSelector}) as written, and the policy kinds of other projects it held but
 * NetPolViz does not evaluate — together with the diagnostics collected while reading them, each saying what it
 * points at ({@link io.netpolviz.model.SourceRef}: a file and line, or an object of a live
 * cluster). Produced by
 * {@code load} and {@code cluster}; read by {@code policy} and everything downstream.
 * Nothing here depends on YAML, fabric8 or JavaFX.
 */
package io.netpolviz.model;

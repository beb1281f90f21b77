/**
 * Live clusters: produces {@link io.netpolviz.model.ClusterSnapshot}s from a Kubernetes API
 * server reached through a kubeconfig context (get, list and watch only): fabric8 informers to
 * follow it, one list per resource to read it once ({@code OneShotRead}). {@link io.netpolviz.cluster.KubeconfigContexts} lists the contexts for a picker;
 * {@link io.netpolviz.cluster.ClusterSource} follows a cluster and publishes a new snapshot,
 * with the {@link io.netpolviz.cluster.ChangeCause} behind it, after every change the view
 * shows, and its {@link io.netpolviz.cluster.ConnectionStatus} as it goes;
 * {@link io.netpolviz.cluster.ClusterSnapshotReader} reads once;
 * {@link io.netpolviz.cluster.ClusterWatchFeed} is the loop of a {@code watch} command; and
 * {@link io.netpolviz.cluster.SnapshotWriter} writes what was read as clean manifests that load
 * back into the same snapshot. The kinds read are those of {@code ResourceKind}: namespaces, workloads, pods,
 * Services, Ingresses and OpenShift Routes (where served), and the policy kinds.
 *
 * <p>Objects are turned into snapshots by the same builder as folders of manifests
 * ({@code io.netpolviz.load.SnapshotBuilder}), after two steps that only a live cluster needs:
 * objects that a controller which was also read made from its template (a Deployment's
 * ReplicaSets, a CronJob's Jobs) and finished pods are left out, running pods are handed over
 * named as their top controller's ({@code OwnedPodManifest}) so that the builder tells the pods
 * that differ from their template apart, and server-managed fields are stripped (a pod keeps its
 * addresses). Other projects' policies (Antrea, OVN, Istio) are counted by name
 * ({@code ForeignPolicies}) so that the picture warns of them as it does for files. Calico's tiers,
 * policies, network sets and host endpoints are watched like the rest, as projectcalico.org/v3 where
 * the server holds them and else as the crd.projectcalico.org/v1 objects that store them, never
 * both ({@code CalicoVersions}); they are keyed as {@code Calico NetworkPolicy} so that they never
 * mix with Kubernetes' kind of the same name. Resources the user may not read become error diagnostics and the rest of
 * the view goes on. The network-policy-api's cluster-wide policies (AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, ClusterNetworkPolicy) and Cilium's clusterwide kind are read
 * cluster-wide whichever namespaces were chosen, CiliumNetworkPolicies per namespace; a server
 * without their CRDs is normal and says nothing. Failures become status messages that name the context and what to do.
 * Credentials never leave the package: messages are composed without them and scrubbed of any
 * credential string the kubeconfig holds.
 */
package io.netpolviz.cluster;

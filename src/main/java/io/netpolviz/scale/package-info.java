/**
 * Scale: from a {@link io.netpolviz.scale.ClusterShape} (pods, policies, namespaces, seed, and
 * ClusterNetworkPolicies) it produces a realistic synthetic cluster as manifests
 * ({@link io.netpolviz.scale.ClusterGenerator}, {@code ClusterPolicyGenerator}),
 * and from a size it produces benchmark figures ({@link io.netpolviz.scale.Benchmark}): load
 * time through the real manifest loader, full evaluation, incremental toggles, heap, and the
 * literal reference evaluator on the same cluster for comparison.
 */
package io.netpolviz.scale;

/**
 * Scale: from a {@link io.netpolviz.scale.ClusterShape} (pods, policies, namespaces, seed, and
 * ClusterNetworkPolicies and Calico policies) it produces a realistic synthetic cluster as manifests
 * ({@link io.netpolviz.scale.ClusterGenerator}, {@code ClusterPolicyGenerator}, {@code CalicoPolicyGenerator}
 * and {@code CalicoRenderer}),
 * and from a size it produces benchmark figures ({@link io.netpolviz.scale.Benchmark}): load
 * time through the real manifest loader, full evaluation, incremental toggles (the seeded walks of
 * {@code ToggleWalk}, after a warm-up that lasts until the JIT compilers are quiet), heap, and the
 * literal reference evaluator on the same cluster for comparison.
 */
package io.netpolviz.scale;

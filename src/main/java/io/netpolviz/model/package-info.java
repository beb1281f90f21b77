/**
 * The cluster snapshot: plain immutable records of what a source (a folder of manifests or a
 * live cluster) holds — namespaces, workloads and bare pods, services and NetworkPolicies as
 * written — together with the diagnostics collected while reading them, each saying what it
 * points at ({@link io.netpolviz.model.SourceRef}: a file and line, or an object of a live
 * cluster). Produced by
 * {@code load} and {@code cluster}; read by {@code policy} and everything downstream.
 * Nothing here depends on YAML, fabric8 or JavaFX.
 */
package io.netpolviz.model;

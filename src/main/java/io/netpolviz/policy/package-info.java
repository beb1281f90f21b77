/**
 * The engine: from a {@code ClusterSnapshot} it compiles pod classes and policies once, and from
 * a choice of switched-on policies it produces verdicts (allowed ports and, for each side of a
 * connection, isolation and the admitting rule), explanations in plain words and lint findings.
 * The full evaluation is a {@link io.netpolviz.policy.Connectivity}: the allowed ports of every
 * ordered pair of pod classes, kept as {@link io.netpolviz.policy.ClassSet} bitsets over classes;
 * {@link io.netpolviz.policy.Evaluation#toggle} switches one policy, recomputes only what it can
 * affect and reports the changed pairs as {@link io.netpolviz.policy.Changes}.
 * Pure Java: no JavaFX, no files, no network.
 */
package io.netpolviz.policy;

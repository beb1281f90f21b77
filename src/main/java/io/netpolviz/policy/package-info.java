/**
 * The engine: from a {@code ClusterSnapshot} it compiles pod classes and policies once, and from
 * a choice of switched-on policies it produces verdicts (allowed ports and, for each side of a
 * connection, isolation and the admitting rule), explanations in plain words and lint findings.
 * Pure Java: no JavaFX, no files, no network.
 */
package io.netpolviz.policy;

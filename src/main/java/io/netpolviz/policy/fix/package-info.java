/**
 * The smallest fix: from an evaluation and one connection, the smallest change of policies that
 * allows it when it is blocked, or blocks it when it is allowed ({@link
 * io.netpolviz.policy.fix.FixAdvisor}). Candidates are read from the verdict's own reasons (which
 * side decides, which rules admit or nearly admit), written as whole policies ({@link
 * io.netpolviz.policy.fix.Draft}), and each one is verified by evaluating the changed cluster
 * again: a {@link io.netpolviz.policy.fix.Proposal} carries what it was seen to do, the target and
 * every other pair and port that changed. Pure Java on the engine's public face; writing the
 * policies as YAML is the loader's business ({@code load.PolicyManifests}).
 */
package io.netpolviz.policy.fix;

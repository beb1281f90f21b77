/**
 * The smallest fix: from an evaluation and one connection, the smallest change of policies that
 * allows it when it is blocked, or blocks it when it is allowed ({@link
 * io.netpolviz.policy.fix.FixAdvisor}). Candidates are read from the verdict's own reasons (which
 * side decides, which rules admit or nearly admit), written as whole policies ({@link
 * io.netpolviz.policy.fix.Draft}), and each one is verified by evaluating the changed cluster
 * again: a {@link io.netpolviz.policy.fix.Proposal} carries what it was seen to do, the target and
 * every other pair and port that changed. Besides NetworkPolicies, a draft can hold the Admin
 * tier's cluster-wide policies ({@code AdminFixes}): an Accept ahead of an
 * Admin-tier Deny, or a Deny for exactly one connection where the cluster has an Admin tier.
 * Verification compiles the changed cluster keeping the unchanged parts of the engine and
 * compares only the pairs the change can touch. Pure Java on the engine's public face; writing the
 * policies as YAML is the loader's business ({@code load.PolicyManifests}).
 */
package io.netpolviz.policy.fix;

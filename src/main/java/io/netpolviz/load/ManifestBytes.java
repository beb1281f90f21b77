package io.netpolviz.load;

/**
 * A manifest file's bytes held in memory, with the name diagnostics show for it: a file of a git
 * revision, {@code git:main:deploy/policies.yaml}, that was never checked out.
 */
public record ManifestBytes(String display, byte[] bytes) {
}

package io.netpolviz.load;

/**
 * A manifest file's bytes held in memory, with the name diagnostics show for it: a file of a git
 * revision, {@code git:main:deploy/policies.yaml}, that was never checked out. A file of a Helm
 * chart names the chart's folder in {@code chart} (any file of it: templates, helpers, values), so
 * that the chart is rendered as a whole; {@code chart} is null for a manifest of its own.
 */
public record ManifestBytes(String display, byte[] bytes, String chart) {

    /** A manifest of its own, not part of a chart. */
    public ManifestBytes(String display, byte[] bytes) {
        this(display, bytes, null);
    }
}

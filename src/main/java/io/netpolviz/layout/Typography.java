package io.netpolviz.layout;

/**
 * The fonts of every text role in a diagram. Layout measures text with these and records them in
 * the {@link Diagram}, so a painter draws exactly the sizes the boxes were made for.
 */
public record Typography(
        FontSpec title,
        FontSpec namespaceTitle,
        FontSpec nodeLabel,
        FontSpec nodeCaption,
        FontSpec badge,
        FontSpec portLabel,
        FontSpec legend) {

    /**
     * DejaVu Sans is everywhere on Linux and has the check and cross marks (U+2713, U+2717) and
     * the half circle (U+25D0); fonts without them would draw empty boxes.
     */
    public static final String DEFAULT_FAMILY = "DejaVu Sans";

    /** Sizes for a screen or a document. */
    public static Typography standard() {
        return new Typography(
                new FontSpec(DEFAULT_FAMILY, 20, true),
                new FontSpec(DEFAULT_FAMILY, 14, true),
                new FontSpec(DEFAULT_FAMILY, 13, true),
                new FontSpec(DEFAULT_FAMILY, 11, false),
                // Badges (×3, 1,200 pods) at the caption's size: at 10 px they were the first text a fitted overview lost.
                new FontSpec(DEFAULT_FAMILY, 11, true),
                new FontSpec(DEFAULT_FAMILY, 11.5, false),
                new FontSpec(DEFAULT_FAMILY, 12, false));
    }

    /**
     * Larger sizes that stay readable from the back of a room; port labels grow most, since they
     * carry the verdicts. Spacing between boxes does not grow with them, so text takes a larger
     * share of the picture.
     */
    public static Typography presentation() {
        return new Typography(
                new FontSpec(DEFAULT_FAMILY, 28, true),
                new FontSpec(DEFAULT_FAMILY, 19, true),
                new FontSpec(DEFAULT_FAMILY, 18, true),
                new FontSpec(DEFAULT_FAMILY, 14, false),
                new FontSpec(DEFAULT_FAMILY, 13, true),
                new FontSpec(DEFAULT_FAMILY, 17, false),
                new FontSpec(DEFAULT_FAMILY, 16, false));
    }

    /** The ✓/◐/✗ marks: the port label font in bold, so the verdict stands out even in black and white. */
    public FontSpec portMark() {
        return new FontSpec(portLabel.family(), portLabel.size(), true);
    }
}

package io.netpolviz.layout;

/** A font as layout measures it and painters draw it: family, size in diagram units, weight. */
public record FontSpec(String family, double size, boolean bold) {

    public FontSpec {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("font family is empty");
        }
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be positive: " + size);
        }
    }

    public FontSpec scaled(double factor) {
        return new FontSpec(family, size * factor, bold);
    }
}

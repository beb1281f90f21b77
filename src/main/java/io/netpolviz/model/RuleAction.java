package io.netpolviz.model;

/**
 * What a matching rule of an ordered tier does. {@code Accept} (v1alpha2) and {@code Allow}
 * (v1alpha1) are the same action; {@code Pass} leaves the tier so that the next one decides.
 */
public enum RuleAction {
    ALLOW,
    DENY,
    PASS;

    /** The verb an explanation uses: allows, denies, passes on. */
    public String verb() {
        return switch (this) {
            case ALLOW -> "allows";
            case DENY -> "denies";
            case PASS -> "passes";
        };
    }
}

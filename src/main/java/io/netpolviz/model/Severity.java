package io.netpolviz.model;

/** How much a diagnostic matters: errors leave something out, warnings and notes do not. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.netpolviz.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace with its labels. {@code implicit} is true when an object used the namespace but
 * no manifest declared it. The labels always carry {@code kubernetes.io/metadata.name}, as the
 * API server sets it and overrides any other value.
 */
public record Namespace(String name, Map<String, String> labels, boolean implicit, SourceRef where) {

    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public Namespace {
        TreeMap<String, String> withName = new TreeMap<>(labels == null ? Map.of() : labels);
        withName.put(NAME_LABEL, name);
        labels = Labels.copyOf(withName);
    }
}

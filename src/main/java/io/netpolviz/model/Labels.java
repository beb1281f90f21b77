package io.netpolviz.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Label maps are kept sorted so that every output that lists them is deterministic. */
public final class Labels {

    private Labels() {
    }

    public static Map<String, String> copyOf(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** {@code app=web,tier=front}, or {@code (none)}. */
    public static String display(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "(none)";
        }
        return labels.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}

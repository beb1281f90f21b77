package io.netpolviz.graph;

import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits each namespace with many workloads into parts by a pod label they share
 * ({@code tier=web}, {@code tier=api}, …), so that opening it shows a handful of parts and the
 * traffic between them rather than every workload with an edge to everything it talks to. The
 * key is the first of {@link #KNOWN_KEYS} that splits the namespace into readable parts, else
 * any label that does (the one making most parts). Workloads without the key show one by one.
 */
public final class WorkloadParts {

    /** Up to this many workloads, a namespace opens straight into its workloads. */
    public static final int UP_TO_WORKLOADS = 24;

    /** The most parts a split may make; more is no split. */
    static final int MOST_PARTS = 12;

    /** Labels that say what role a workload plays, the usual lines along which policies are written. */
    static final List<String> KNOWN_KEYS = List.of("tier", "component", "app.kubernetes.io/component", "role", "layer");

    private WorkloadParts() {
    }

    /** The key that splits each namespace that is split. */
    public static Map<String, String> of(PolicyEngine engine) {
        Map<String, List<Map<String, String>>> labelsByNamespace = new TreeMap<>();
        for (PodClass podClass : engine.classes()) {
            for (int i = 0; i < podClass.workloads().size(); i++) {
                labelsByNamespace.computeIfAbsent(podClass.namespace(), ns -> new ArrayList<>()).add(podClass.labels());
            }
        }
        Map<String, String> keys = new TreeMap<>();
        labelsByNamespace.forEach((namespace, workloads) -> splitKey(workloads).ifPresent(key -> keys.put(namespace, key)));
        return keys;
    }

    /** The names of every part the split makes ({@code payments-1/tier=api}), sorted. */
    public static Set<String> names(PolicyEngine engine, Map<String, String> keys) {
        Set<String> names = new TreeSet<>();
        for (PodClass podClass : engine.classes()) {
            String key = keys.get(podClass.namespace());
            if (key != null && podClass.labels().containsKey(key)) {
                names.add(Grouping.partName(podClass.namespace(), key, podClass.labels().get(key)));
            }
        }
        return names;
    }

    /** The key splitting these workloads (their pod labels), if the namespace is big enough to need one. */
    static java.util.Optional<String> splitKey(List<Map<String, String>> workloads) {
        if (workloads.size() <= UP_TO_WORKLOADS) {
            return java.util.Optional.empty();
        }
        Set<String> keys = new TreeSet<>();
        workloads.forEach(labels -> keys.addAll(labels.keySet()));
        for (String known : KNOWN_KEYS) {
            if (keys.contains(known) && splits(workloads, known) > 0) {
                return java.util.Optional.of(known);
            }
        }
        String best = null;
        int bestParts = 0;
        for (String key : keys) {
            int parts = splits(workloads, key);
            if (parts > bestParts) {
                best = key;
                bestParts = parts;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * How many parts {@code key} makes of the workloads when that split is readable: at least two
     * parts, no more than {@link #MOST_PARTS}, with at least half the workloads in parts of two or more; else 0.
     */
    private static int splits(List<Map<String, String>> workloads, String key) {
        Map<String, Integer> sizes = new HashMap<>();
        for (Map<String, String> labels : workloads) {
            String value = labels.get(key);
            if (value != null) {
                sizes.merge(value, 1, Integer::sum);
            }
        }
        int inSharedParts = sizes.values().stream().filter(size -> size >= 2).mapToInt(Integer::intValue).sum();
        boolean readable = sizes.size() >= 2 && sizes.size() <= MOST_PARTS && 2 * inSharedParts >= workloads.size();
        return readable ? sizes.size() : 0;
    }
}

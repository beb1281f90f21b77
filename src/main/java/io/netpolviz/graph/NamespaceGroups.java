package io.netpolviz.graph;

import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the namespaces of a cluster with many of them, so that its first picture has a node per
 * team rather than per namespace: fifty namespaces that each talk to thirty others make a
 * namespace picture of well over a thousand edges, a team picture of a few dozen. Namespaces are
 * grouped by a label they share, the first of {@link #KNOWN_KEYS} that splits them into readable
 * groups, else any such label (the one making most groups), else by name ({@code payments-1},
 * {@code payments-2} form {@code payments-*}). Namespaces that share nothing stay alone, and a
 * cluster with few namespaces is not grouped at all.
 */
public final class NamespaceGroups {

    /** Up to this many namespaces, each keeps its own node: the picture is readable without groups. */
    public static final int UP_TO_NAMESPACES = 16;

    /** The most nodes (groups and namespaces left alone) a grouping may leave; more is no grouping. */
    static final int MOST_UNITS = 24;

    /** Labels that say who owns a namespace, the usual reason namespaces talk to each other. */
    static final List<String> KNOWN_KEYS = List.of("team", "tenant", "owner", "app.kubernetes.io/part-of", "project",
            "department", "group", "system");

    /** Set by Kubernetes on every namespace; unique, so it groups nothing. */
    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private static final Pattern NUMBERED = Pattern.compile("(.+?)-?\\d+");
    private static final Pattern DASHED = Pattern.compile("(.+)-[^-]+");

    private NamespaceGroups() {
    }

    /** The group of each grouped namespace ({@code team=payments}, {@code payments-*}); empty when no grouping helps. */
    public static Map<String, String> of(PolicyEngine engine) {
        Map<String, Map<String, String>> labels = new TreeMap<>();
        for (PodClass podClass : engine.classes()) {
            labels.putIfAbsent(podClass.namespace(), podClass.namespaceLabels());
        }
        return of(labels);
    }

    /** The same, from the namespaces (those with workloads) and their labels. */
    static Map<String, String> of(Map<String, Map<String, String>> namespaceLabels) {
        if (namespaceLabels.size() <= UP_TO_NAMESPACES) {
            return Map.of();
        }
        Set<String> keys = new TreeSet<>();
        namespaceLabels.values().forEach(labels -> keys.addAll(labels.keySet()));
        keys.remove(NAME_LABEL);
        for (String known : KNOWN_KEYS) {
            if (keys.contains(known)) {
                Map<String, String> groups = byLabel(namespaceLabels, known);
                if (readable(groups, namespaceLabels.size())) {
                    return groups;
                }
            }
        }
        Map<String, String> best = Map.of();
        int bestGroups = 0;
        for (String key : keys) {
            Map<String, String> groups = byLabel(namespaceLabels, key);
            int count = new TreeSet<>(groups.values()).size();
            if (readable(groups, namespaceLabels.size()) && count > bestGroups) {
                best = groups;
                bestGroups = count;
            }
        }
        if (!best.isEmpty()) {
            return best;
        }
        Map<String, String> byName = byName(namespaceLabels.keySet());
        return readable(byName, namespaceLabels.size()) ? byName : Map.of();
    }

    /** Namespaces with the same value of {@code key}, where at least two share it, as {@code key=value}. */
    private static Map<String, String> byLabel(Map<String, Map<String, String>> namespaceLabels, String key) {
        Map<String, List<String>> byValue = new TreeMap<>();
        namespaceLabels.forEach((namespace, labels) -> {
            String value = labels.get(key);
            if (value != null) {
                byValue.computeIfAbsent(key + "=" + value, v -> new ArrayList<>()).add(namespace);
            }
        });
        return groupsOfTwoOrMore(byValue);
    }

    /** Namespaces whose names differ only in a number or a last dashed part, as {@code prefix-*}. */
    private static Map<String, String> byName(Set<String> namespaces) {
        Map<String, List<String>> byPrefix = new TreeMap<>();
        for (String namespace : namespaces) {
            Matcher numbered = NUMBERED.matcher(namespace);
            Matcher dashed = DASHED.matcher(namespace);
            String prefix = numbered.matches() ? numbered.group(1) : dashed.matches() ? dashed.group(1) : null;
            if (prefix != null) {
                byPrefix.computeIfAbsent(prefix + "-*", p -> new ArrayList<>()).add(namespace);
            }
        }
        return groupsOfTwoOrMore(byPrefix);
    }

    private static Map<String, String> groupsOfTwoOrMore(Map<String, List<String>> candidates) {
        Map<String, String> groups = new TreeMap<>();
        candidates.forEach((group, members) -> {
            if (members.size() >= 2) {
                members.forEach(namespace -> groups.put(namespace, group));
            }
        });
        return groups;
    }

    /** At least two groups, and few enough nodes left (groups plus namespaces left alone). */
    private static boolean readable(Map<String, String> groups, int namespaces) {
        int groupCount = new TreeSet<>(groups.values()).size();
        int units = groupCount + namespaces - groups.size();
        return groupCount >= 2 && units <= MOST_UNITS;
    }
}

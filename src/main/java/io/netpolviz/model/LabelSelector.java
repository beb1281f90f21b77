package io.netpolviz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label selector: every {@code matchLabels} pair and every requirement must hold. The empty
 * selector {@code {}} matches everything.
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {

    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    public LabelSelector {
        matchLabels = Labels.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public static LabelSelector ofLabels(Map<String, String> matchLabels) {
        return new LabelSelector(matchLabels, List.of());
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> required : matchLabels.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (LabelRequirement requirement : matchExpressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code kubectl} spelling: {@code app=web,tier in (a,b)}, or {@code (all)} for {@code {}}. */
    public String display() {
        if (isEmpty()) {
            return "(all)";
        }
        List<String> parts = new ArrayList<>();
        matchLabels.forEach((key, value) -> parts.add(key + "=" + value));
        matchExpressions.forEach(requirement -> parts.add(requirement.display()));
        return String.join(",", parts);
    }
}

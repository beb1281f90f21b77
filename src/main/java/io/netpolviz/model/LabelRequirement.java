package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/** One entry of {@code matchExpressions}: a key, an operator and (for In and NotIn) values. */
public record LabelRequirement(String key, SelectorOperator operator, List<String> values) {

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /**
     * Whether a label set satisfies this requirement. {@code NotIn} also matches a label set
     * that lacks the key, exactly as the Kubernetes label selector does.
     */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case IN -> value != null && values.contains(value);
            case NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
        };
    }

    public String display() {
        return switch (operator) {
            case IN -> key + " in (" + String.join(",", values) + ")";
            case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
        };
    }
}

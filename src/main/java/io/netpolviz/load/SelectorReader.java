package io.netpolviz.load;

import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.SelectorOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a label selector ({@code matchLabels} and {@code matchExpressions}) and checks it as the API server does. */
final class SelectorReader {

    private static final String EXAMPLE = "{key: tier, operator: In, values: [web]}";

    private SelectorReader() {
    }

    /** The selector, or null when the field is absent (which callers must tell apart from {@code {}}). */
    static LabelSelector read(ObjectReader reader, Object value, FieldPath path, boolean strict) {
        Map<?, ?> selector = reader.mapping(value, path, "{matchLabels: {app: web}}");
        if (selector == null) {
            return null;
        }
        if (strict) {
            reader.onlyFields(selector, path, "a label selector", "matchLabels", "matchExpressions");
        }
        Map<String, String> matchLabels = reader.labels(selector.get("matchLabels"), path.field("matchLabels"));
        FieldPath expressionsPath = path.field("matchExpressions");
        List<?> expressions = reader.list(selector.get("matchExpressions"), expressionsPath, "[" + EXAMPLE + "]");
        List<LabelRequirement> requirements = new ArrayList<>();
        if (expressions != null) {
            for (int i = 0; i < expressions.size(); i++) {
                requirement(reader, expressions.get(i), expressionsPath.index(i), strict).ifPresent(requirements::add);
            }
        }
        return new LabelSelector(matchLabels, requirements);
    }

    private static Optional<LabelRequirement> requirement(ObjectReader reader, Object value, FieldPath path, boolean strict) {
        Map<?, ?> expression = reader.mapping(value, path, EXAMPLE);
        if (expression == null) {
            if (value == null) {
                reader.error(path, path + " is empty; a requirement needs a key and an operator, like " + EXAMPLE);
            }
            return Optional.empty();
        }
        if (strict) {
            reader.onlyFields(expression, path, "a selector requirement", "key", "operator", "values");
        }
        boolean valid = true;
        String key = reader.string(expression.get("key"), path.field("key"));
        if (key == null || key.isEmpty()) {
            if (expression.get("key") == null || "".equals(expression.get("key"))) {
                reader.error(path, path + ".key is missing; name the label the requirement tests");
            }
            valid = false;
        } else {
            String problem = NameRules.labelKey(key);
            if (problem != null) {
                reader.error(path.field("key"), path + ".key \"" + key + "\" " + problem);
                valid = false;
            }
        }
        FieldPath operatorPath = path.field("operator");
        String operatorText = reader.string(expression.get("operator"), operatorPath);
        SelectorOperator operator = null;
        if (operatorText == null) {
            if (expression.get("operator") == null) {
                reader.error(path, path + ".operator is missing; use In, NotIn, Exists or DoesNotExist");
            }
            valid = false;
        } else {
            operator = SelectorOperator.parse(operatorText).orElse(null);
            if (operator == null) {
                reader.error(operatorPath, operatorPath + " \"" + operatorText
                        + "\" is not a selector operator; use In, NotIn, Exists or DoesNotExist (they are case-sensitive)");
                valid = false;
            }
        }
        FieldPath valuesPath = path.field("values");
        List<?> rawValues = reader.list(expression.get("values"), valuesPath, "[web, api]");
        List<String> values = new ArrayList<>();
        boolean valuesUnreadable = rawValues == null && expression.get("values") != null;
        if (rawValues != null) {
            for (int i = 0; i < rawValues.size(); i++) {
                if (rawValues.get(i) == null) {
                    // JSON null decodes to the empty string, a valid label value.
                    values.add("");
                    continue;
                }
                String text = reader.string(rawValues.get(i), valuesPath.index(i));
                if (text == null) {
                    valuesUnreadable = true;
                    continue;
                }
                String problem = NameRules.labelValue(text);
                if (problem != null) {
                    reader.error(valuesPath.index(i), valuesPath.index(i) + " \"" + text + "\" " + problem);
                    valid = false;
                }
                values.add(text);
            }
        }
        valid &= !valuesUnreadable;
        if (operator == SelectorOperator.IN || operator == SelectorOperator.NOT_IN) {
            if (values.isEmpty() && !valuesUnreadable) {
                reader.error(valuesPath, valuesPath + " must not be empty for operator " + operator.apiName()
                        + "; list the values to match, or use Exists/DoesNotExist");
                valid = false;
            }
        } else if (operator != null && !values.isEmpty()) {
            reader.error(valuesPath, valuesPath + " must be empty for operator " + operator.apiName()
                    + ", which tests only whether the key is present; remove the values");
            valid = false;
        }
        return valid ? Optional.of(new LabelRequirement(key, operator, values)) : Optional.empty();
    }
}

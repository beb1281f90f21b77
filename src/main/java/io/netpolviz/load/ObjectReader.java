package io.netpolviz.load;

import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of one API object from plain maps, lists and scalars the way the API
 * server's JSON decoding would, and collects every problem with the field it concerns. A null
 * value is an absent field, as JSON {@code null} is to the API. Readers return what they can
 * even after a problem, so that one pass reports all the problems of an object.
 */
final class ObjectReader {

    /** One problem: where it is, how much it matters, and what to say. */
    record Problem(Severity severity, FieldPath path, boolean atKey, String message) {
    }

    private final FieldLocations locations;
    private final SourceRef fallback;
    private final List<Problem> problems = new ArrayList<>();

    ObjectReader(FieldLocations locations, SourceRef fallback) {
        this.locations = locations;
        this.fallback = fallback;
    }

    void error(FieldPath path, String message) {
        problems.add(new Problem(Severity.ERROR, path, false, message));
    }

    void errorAtKey(FieldPath path, String message) {
        problems.add(new Problem(Severity.ERROR, path, true, message));
    }

    void warning(FieldPath path, String message) {
        problems.add(new Problem(Severity.WARNING, path, false, message));
    }

    void note(FieldPath path, String message) {
        problems.add(new Problem(Severity.NOTE, path, false, message));
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
    }

    List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The line and column of a field, or the object's own position when there is no YAML. */
    SourceRef where(FieldPath path) {
        return locations.locate(path, false).orElse(fallback);
    }

    SourceRef whereOf(Problem problem) {
        return locations.locate(problem.path(), problem.atKey()).orElse(fallback);
    }

    Map<?, ?> mapping(Object value, FieldPath path, String example) {
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<?, ?>) value;
        }
        error(path, path + " must be a mapping (key: value pairs), not " + describe(value) + forExample(example));
        return null;
    }

    List<?> list(Object value, FieldPath path, String example) {
        if (value == null || value instanceof List<?>) {
            return (List<?>) value;
        }
        error(path, path + " must be a list, not " + describe(value) + forExample(example));
        return null;
    }

    String string(Object value, FieldPath path) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        error(path, path + " must be a string, not " + describe(value) + quoteHint(value));
        return null;
    }

    /** An int32, as the API's integer fields are; a whole float such as {@code 80.0} passes, as it does through kubectl. */
    Integer int32(Object value, FieldPath path) {
        if (value == null) {
            return null;
        }
        Long whole = wholeNumber(value);
        if (whole == null) {
            String hint = value instanceof String text && text.strip().matches("-?\\d+") ? " (remove the quotes)" : "";
            error(path, path + " must be a whole number, not " + describe(value) + hint);
            return null;
        }
        if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
            error(path, path + " is " + value + ", which is too large for a 32-bit integer");
            return null;
        }
        return whole.intValue();
    }

    Boolean bool(Object value, FieldPath path) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        error(path, path + " must be true or false, not " + describe(value));
        return null;
    }

    /** A whole number of any numeric type, or null when the value is not one (or too large for a long). */
    static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : Long.MAX_VALUE;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) < 9.0e18) {
                return (long) number;
            }
        }
        return null;
    }

    /**
     * A {@code map[string]string} of labels (or a label selector's {@code matchLabels}): string
     * keys and values with the API's syntax for each. A null value becomes the empty string, as
     * it does when the API decodes JSON.
     */
    Map<String, String> labels(Object value, FieldPath path) {
        Map<?, ?> raw = mapping(value, path, "{app: web}");
        Map<String, String> labels = new LinkedHashMap<>();
        if (raw == null) {
            return labels;
        }
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            FieldPath entryPath = path.field(String.valueOf(entry.getKey()));
            if (!(entry.getKey() instanceof String key)) {
                errorAtKey(entryPath, "label key " + describe(entry.getKey()) + " in " + path + " must be a string; quote it");
                continue;
            }
            String keyProblem = NameRules.labelKey(key);
            if (keyProblem != null) {
                errorAtKey(entryPath, "label key \"" + key + "\" in " + path + " " + keyProblem);
            }
            Object rawValue = entry.getValue();
            if (rawValue != null && !(rawValue instanceof String)) {
                error(entryPath, "label " + key + " in " + path + " must have a string value, not "
                        + describe(rawValue) + quoteHint(rawValue));
                continue;
            }
            String text = rawValue == null ? "" : (String) rawValue;
            String valueProblem = NameRules.labelValue(text);
            if (valueProblem != null) {
                error(entryPath, "label " + key + "=\"" + text + "\" in " + path + ": the value " + valueProblem);
            }
            labels.put(key, text);
        }
        return labels;
    }

    /**
     * Rejects fields the type does not have, as the API server does with strict field
     * validation (kubectl's default): a misspelt {@code ingres} would otherwise turn an allow
     * rule into nothing.
     */
    void onlyFields(Map<?, ?> map, FieldPath path, String what, String... known) {
        if (map == null) {
            return;
        }
        List<String> fields = Arrays.asList(known);
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (key instanceof String && fields.contains(name)) {
                continue;
            }
            FieldPath fieldPath = path.field(name);
            String suggestion = closest(name, fields);
            errorAtKey(fieldPath, fieldPath + " is not a field of " + what
                    + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                    + "; the API server rejects unknown fields. Known fields: " + String.join(", ", fields));
        }
    }

    private static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(name) ? 0 : editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** How a value looks to a reader: {@code the string "app"}, {@code the number 8080}, {@code a list}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
            return "the string \"" + shown + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static String forExample(String example) {
        return example == null ? "" : "; write it like " + example;
    }

    private static String quoteHint(Object value) {
        return value instanceof Number || value instanceof Boolean ? " (quote it: \"" + value + "\")" : "";
    }
}

package io.netpolviz.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A selector in Calico's own expression language ({@code role == 'db' && !has(debug)}), parsed
 * into a tree by {@link CalicoSelectorParser}. It matches a label set; {@code global()} matches
 * only resources outside every namespace (host endpoints, global network sets), so never a pod.
 */
public sealed interface CalicoSelector {

    /** {@code all()}: every resource. */
    CalicoSelector ALL = new All();

    /** Parses {@code text}; a syntax error names the character position (0-based) where it was found. */
    static CalicoSelector parse(String text) {
        return new CalicoSelectorParser(text).parse();
    }

    /** Whether a resource with these labels is selected; {@code namespaced} is false for global resources. */
    boolean matches(Map<String, String> labels, boolean namespaced);

    /** Whether a pod (always namespaced) with these labels is selected. */
    default boolean matches(Map<String, String> labels) {
        return matches(labels, true);
    }

    /** The expression written back in Calico's syntax, fully parenthesised where operators mix. */
    String display();

    /** {@code all()}. */
    record All() implements CalicoSelector {
        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return true;
        }

        public String display() {
            return "all()";
        }
    }

    /** {@code global()}. */
    record Global() implements CalicoSelector {
        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return !namespaced;
        }

        public String display() {
            return "global()";
        }
    }

    /** {@code has(key)}. */
    record Has(String key) implements CalicoSelector {
        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return labels.containsKey(key);
        }

        public String display() {
            return "has(" + key + ")";
        }
    }

    /** A comparison of one label's value: absent labels match only {@code !=} and {@code not in}. */
    record Compare(String key, Operator operator, List<String> values) implements CalicoSelector {

        /** The comparison operators of the language. */
        public enum Operator {
            EQUALS("=="), NOT_EQUALS("!="), IN("in"), NOT_IN("not in"), CONTAINS("contains"), STARTS_WITH("starts with"),
            ENDS_WITH("ends with");

            private final String spelling;

            Operator(String spelling) {
                this.spelling = spelling;
            }

            public String spelling() {
                return spelling;
            }
        }

        public Compare {
            values = List.copyOf(values);
        }

        public boolean matches(Map<String, String> labels, boolean namespaced) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS -> values.get(0).equals(value);
                case NOT_EQUALS -> !values.get(0).equals(value);
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case CONTAINS -> value != null && value.contains(values.get(0));
                case STARTS_WITH -> value != null && value.startsWith(values.get(0));
                case ENDS_WITH -> value != null && value.endsWith(values.get(0));
            };
        }

        public String display() {
            if (operator == Operator.IN || operator == Operator.NOT_IN) {
                return key + " " + operator.spelling() + " {" + values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "))
                        + "}";
            }
            return key + " " + operator.spelling() + " '" + values.get(0) + "'";
        }
    }

    /** {@code !expr}. */
    record Not(CalicoSelector operand) implements CalicoSelector {
        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return !operand.matches(labels, namespaced);
        }

        public String display() {
            return operand instanceof Has has ? "!has(" + has.key() + ")" : "!(" + operand.display() + ")";
        }
    }

    /** {@code a && b && ...}. */
    record And(List<CalicoSelector> operands) implements CalicoSelector {
        public And {
            operands = List.copyOf(operands);
        }

        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return operands.stream().allMatch(o -> o.matches(labels, namespaced));
        }

        public String display() {
            return operands.stream().map(o -> o instanceof Or ? "(" + o.display() + ")" : o.display()).collect(Collectors.joining(" && "));
        }
    }

    /** {@code a || b || ...}. */
    record Or(List<CalicoSelector> operands) implements CalicoSelector {
        public Or {
            operands = List.copyOf(operands);
        }

        public boolean matches(Map<String, String> labels, boolean namespaced) {
            return operands.stream().anyMatch(o -> o.matches(labels, namespaced));
        }

        public String display() {
            return operands.stream().map(CalicoSelector::display).collect(Collectors.joining(" || "));
        }
    }

    /** A selector that does not parse: the position (0-based character index) and what was expected there. */
    final class SyntaxError extends IllegalArgumentException {
        private final int position;

        public SyntaxError(int position, String message) {
            super(message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }
}

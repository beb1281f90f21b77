package io.netpolviz.model;

import java.util.Optional;

/** The operators of a label selector's {@code matchExpressions}. */
public enum SelectorOperator {
    IN("In"), NOT_IN("NotIn"), EXISTS("Exists"), DOES_NOT_EXIST("DoesNotExist");

    private final String apiName;

    SelectorOperator(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<SelectorOperator> parse(String text) {
        for (SelectorOperator operator : values()) {
            if (operator.apiName.equals(text)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}

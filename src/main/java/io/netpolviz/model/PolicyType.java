package io.netpolviz.model;

import java.util.Optional;

/** The two directions a NetworkPolicy can isolate. */
public enum PolicyType {
    INGRESS("Ingress"), EGRESS("Egress");

    private final String apiName;

    PolicyType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<PolicyType> parse(String text) {
        for (PolicyType type : values()) {
            if (type.apiName.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package io.netpolviz.model;

/**
 * Where a cluster-wide policy decides: the Admin tier before NetworkPolicies, the Baseline tier
 * after them (only for what no NetworkPolicy isolates).
 */
public enum PolicyTier {
    ADMIN("Admin"),
    BASELINE("Baseline");

    private final String apiName;

    PolicyTier(String apiName) {
        this.apiName = apiName;
    }

    /** The spelling of {@code spec.tier}: {@code Admin} or {@code Baseline}. */
    public String apiName() {
        return apiName;
    }
}

package io.netpolviz.model;

/** A policy's identity: {@code namespace/name}. */
public record PolicyId(String namespace, String name) implements Comparable<PolicyId> {

    /**
     * {@code NAMESPACE/POLICY}, or {@code KIND/NAME} for a cluster-wide kind; a namespaced policy of
     * another project is {@code KIND/NAMESPACE/NAME} (kinds start with a capital, namespaces never do).
     */
    public static PolicyId parse(String text) {
        int slash = text.indexOf('/');
        boolean kindFirst = slash > 0 && Character.isUpperCase(text.charAt(0));
        if (slash <= 0 || slash == text.length() - 1 || (!kindFirst && text.indexOf('/', slash + 1) >= 0)) {
            throw new IllegalArgumentException("expected NAMESPACE/POLICY, got '" + text + "'");
        }
        return new PolicyId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public int compareTo(PolicyId other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}

package io.netpolviz.cluster;

/**
 * One object that changed: its API {@code kind}, namespace (empty for a Namespace) and name,
 * and how it changed.
 */
public record ObjectChange(String kind, String namespace, String name, ChangeType type) implements Comparable<ObjectChange> {

    public ObjectChange {
        namespace = namespace == null ? "" : namespace;
    }

    /** {@code Pod shop/web-1 ADDED}, or {@code Namespace shop DELETED}. */
    public String display() {
        String id = namespace.isEmpty() ? name : namespace + "/" + name;
        return kind + " " + id + " " + type;
    }

    @Override
    public int compareTo(ObjectChange other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byNamespace = namespace.compareTo(other.namespace);
        if (byNamespace != 0) {
            return byNamespace;
        }
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : type.compareTo(other.type);
    }

    @Override
    public String toString() {
        return display();
    }
}

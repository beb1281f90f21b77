package io.netpolviz.cluster;

import java.util.Comparator;
import java.util.Map;

/** An API object's identity: kind, namespace (empty when cluster-scoped) and name. */
record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {

    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::namespace)
            .thenComparing(key -> ResourceKind.fromKind(key.kind()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(ObjectKey::kind)
            .thenComparing(ObjectKey::name);

    ObjectKey {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    /** The key of a manifest; Calico's kinds are labelled as {@link ResourceKind#label()} labels them. */
    static ObjectKey of(Map<String, Object> object) {
        String kind = ApiObjects.text(object.get("kind"));
        boolean calico = ApiObjects.text(object.get("apiVersion")).contains("projectcalico.org/");
        return new ObjectKey(calico ? "Calico " + kind : kind, ApiObjects.namespace(object), ApiObjects.name(object));
    }

    ObjectChange change(ChangeType type) {
        return new ObjectChange(kind, namespace, name, type);
    }

    /** Namespace, then the kind in manifest order, then name: the order manifests are written in. */
    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }
}

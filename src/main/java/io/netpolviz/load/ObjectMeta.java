package io.netpolviz.load;

import java.util.List;
import java.util.Map;

/**
 * The parts of {@code metadata} NetPolViz uses: name, namespace ({@code default} when absent,
 * as {@code kubectl apply} without {@code -n} does), labels and the controlling owner.
 */
record ObjectMeta(String name, String namespace, Map<String, String> labels, Owner controller) {

    static final String DEFAULT_NAMESPACE = "default";
    static final FieldPath PATH = FieldPath.ROOT.field("metadata");

    private static final String[] FIELDS = {
        "annotations", "clusterName", "creationTimestamp", "deletionGracePeriodSeconds", "deletionTimestamp",
        "finalizers", "generateName", "generation", "labels", "managedFields", "name", "namespace",
        "ownerReferences", "resourceVersion", "selfLink", "uid",
    };

    /** The object that controls this one, from an {@code ownerReferences} entry with {@code controller: true}. */
    record Owner(String kind, String name) {
    }

    /**
     * Reads {@code metadata}; problems go to the reader. {@code namespaced} is false for
     * cluster-wide kinds (Namespace), whose {@code metadata.namespace} means nothing.
     */
    static ObjectMeta read(ObjectReader reader, Map<?, ?> object, NameRules.NameRule nameRule, boolean namespaced, boolean strict) {
        Map<?, ?> metadata = reader.mapping(object.get("metadata"), PATH, "{name: web, namespace: shop}");
        if (metadata == null) {
            if (!object.containsKey("metadata") || object.get("metadata") == null) {
                reader.error(FieldPath.ROOT, "metadata is missing; every object needs at least metadata.name");
            }
            return new ObjectMeta(null, namespaced ? DEFAULT_NAMESPACE : null, Map.of(), null);
        }
        if (strict) {
            reader.onlyFields(metadata, PATH, "metadata", FIELDS);
        }
        FieldPath namePath = PATH.field("name");
        String name = reader.string(metadata.get("name"), namePath);
        if (name == null || name.isEmpty()) {
            if (metadata.get("name") == null || "".equals(metadata.get("name"))) {
                String generated = metadata.get("generateName") instanceof String ? " (generateName is only filled in by the API server)" : "";
                reader.error(namePath, "metadata.name is missing" + generated + "; give the object a name");
            }
            name = null;
        } else {
            String problem = nameRule.check(name);
            if (problem != null) {
                reader.error(namePath, "metadata.name \"" + name + "\" " + problem);
            }
        }
        String namespace = null;
        if (namespaced) {
            FieldPath namespacePath = PATH.field("namespace");
            namespace = reader.string(metadata.get("namespace"), namespacePath);
            if (namespace == null || namespace.isEmpty()) {
                namespace = DEFAULT_NAMESPACE;
            } else {
                String problem = NameRules.dnsLabel(namespace);
                if (problem != null) {
                    reader.error(namespacePath, "metadata.namespace \"" + namespace + "\" " + problem);
                }
            }
        }
        Map<String, String> labels = reader.labels(metadata.get("labels"), PATH.field("labels"));
        return new ObjectMeta(name, namespace, labels, controller(reader, metadata.get("ownerReferences")));
    }

    private static Owner controller(ObjectReader reader, Object value) {
        if (value == null) {
            return null;
        }
        FieldPath path = PATH.field("ownerReferences");
        if (!(value instanceof List<?> references)) {
            reader.warning(path, "metadata.ownerReferences is not a list and is ignored");
            return null;
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) instanceof Map<?, ?> reference && Boolean.TRUE.equals(reference.get("controller"))) {
                if (reference.get("kind") instanceof String kind && reference.get("name") instanceof String name) {
                    return new Owner(kind, name);
                }
                reader.warning(path.index(i), path.index(i) + " names no kind and name and is ignored");
            }
        }
        return null;
    }
}

package io.netpolviz.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an object as the API server returns it into the manifest a person would write: no
 * {@code status}, none of the fields the server manages (uid, resourceVersion, managedFields,
 * timestamps, owner references) and no {@code last-applied-configuration} annotation. The live
 * view and the written snapshot both use the cleaned form, so they describe the same objects.
 */
public final class ManifestCleaner {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private static final Set<String> SERVER_METADATA = Set.of(
            "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink",
            "ownerReferences", "deletionTimestamp", "deletionGracePeriodSeconds");

    /** The order a manifest's first keys are written in; the rest follow in name order. */
    private static final List<String> TOP_ORDER = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> METADATA_ORDER = List.of("name", "namespace", "labels", "annotations");

    private ManifestCleaner() {
    }

    /** A cleaned deep copy; the argument is left as it was. */
    public static Map<String, Object> clean(Map<String, Object> object) {
        Map<String, Object> copy = ApiObjects.deepCopy(object);
        copy.remove("status");
        Object metadata = copy.get("metadata");
        if (metadata instanceof Map<?, ?>) {
            Map<String, Object> meta = ApiObjects.map(metadata);
            SERVER_METADATA.forEach(meta::remove);
            Object annotations = meta.get("annotations");
            if (annotations instanceof Map<?, ?>) {
                ApiObjects.map(annotations).remove(LAST_APPLIED);
            }
            if (annotations instanceof Map<?, ?> map && map.isEmpty()) {
                meta.remove("annotations");
            }
            copy.put("metadata", ordered(meta, METADATA_ORDER));
        }
        // Pod templates carry "creationTimestamp: null"; it is noise in a manifest.
        Object spec = copy.get("spec");
        if (spec != null) {
            dropTemplateTimestamps(spec);
        }
        return ordered(copy, TOP_ORDER);
    }

    private static void dropTemplateTimestamps(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> node = ApiObjects.map(map);
            if (node.get("metadata") instanceof Map<?, ?> metadata) {
                ApiObjects.map(metadata).remove("creationTimestamp");
            }
            node.values().forEach(ManifestCleaner::dropTemplateTimestamps);
        } else if (value instanceof List<?> list) {
            list.forEach(ManifestCleaner::dropTemplateTimestamps);
        }
    }

    private static Map<String, Object> ordered(Map<String, Object> map, List<String> firstKeys) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : firstKeys) {
            if (map.containsKey(key)) {
                result.put(key, map.get(key));
            }
        }
        new TreeMap<>(map).forEach(result::putIfAbsent);
        return result;
    }
}

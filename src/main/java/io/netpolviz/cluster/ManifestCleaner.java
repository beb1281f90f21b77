package io.netpolviz.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an object as the API server returns it into the manifest a person would write: no
 * {@code status}, none of the fields the server manages (uid, resourceVersion, managedFields,
 * timestamps, the server's owner references) and no {@code last-applied-configuration} annotation. A Pod
 * keeps {@code status.podIP} and {@code status.podIPs}: cluster-wide policies' CIDR peers match
 * pods by them, so they decide verdicts. The live view and the written snapshot both use the
 * cleaned form, so they describe the same objects.
 */
public final class ManifestCleaner {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private static final Set<String> SERVER_METADATA = Set.of(
            "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink",
            "deletionTimestamp", "deletionGracePeriodSeconds");

    /** The order a manifest's first keys are written in; the rest follow in name order. */
    private static final List<String> TOP_ORDER = List.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final List<String> METADATA_ORDER = List.of("name", "namespace", "labels", "annotations");

    private ManifestCleaner() {
    }

    /**
     * A cleaned copy; the argument is left as it was. Only the maps cleaning changes are copied (the
     * object, its metadata and annotations, the path down to a pod template's metadata): everything
     * else is shared with the argument, so a cluster's thousands of pods are not copied whole.
     */
    public static Map<String, Object> clean(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        Object status = copy.remove("status");
        if ("Pod".equals(ApiObjects.kind(object)) && status instanceof Map<?, ?> podStatus) {
            Map<String, Object> addresses = new LinkedHashMap<>();
            for (String field : List.of("podIP", "podIPs")) {
                if (podStatus.get(field) != null) {
                    addresses.put(field, podStatus.get(field));
                }
            }
            if (!addresses.isEmpty()) {
                copy.put("status", addresses);
            }
        }
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> meta = new LinkedHashMap<>(ApiObjects.map(metadata));
            SERVER_METADATA.forEach(meta::remove);
            // The server's owner references carry uids; one without is the shorthand an owned pod's
            // manifest names its workload by (OwnedPodManifest), which a written snapshot must keep.
            if (ApiObjects.list(meta.get("ownerReferences")).stream().anyMatch(reference -> ApiObjects.map(reference).get("uid") != null)) {
                meta.remove("ownerReferences");
            }
            if (meta.get("annotations") instanceof Map<?, ?> annotations) {
                Map<String, Object> kept = new LinkedHashMap<>(ApiObjects.map(annotations));
                kept.remove(LAST_APPLIED);
                if (kept.isEmpty()) {
                    meta.remove("annotations");
                } else {
                    meta.put("annotations", kept);
                }
            }
            copy.put("metadata", ordered(meta, METADATA_ORDER));
        }
        // Pod templates carry "creationTimestamp: null"; it is noise in a manifest.
        if (copy.get("spec") != null) {
            copy.put("spec", withoutTemplateTimestamps(copy.get("spec")));
        }
        return ordered(copy, TOP_ORDER);
    }

    /** {@code value} itself when no template metadata in it has a creationTimestamp, else a copy of the path down to them without it. */
    private static Object withoutTemplateTimestamps(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> node = ApiObjects.map(map);
            Map<String, Object> changed = null;
            for (Map.Entry<String, Object> entry : node.entrySet()) {
                Object cleaned = entry.getKey().equals("metadata") && entry.getValue() instanceof Map<?, ?> metadata
                        && metadata.containsKey("creationTimestamp")
                        ? withoutKey(ApiObjects.map(metadata), "creationTimestamp")
                        : withoutTemplateTimestamps(entry.getValue());
                if (cleaned != entry.getValue()) {
                    if (changed == null) {
                        changed = new LinkedHashMap<>(node);
                    }
                    changed.put(entry.getKey(), cleaned);
                }
            }
            return changed == null ? value : changed;
        }
        if (value instanceof List<?> list) {
            List<Object> changed = null;
            for (int i = 0; i < list.size(); i++) {
                Object cleaned = withoutTemplateTimestamps(list.get(i));
                if (cleaned != list.get(i)) {
                    if (changed == null) {
                        changed = new java.util.ArrayList<>(list);
                    }
                    changed.set(i, cleaned);
                }
            }
            return changed == null ? value : changed;
        }
        return value;
    }

    private static Map<String, Object> withoutKey(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
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

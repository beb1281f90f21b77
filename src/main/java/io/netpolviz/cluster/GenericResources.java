package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Turns the client's generic resources into the plain maps every later step reads, once per resourceVersion. */
final class GenericResources {

    private GenericResources() {
    }

    /**
     * The object as a plain map with {@code apiVersion} and {@code kind} set (list responses may
     * leave them out of their items). Only the typed metadata needs converting: every other field
     * (spec, status...) the generic resource already holds as plain maps and lists, so the object
     * is not written out and read back.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(ResourceKind kind, GenericKubernetesResource resource, KubernetesSerialization serialization) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("apiVersion", kind.apiVersion());
        result.put("kind", kind.kind());
        if (resource.getMetadata() != null) {
            result.put("metadata", serialization.convertValue(resource.getMetadata(), Map.class));
        }
        resource.getAdditionalProperties().forEach(result::putIfAbsent);
        return result;
    }

    /**
     * The stored form of a resource: its raw map and its cleaned manifest, both sharing their nested
     * values with the resource (the client replaces objects and never changes them); the maps of
     * their own, the object and its metadata, are made read-only.
     */
    static StoredObject stored(ResourceKind kind, GenericKubernetesResource resource, KubernetesSerialization serialization) {
        ObjectKey key = new ObjectKey(kind.label(), resource.getMetadata().getNamespace(), resource.getMetadata().getName());
        String version = Objects.toString(resource.getMetadata().getResourceVersion(), "");
        Map<String, Object> raw = Collections.unmodifiableMap(toMap(kind, resource, serialization));
        Map<String, Object> manifest = ManifestCleaner.clean(raw);
        if (manifest.get("metadata") instanceof Map<?, ?> metadata) {
            manifest.put("metadata", Collections.unmodifiableMap(ApiObjects.map(metadata)));
        }
        return new StoredObject(key, version, raw, Collections.unmodifiableMap(manifest));
    }
}

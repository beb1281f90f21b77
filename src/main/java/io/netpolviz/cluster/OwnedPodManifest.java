package io.netpolviz.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running pod's cleaned manifest with one owner reference, to the workload at the top of its
 * controller chain (a Deployment, not the ReplicaSet between): the snapshot builder folds it into
 * that workload, and a written snapshot that keeps the pod folds it the same way, without the
 * ReplicaSets nobody reads. Uids are left out; the kind and name find the owner.
 */
public final class OwnedPodManifest {

    private OwnedPodManifest() {
    }

    /** The pod's manifest with the owner reference; its nested values are shared with the (read-only) argument. */
    public static Map<String, Object> of(Map<String, Object> podManifest, Map<String, Object> ownerManifest) {
        Map<String, Object> copy = new LinkedHashMap<>(podManifest);
        Map<String, Object> metadata = new LinkedHashMap<>(ApiObjects.map(copy.get("metadata")));
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("apiVersion", ApiObjects.text(ownerManifest.get("apiVersion")));
        reference.put("kind", ApiObjects.kind(ownerManifest));
        reference.put("name", ApiObjects.name(ownerManifest));
        reference.put("controller", true);
        metadata.put("ownerReferences", List.of(reference));
        copy.put("metadata", Collections.unmodifiableMap(metadata));
        return Collections.unmodifiableMap(copy);
    }

    /** The kind and name of the workload an owned pod's manifest names as its controller, or null for a bare pod. */
    static String ownerOf(Map<String, Object> manifest) {
        for (Object reference : ApiObjects.list(ApiObjects.metadata(manifest).get("ownerReferences"))) {
            Map<String, Object> owner = ApiObjects.map(reference);
            if (Boolean.TRUE.equals(owner.get("controller"))) {
                return ApiObjects.text(owner.get("kind")) + "/" + ApiObjects.text(owner.get("name"));
            }
        }
        return null;
    }
}

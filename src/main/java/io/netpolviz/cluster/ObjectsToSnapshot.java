package io.netpolviz.cluster;

import io.netpolviz.load.SnapshotBuilder;
import io.netpolviz.model.ClusterSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Hands cluster objects to the one snapshot builder that folders of manifests go through as
 * well, so that a folder and a live cluster holding the same objects give the same snapshot.
 * Each object is named {@code cluster:<context>/<Kind>/<namespace>/<name>}.
 */
public final class ObjectsToSnapshot {

    private ObjectsToSnapshot() {
    }

    public static ClusterSnapshot toSnapshot(String sourceName, List<Map<String, Object>> objects) {
        return toSnapshot(sourceName, objects, List.of());
    }

    /** With the names of the policies of other projects the cluster holds ({@link ForeignPolicies}), counted as files count them. */
    static ClusterSnapshot toSnapshot(String sourceName, List<Map<String, Object>> objects, List<Map<String, Object>> foreignPolicies) {
        SnapshotBuilder builder = new SnapshotBuilder();
        for (Map<String, Object> object : objects) {
            builder.add(object, ClusterRefs.object(sourceName, object));
        }
        for (Map<String, Object> policy : foreignPolicies) {
            builder.add(policy, ClusterRefs.object(sourceName, policy));
        }
        return builder.build(sourceName);
    }
}

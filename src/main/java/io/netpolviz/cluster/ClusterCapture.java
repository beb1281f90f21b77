package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;

import java.util.List;
import java.util.Map;

/**
 * A snapshot together with the cleaned manifests it was built from (read-only maps, sorted by
 * namespace, kind and name), which {@link SnapshotWriter} writes out.
 */
public record ClusterCapture(ClusterSnapshot snapshot, List<Map<String, Object>> manifests) {

    public ClusterCapture {
        manifests = List.copyOf(manifests);
    }
}

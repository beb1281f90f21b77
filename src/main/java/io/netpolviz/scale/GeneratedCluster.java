package io.netpolviz.scale;

import io.netpolviz.model.ClusterSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A generated cluster: the snapshot it stands for, and its manifests as text, one file per
 * namespace ({@code NAMESPACE.yaml}), sorted by file name.
 */
public record GeneratedCluster(ClusterShape shape, ClusterSnapshot snapshot, SortedMap<String, String> files) {

    public GeneratedCluster {
        files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
    }

    /** How many pods the workloads make in all (replicas summed). */
    public int podCount() {
        return snapshot.workloads().stream().mapToInt(w -> w.replicas()).sum();
    }

    /** Writes the files into {@code directory} (created if missing) as UTF-8 and returns their paths. */
    public List<Path> writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
            written.add(path);
        }
        return written;
    }
}

package io.netpolviz.view;

import io.netpolviz.model.ClusterSnapshot;
import java.nio.file.Path;
import java.util.List;

/** Where snapshots come from: the manifest loader in the app, hand-made snapshots in tests. */
@FunctionalInterface
public interface ManifestSource {

    /** Reads the files and folders (recursively) into one snapshot; problems become its diagnostics. */
    public ClusterSnapshot load(List<Path> paths) throws Exception;
}

package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;

/** Reads one snapshot of a live cluster for the commands that take {@code --kubeconfig}. */
final class LiveClusterSource {

    private LiveClusterSource() {
    }

    static ClusterSnapshot load(Arguments arguments) throws UsageException {
        throw new UsageException("--kubeconfig is not wired yet");
    }
}

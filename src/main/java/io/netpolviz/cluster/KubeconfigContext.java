package io.netpolviz.cluster;

import java.nio.file.Path;

/**
 * One context of a kubeconfig, as a context picker shows it: its name, the cluster and the
 * server address it points at, its default namespace (empty when unset) and the user entry's
 * name. Holds no credentials.
 */
public record KubeconfigContext(String name, String cluster, String server, String namespace, String user, Path file) {

    public KubeconfigContext {
        cluster = cluster == null ? "" : cluster;
        server = server == null ? "" : server;
        namespace = namespace == null ? "" : namespace;
        user = user == null ? "" : user;
    }
}

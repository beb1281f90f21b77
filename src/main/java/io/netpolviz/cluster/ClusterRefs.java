package io.netpolviz.cluster;

import io.netpolviz.model.SourceRef;

import java.util.Map;

/**
 * Names for where cluster objects come from: the source {@code cluster:<context>} and, per
 * object, {@code cluster:<context>/<Kind>/<namespace>/<name>} ({@code .../Namespace/<name>}).
 */
final class ClusterRefs {

    static final String PREFIX = "cluster:";

    private ClusterRefs() {
    }

    static String sourceName(String context) {
        return PREFIX + context;
    }

    static SourceRef object(String sourceName, Map<String, Object> object) {
        String namespace = ApiObjects.namespace(object);
        String name = ApiObjects.name(object);
        String kind = ApiObjects.kind(object);
        return SourceRef.inCluster(sourceName + "/" + kind + "/" + (namespace.isEmpty() ? name : namespace + "/" + name), kind);
    }

    /** The context of a source name made by {@link #sourceName}, or the name itself. */
    static String context(String sourceName) {
        return sourceName.startsWith(PREFIX) ? sourceName.substring(PREFIX.length()) : sourceName;
    }
}

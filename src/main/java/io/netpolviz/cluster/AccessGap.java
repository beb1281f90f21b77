package io.netpolviz.cluster;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;

/**
 * A resource that could not be read: which one, where (a namespace, or null for the whole
 * cluster), which verb was refused, whether the server does not serve it at all (404, an old
 * cluster) rather than forbid it (403), and the server's own explanation (redacted; may be empty).
 */
record AccessGap(ResourceKind kind, String namespace, String verb, boolean notServed, String serverMessage) {

    static AccessGap forbidden(ResourceKind kind, String namespace, String verb, String serverMessage) {
        return new AccessGap(kind, namespace, verb, false, serverMessage);
    }

    static AccessGap notServed(ResourceKind kind, String namespace) {
        return new AccessGap(kind, namespace, "list", true, "");
    }

    /** An error diagnostic saying what is missing from the view and what would fill it. */
    Diagnostic diagnostic(String sourceName) {
        String where = sourceName + "/" + kind.label() + (namespace == null ? "" : "/" + namespace);
        if (notServed) {
            return Diagnostic.error(SourceRef.inCluster(where, kind.label()), "the server does not serve " + kind.qualifiedName() + " "
                    + kind.apiVersion() + " (404 Not Found) — the view is partial: " + kind.consequenceWhenUnreadable()
                    + "; NetPolViz reads " + kind.apiVersion() + " " + kind.kind() + ", which Kubernetes 1.21 and later serve");
        }
        String scope = namespace == null
                ? (kind.namespaced() ? "in any namespace (cluster-wide)" : "(cluster-scoped)")
                : (kind == ResourceKind.NAMESPACE ? "named " + namespace : "in namespace " + namespace);
        String effect = verb.equals("watch")
                ? "the view shows them as first read and will not follow changes"
                : "the view is partial: " + kind.consequenceWhenUnreadable();
        String remedy = "grant get,list,watch on " + kind.qualifiedName()
                + (namespace == null && kind.namespaced() ? ", or choose namespaces you may read (--namespace)" : "");
        String said = serverMessage == null || serverMessage.isBlank() ? "" : " (server: \"" + serverMessage + "\")";
        String message = "cannot " + verb + " " + kind.qualifiedName() + " " + scope + ": forbidden — " + effect + "; " + remedy + said;
        return Diagnostic.error(SourceRef.inCluster(where, kind.label()), message);
    }
}

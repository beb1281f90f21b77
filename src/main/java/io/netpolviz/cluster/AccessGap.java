package io.netpolviz.cluster;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;

/**
 * A resource the user may not read: which one, where (a namespace, or null for the whole
 * cluster), which verb was refused, and the server's own explanation (redacted; may be empty).
 */
record AccessGap(ResourceKind kind, String namespace, String verb, String serverMessage) {

    /** An error diagnostic saying what is missing from the view and which rights would fill it. */
    Diagnostic diagnostic(String sourceName) {
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
        String where = sourceName + "/" + kind.kind() + (namespace == null ? "" : "/" + namespace);
        return Diagnostic.error(SourceRef.of(where), message);
    }
}

package io.netpolviz.model;

/**
 * The pods a cluster-wide policy applies to: every pod of the namespaces {@code namespaces}
 * selects, narrowed to the pods {@code pods} selects when the subject is the {@code pods} form
 * (null for the {@code namespaces} form). Host-network pods are never subjects.
 */
public record ClusterPolicySubject(LabelSelector namespaces, LabelSelector pods) {

    /** {@code namespaces env=prod} or {@code pods app=db in namespaces (all)}. */
    public String display() {
        String namespacePart = "namespaces " + namespaces.display();
        return pods == null ? "all pods in " + namespacePart : "pods " + pods.display() + " in " + namespacePart;
    }
}

package io.netpolviz.policy.fix;

/**
 * A label added to the pod template of a workload (or to a bare pod), so that a selector can
 * name its pods and no others.
 */
public record LabelChange(String namespace, String workload, String key, String value) {

    /** {@code namespace/name}, as workloads are named everywhere. */
    public String workloadId() {
        return namespace + "/" + workload;
    }

    public String display() {
        return "add the label " + key + "=" + value + " to the pods of " + workloadId();
    }
}

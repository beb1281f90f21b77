package io.netpolviz.policy.fix;

import io.netpolviz.model.WorkloadKind;

/**
 * A label added to the pod template of a workload (or to a bare pod), so that a selector can
 * name its pods and no others.
 */
public record LabelChange(String namespace, String workload, WorkloadKind kind, String key, String value) {

    /** {@code namespace/name}, as workloads are named everywhere. */
    public String workloadId() {
        return namespace + "/" + workload;
    }

    public String display() {
        return "add the label " + key + "=" + value + " to the pods of " + workloadId();
    }

    /**
     * The command that makes the change: a bare pod is labelled directly; a controller's pod
     * template is patched, which rolls its pods out again with the label.
     */
    public String kubectlCommand() {
        if (kind == WorkloadKind.POD) {
            return "kubectl -n " + namespace + " label pod " + workload + " " + key + "=" + value;
        }
        String path = kind == WorkloadKind.CRON_JOB ? "{\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"metadata\":{\"labels\":{%s}}}}}}}"
                : "{\"spec\":{\"template\":{\"metadata\":{\"labels\":{%s}}}}}";
        String labels = "\"" + key + "\":\"" + value + "\"";
        return "kubectl -n " + namespace + " patch " + kind.apiKind().toLowerCase(java.util.Locale.ROOT) + " " + workload
                + " --type merge -p '" + String.format(java.util.Locale.ROOT, path, labels) + "'";
    }
}

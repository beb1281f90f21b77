package io.netpolviz.load;

import io.netpolviz.model.WorkloadKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The labels Kubernetes controllers put on the pods they make, beyond the template's. Pod
 * templates do not carry them, so a pod that has them is not "relabelled"; but a policy may
 * select on them, and then they decide.
 *
 * <ul>
 * <li>Deployment: "the pod-template-hash label is added by the Deployment controller to every
 *     ReplicaSet that a Deployment creates or adopts" and to its pods (Kubernetes documentation,
 *     Deployments, "Pod-template-hash label"). A hash of the template: only the cluster knows it.</li>
 * <li>StatefulSet: "Pod Name Label: ... the StatefulSet controller adds a label,
 *     statefulset.kubernetes.io/pod-name, that is set to the name of the Pod" and "Pod index
 *     label: ... apps.kubernetes.io/pod-index" (StatefulSets, "Pod Identity"); plus
 *     controller-revision-hash, a hash again.</li>
 * <li>DaemonSet: controller-revision-hash and pod-template-generation.</li>
 * <li>Job: batch.kubernetes.io/job-name and job-name (the Job's name), batch.kubernetes.io/controller-uid
 *     and controller-uid (Jobs, "Job labels"), and batch.kubernetes.io/job-completion-index for
 *     Indexed Jobs.</li>
 * </ul>
 */
final class ControllerLabels {

    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    static final String STATEFULSET_POD_NAME = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX = "apps.kubernetes.io/pod-index";

    /** The same on every pod of one revision of the template, with a value only the live cluster has. */
    private static final Set<String> REVISION = Set.of(POD_TEMPLATE_HASH, "controller-revision-hash", "pod-template-generation",
            "controller-uid", "batch.kubernetes.io/controller-uid");
    /** The Job's own name: known from the manifest of a Job, not of the Jobs a CronJob starts. */
    private static final Set<String> JOB_NAME = Set.of("job-name", "batch.kubernetes.io/job-name");
    /** Different on every pod. */
    private static final Set<String> PER_POD = Set.of(STATEFULSET_POD_NAME, POD_INDEX, "batch.kubernetes.io/job-completion-index");

    private ControllerLabels() {
    }

    static boolean isControllerKey(String key) {
        return REVISION.contains(key) || JOB_NAME.contains(key) || PER_POD.contains(key);
    }

    /** A key whose value is shared by the pods of one revision: pods differing only in it are still "as templated". */
    static boolean isUniform(String key) {
        return REVISION.contains(key) || JOB_NAME.contains(key);
    }

    /**
     * The controller labels a workload's pods get that the manifests alone decide, for the keys a
     * policy names: a Job's name; a StatefulSet's pod name and index are per pod, see {@link #ofReplica}.
     */
    static Map<String, String> knownUniform(WorkloadKind kind, String workloadName, Set<String> namedKeys) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (kind == WorkloadKind.JOB) {
            JOB_NAME.stream().filter(namedKeys::contains).sorted().forEach(key -> labels.put(key, workloadName));
        }
        return labels;
    }

    /** The labels a StatefulSet's controller gives replica {@code index}, named {@code <set>-<index>}. */
    static Map<String, String> ofReplica(String statefulSet, int index) {
        return Map.of(STATEFULSET_POD_NAME, statefulSet + "-" + index, POD_INDEX, Integer.toString(index));
    }

    /**
     * Whether a policy naming {@code key} makes the pods of a {@code kind} that the manifests give
     * only as a template undecidable offline: the value is a hash or a uid the controller picks.
     */
    static boolean onlyTheClusterKnows(String key, WorkloadKind kind) {
        if (REVISION.contains(key)) {
            return switch (key) {
                case POD_TEMPLATE_HASH -> kind == WorkloadKind.DEPLOYMENT || kind == WorkloadKind.REPLICA_SET;
                case "controller-revision-hash" -> kind == WorkloadKind.STATEFUL_SET || kind == WorkloadKind.DAEMON_SET;
                case "pod-template-generation" -> kind == WorkloadKind.DAEMON_SET;
                default -> kind == WorkloadKind.JOB || kind == WorkloadKind.CRON_JOB;
            };
        }
        return (JOB_NAME.contains(key) && kind == WorkloadKind.CRON_JOB)
                || (key.equals("batch.kubernetes.io/job-completion-index") && (kind == WorkloadKind.JOB || kind == WorkloadKind.CRON_JOB));
    }
}

package io.netpolviz.model;

import java.util.Optional;

/**
 * The kinds of object that stand for pods: a bare Pod, a controller with a pod template, or a
 * {@link #STAND_IN}: the pods a policy's selector names, drawn when the input holds policies but no
 * workload at all, so that the policies can still be read.
 */
public enum WorkloadKind {
    POD("Pod"),
    DEPLOYMENT("Deployment"),
    REPLICA_SET("ReplicaSet"),
    STATEFUL_SET("StatefulSet"),
    DAEMON_SET("DaemonSet"),
    JOB("Job"),
    CRON_JOB("CronJob"),
    REPLICATION_CONTROLLER("ReplicationController"),
    /**
     * A KubeVirt VirtualMachine ({@code kubevirt.io/v1}): one virtual machine, run in one pod that carries the labels of its
     * {@code spec.template} (a VirtualMachineInstance template, without containers), as netpol-analyzer reads it.
     */
    VIRTUAL_MACHINE("VirtualMachine"),
    /**
     * No object of the input: the pods one pod selector of a policy names (with exactly the labels the
     * selector asks for), made up because the input held policies but no workload. Never read from a
     * manifest: no API kind is spelled this way.
     */
    STAND_IN("stand-in"),
    /**
     * No object of the input either: the pod an ingress controller runs as, which netpol-analyzer
     * places in namespace {@code ingress-controller-ns} without labels and names {@code {ingress-controller}};
     * it reaches the workloads that Ingresses and Routes route to. Never read from a manifest.
     */
    INGRESS_CONTROLLER("ingress controller");

    private final String apiKind;

    WorkloadKind(String apiKind) {
        this.apiKind = apiKind;
    }

    /** The {@code kind} as the Kubernetes API spells it. */
    public String apiKind() {
        return apiKind;
    }

    public static Optional<WorkloadKind> fromApiKind(String kind) {
        for (WorkloadKind candidate : values()) {
            if (candidate != STAND_IN && candidate != INGRESS_CONTROLLER && candidate.apiKind.equals(kind)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

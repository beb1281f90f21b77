package io.netpolviz.model;

import java.util.Optional;

/** The kinds of object that stand for pods: a bare Pod, or a controller with a pod template. */
public enum WorkloadKind {
    POD("Pod"),
    DEPLOYMENT("Deployment"),
    REPLICA_SET("ReplicaSet"),
    STATEFUL_SET("StatefulSet"),
    DAEMON_SET("DaemonSet"),
    JOB("Job"),
    CRON_JOB("CronJob"),
    REPLICATION_CONTROLLER("ReplicationController");

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
            if (candidate.apiKind.equals(kind)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

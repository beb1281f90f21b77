package io.netpolviz.model;

import java.util.Map;

/**
 * Marks a {@link Workload} that stands for some of another workload's pods: the pods whose own
 * labels, ports or host-network setting differ from their controller's template (a pod labelled
 * {@code quarantine=true} by hand, a StatefulSet replica a policy picks by
 * {@code statefulset.kubernetes.io/pod-name}, a pod left from the last rollout). Policies select
 * pods by the pods' own labels, so such pods are evaluated, drawn and answered for on their own.
 *
 * @param ownerKind the controller whose template they were made from
 * @param ownerName its name, in the same namespace
 * @param added the labels the pods carry with values the template does not give (new or changed)
 * @param removed the template's label keys the pods no longer carry
 * @param otherPorts whether their container ports differ from the template's
 * @param otherHostNetwork whether their host-network setting differs from the template's
 * @param otherNetworks whether their addresses fall in other networks a cluster-wide policy names
 *     than those of the pods shown as the workload itself
 */
public record PodVariant(WorkloadKind ownerKind, String ownerName, Map<String, String> added, java.util.List<String> removed,
        boolean otherPorts, boolean otherHostNetwork, boolean otherNetworks) {

    public PodVariant {
        added = Labels.copyOf(added);
        removed = removed.stream().sorted().toList();
    }

    /** {@code Deployment web}. */
    public String owner() {
        return ownerKind.apiKind() + " " + ownerName;
    }

    /** What sets these pods apart, in words: {@code quarantine=true}, {@code without tier}, {@code other ports}. */
    public String difference() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        added.forEach((key, value) -> parts.add(key + "=" + value));
        removed.forEach(key -> parts.add("without " + key));
        if (otherPorts) {
            parts.add("other ports");
        }
        if (otherHostNetwork) {
            parts.add("other host network");
        }
        if (otherNetworks) {
            parts.add("addresses in other networks");
        }
        return parts.isEmpty() ? "as the template" : String.join(", ", parts);
    }
}

package io.netpolviz.policy.fix;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies a {@link Draft} to a snapshot the way {@code kubectl apply} would: same name replaces, a new name adds. */
public final class SnapshotEdits {

    private SnapshotEdits() {
    }

    public static ClusterSnapshot apply(ClusterSnapshot snapshot, Draft draft) {
        Map<PolicyId, NetworkPolicy> policies = new TreeMap<>();
        snapshot.policies().forEach(p -> policies.put(p.id(), p));
        draft.policies().forEach(p -> policies.put(p.id(), p));
        Map<PolicyId, ClusterPolicy> clusterPolicies = new TreeMap<>();
        snapshot.clusterPolicies().forEach(p -> clusterPolicies.put(p.id(), p));
        draft.clusterPolicies().forEach(p -> clusterPolicies.put(p.id(), p));
        // Unchanged workloads stay the same objects: an engine of the changed cluster can then keep the pod classes.
        List<Workload> workloads = new ArrayList<>();
        for (Workload workload : draft.labels().isEmpty() ? List.<Workload>of() : snapshot.workloads()) {
            Map<String, String> labels = new LinkedHashMap<>(workload.podLabels());
            for (LabelChange change : draft.labels()) {
                if (change.workloadId().equals(workload.id())) {
                    labels.put(change.key(), change.value());
                }
            }
            workloads.add(labels.equals(workload.podLabels()) ? workload
                    : new Workload(workload.namespace(), workload.name(), workload.kind(), workload.replicas(), labels, workload.ports(),
                            workload.hostNetwork(), workload.podAddresses(), workload.where()));
        }
        return new ClusterSnapshot(snapshot.sourceName(), snapshot.namespaces(), draft.labels().isEmpty() ? snapshot.workloads() : workloads, snapshot.services(),
                List.copyOf(policies.values()), List.copyOf(clusterPolicies.values()), snapshot.diagnostics(), snapshot.unevaluatedPolicyKinds(),
                snapshot.ciliumPolicies(), snapshot.calico(), snapshot.ingressRoutes(), snapshot.userDefinedNetworks());
    }
}

package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the pods read with their workloads (a live cluster's, or a {@code kubectl get -o yaml}
 * dump's) and turns each workload into the nodes that stand for it, by {@link OwnedPods}. Also
 * says where the manifests cannot decide: a policy that selects on a label whose value only the
 * cluster's controllers know, for workloads given only as templates.
 */
final class PodsOfWorkloads {

    private final PolicyLabelKeys labelKeys;
    private final OwnedPods ownedPods;
    private final Map<Workload, List<Workload>> podsByOwner = new IdentityHashMap<>();
    /** For each label key only the cluster can decide: the workloads whose pods it may or may not select. */
    private final Map<String, List<String>> undecided = new TreeMap<>();

    /** @param calicoNets the CIDRs Calico's rules and network sets name: they match pods by address too */
    PodsOfWorkloads(List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, List<io.netpolviz.model.CiliumPolicy> ciliumPolicies,
            List<Cidr> calicoNets) {
        this.labelKeys = PolicyLabelKeys.of(policies, clusterPolicies, ciliumPolicies);
        this.ownedPods = new OwnedPods(labelKeys.keys(), networks(clusterPolicies, calicoNets));
    }

    private static List<Cidr> networks(List<ClusterPolicy> clusterPolicies, List<Cidr> calicoNets) {
        return java.util.stream.Stream.concat(clusterPolicies.stream().flatMap(policy -> policy.networks().stream()), calicoNets.stream())
                .distinct().toList();
    }

    /** Records that {@code pod} is one of {@code owner}'s pods. */
    void add(Object owner, Workload pod) {
        if (owner instanceof Workload workload) {
            podsByOwner.computeIfAbsent(workload, key -> new ArrayList<>()).add(pod);
        }
    }

    /** The nodes that stand for {@code workload} and the pods read with it; notes for pods shown apart go to {@code out}. */
    List<Workload> nodesOf(Workload workload, List<Diagnostic> out) {
        List<Workload> pods = podsByOwner.getOrDefault(workload, List.of());
        if (pods.isEmpty()) {
            for (String key : labelKeys.keys()) {
                if (ControllerLabels.onlyTheClusterKnows(key, workload.kind())) {
                    undecided.computeIfAbsent(key, k -> new ArrayList<>()).add(workload.kind().apiKind() + " " + workload.id());
                }
            }
            if (ownedPods.needsReplicas(workload)) {
                pods = OwnedPods.replicasOf(workload);
            }
        }
        return ownedPods.split(workload, pods, out);
    }

    /** A warning at each policy that selects on a label only the cluster knows, naming the workloads concerned. */
    List<Diagnostic> undecidedByManifests() {
        List<Diagnostic> warnings = new ArrayList<>();
        undecided.forEach((key, workloads) -> {
            String named = workloads.size() <= 3 ? String.join(", ", workloads)
                    : String.join(", ", workloads.subList(0, 3)) + " and " + (workloads.size() - 3) + " more";
            for (PolicyLabelKeys.Naming naming : labelKeys.namings(key)) {
                warnings.add(Diagnostic.warning(naming.where(), naming.policy() + " selects pods by " + key
                        + ", a label their controller sets to a value only the live cluster knows (a hash or a uid). The manifests give "
                        + named + " as a template only, so the picture treats those pods as not carrying " + key
                        + ": whether this policy selects them is decided by the live cluster only. Connect to the cluster,"
                        + " or load a snapshot of it, to see it"));
            }
        });
        return warnings;
    }
}

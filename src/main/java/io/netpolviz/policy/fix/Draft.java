package io.netpolviz.policy.fix;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A change to the cluster, not yet applied: policies written out whole (a changed existing
 * policy replaces the one with its name, as {@code kubectl apply} does; a new one is added),
 * labels to add to workloads, and one sentence per step saying what and why.
 *
 * @param policies the NetworkPolicies to apply, whole, sorted by id
 * @param clusterPolicies the cluster-wide policies (Admin tier) to apply, whole, sorted by id
 * @param created the ids among them that are new policies rather than changed ones
 * @param labels labels to add to workloads before the policies make sense
 * @param steps what the change does, one sentence each, in the order to do it
 */
public record Draft(List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies, Set<PolicyId> created, List<LabelChange> labels,
        List<String> steps) {

    public Draft {
        policies = policies.stream().sorted(Comparator.comparing(NetworkPolicy::id)).toList();
        clusterPolicies = clusterPolicies.stream().sorted(Comparator.comparing(ClusterPolicy::id)).toList();
        created = Set.copyOf(new TreeSet<>(created));
        labels = List.copyOf(labels);
        steps = List.copyOf(steps);
    }

    /** A change of NetworkPolicies (and labels) only. */
    public Draft(List<NetworkPolicy> policies, Set<PolicyId> created, List<LabelChange> labels, List<String> steps) {
        this(policies, List.of(), created, labels, steps);
    }

    /** The two changes together, as one (the later one's version of a policy wins). */
    public Draft and(Draft other) {
        Map<PolicyId, NetworkPolicy> byId = new TreeMap<>();
        policies.forEach(p -> byId.put(p.id(), p));
        other.policies.forEach(p -> byId.put(p.id(), p));
        Map<PolicyId, ClusterPolicy> clusterById = new TreeMap<>();
        clusterPolicies.forEach(p -> clusterById.put(p.id(), p));
        other.clusterPolicies.forEach(p -> clusterById.put(p.id(), p));
        Set<PolicyId> allCreated = new TreeSet<>(created);
        allCreated.addAll(other.created);
        List<LabelChange> allLabels = new ArrayList<>(labels);
        other.labels.stream().filter(l -> !allLabels.contains(l)).forEach(allLabels::add);
        List<String> allSteps = new ArrayList<>(steps);
        allSteps.addAll(other.steps);
        return new Draft(List.copyOf(byId.values()), List.copyOf(clusterById.values()), allCreated, allLabels, allSteps);
    }

    /** How big the change is, to rank proposals of equal effect: objects touched, new ones weighing more. */
    public int weight() {
        return policies.size() + clusterPolicies.size() + created.size() + 2 * labels.size();
    }

    /** Whether the change touches the cluster administrator's policies (which a namespace's team cannot apply). */
    public boolean touchesAdminTier() {
        return !clusterPolicies.isEmpty();
    }
}

package io.netpolviz.view;

import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.fix.Draft;
import io.netpolviz.policy.fix.LabelChange;
import io.netpolviz.policy.fix.SnapshotEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposals the user added to the open place as drafts: policies that are not in its files but
 * are evaluated, listed and switched like the others, marked as drafts. A new policy is listed
 * under its own name; a changed one under {@code NAME-draft} beside the policy it would replace
 * (which is switched off when the draft is added, so that switching the two over compares them).
 * Saving writes each under the name it would be applied with. NetworkPolicies and the Admin
 * tier's cluster-wide policies alike.
 *
 * @param entries the NetworkPolicy drafts, in the order they were added
 * @param clusterEntries the cluster-wide drafts, in the order they were added
 * @param labels labels the drafts need added to workloads
 */
public record DraftPolicies(List<Entry> entries, List<ClusterEntry> clusterEntries, List<LabelChange> labels) {

    public static final DraftPolicies NONE = new DraftPolicies(List.of(), List.of(), List.of());

    /** A cluster-wide draft, as {@link Entry} is a NetworkPolicy's. */
    public record ClusterEntry(ClusterPolicy applied, PolicyId listedAs, PolicyId replaces) {
    }

    /**
     * One draft: the policy as it would be applied, the id it is listed and switched under, and the
     * policy of the cluster it would replace (null for a new one).
     */
    public record Entry(NetworkPolicy applied, PolicyId listedAs, PolicyId replaces) {
    }

    public DraftPolicies {
        entries = List.copyOf(entries);
        clusterEntries = List.copyOf(clusterEntries);
        labels = List.copyOf(labels);
    }

    /** These drafts and the policies of {@code draft}; a later draft of the same policy takes the place of the earlier. */
    public DraftPolicies with(Draft draft, ClusterSnapshot files) {
        List<Entry> next = new ArrayList<>(entries);
        for (NetworkPolicy policy : draft.policies()) {
            next.removeIf(entry -> entry.applied().id().equals(policy.id()));
            if (draft.created().contains(policy.id()) || files.policy(policy.id()).isEmpty()) {
                next.add(new Entry(policy, policy.id(), null));
            } else {
                next.add(new Entry(policy, freeId(policy.id(), files, next), policy.id()));
            }
        }
        List<ClusterEntry> nextCluster = new ArrayList<>(clusterEntries);
        for (ClusterPolicy policy : draft.clusterPolicies()) {
            nextCluster.removeIf(entry -> entry.applied().id().equals(policy.id()));
            if (draft.created().contains(policy.id()) || files.clusterPolicy(policy.id()).isEmpty()) {
                nextCluster.add(new ClusterEntry(policy, policy.id(), null));
            } else {
                PolicyId listedAs = new PolicyId(policy.kind(), policy.name() + "-draft");
                for (int n = 2; files.clusterPolicy(listedAs).isPresent(); n++) {
                    listedAs = new PolicyId(policy.kind(), policy.name() + "-draft-" + n);
                }
                nextCluster.add(new ClusterEntry(policy, listedAs, policy.id()));
            }
        }
        List<LabelChange> allLabels = new ArrayList<>(labels);
        draft.labels().stream().filter(label -> !allLabels.contains(label)).forEach(allLabels::add);
        return new DraftPolicies(next, nextCluster, allLabels);
    }

    private static PolicyId freeId(PolicyId id, ClusterSnapshot files, List<Entry> taken) {
        String base = id.name() + "-draft";
        PolicyId candidate = new PolicyId(id.namespace(), base);
        for (int n = 2; files.policy(candidate).isPresent() || isListed(candidate, taken); n++) {
            candidate = new PolicyId(id.namespace(), base + "-" + n);
        }
        return candidate;
    }

    private static boolean isListed(PolicyId id, List<Entry> entries) {
        return entries.stream().anyMatch(entry -> entry.listedAs().equals(id));
    }

    /** The snapshot of the files with the drafts added under the ids they are listed as, and their labels. */
    public ClusterSnapshot applyTo(ClusterSnapshot files) {
        if (isEmpty()) {
            return files;
        }
        List<NetworkPolicy> listed = new ArrayList<>();
        for (Entry entry : entries) {
            NetworkPolicy p = entry.applied();
            listed.add(new NetworkPolicy(p.namespace(), entry.listedAs().name(), p.podSelector(), p.declaredPolicyTypes(), p.ingress(),
                    p.egress(), p.where(), p.sourceText()));
        }
        List<ClusterPolicy> clusterListed = new ArrayList<>();
        for (ClusterEntry entry : clusterEntries) {
            ClusterPolicy p = entry.applied();
            clusterListed.add(new ClusterPolicy(p.kind(), entry.listedAs().name(), p.tier(), p.priority(), p.subject(), p.ingress(), p.egress(),
                    p.where(), p.sourceText()));
        }
        return SnapshotEdits.apply(files, new Draft(listed, clusterListed, Set.of(), labels, List.of()));
    }

    public boolean isEmpty() {
        return entries.isEmpty() && clusterEntries.isEmpty() && labels.isEmpty();
    }

    /** Whether {@code listedAs} is a draft, of either kind. */
    public boolean isDraft(PolicyId listedAs) {
        return entry(listedAs).isPresent() || clusterEntries.stream().anyMatch(entry -> entry.listedAs().equals(listedAs));
    }

    /** The policy of the files the draft listed as {@code listedAs} would replace, of either kind; empty for a new one. */
    public Optional<PolicyId> replaces(PolicyId listedAs) {
        return entry(listedAs).map(Entry::replaces).or(() -> clusterEntries.stream().filter(entry -> entry.listedAs().equals(listedAs))
                .findFirst().map(ClusterEntry::replaces));
    }

    /** The cluster-wide policies to save, as they would be applied. */
    public List<ClusterPolicy> clusterToApply() {
        return clusterEntries.stream().map(ClusterEntry::applied).toList();
    }

    public Optional<Entry> entry(PolicyId listedAs) {
        return entries.stream().filter(entry -> entry.listedAs().equals(listedAs)).findFirst();
    }

    /** The ids the drafts are listed under. */
    public Set<PolicyId> listed() {
        Set<PolicyId> ids = new TreeSet<>();
        entries.forEach(entry -> ids.add(entry.listedAs()));
        clusterEntries.forEach(entry -> ids.add(entry.listedAs()));
        return ids;
    }

    /** The policies to save, as they would be applied. */
    public List<NetworkPolicy> toApply() {
        return entries.stream().map(Entry::applied).toList();
    }
}

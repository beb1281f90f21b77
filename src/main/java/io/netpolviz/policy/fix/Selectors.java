package io.netpolviz.policy.fix;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Selectors as narrow as the cluster's labels allow: one that picks a workload's pods and as few
 * others as possible, and one that leaves a workload's pods out of what a selector picked.
 * "As few as possible" is measured on the workloads of the snapshot, so a selector that is exact
 * here is what a proposal can promise; the evaluation of the changed cluster has the last word.
 */
final class Selectors {

    /** The label a narrower proposal adds to a workload's pods so that a selector can name them alone. */
    static final String IDENTITY_KEY = "netpolviz.io/workload";

    private final ClusterSnapshot snapshot;

    Selectors(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The pods of {@code workload} and of no other workload with other labels: all its labels, and
     * {@code DoesNotExist} for a key of each workload whose labels include them all. A workload
     * with the identity label is named by it alone.
     */
    LabelSelector exact(Workload workload) {
        String identity = workload.podLabels().get(IDENTITY_KEY);
        if (identity != null) {
            return LabelSelector.ofLabels(Map.of(IDENTITY_KEY, identity));
        }
        LabelSelector byLabels = LabelSelector.ofLabels(workload.podLabels());
        TreeSet<String> absent = new TreeSet<>();
        for (Workload other : inNamespace(workload.namespace())) {
            if (other.podLabels().equals(workload.podLabels()) || !byLabels.matches(other.podLabels())) {
                continue;
            }
            boolean alreadyLeftOut = other.podLabels().keySet().stream().anyMatch(absent::contains);
            if (!alreadyLeftOut) {
                absent.add(other.podLabels().keySet().stream().filter(k -> !workload.podLabels().containsKey(k)).sorted()
                        .findFirst().orElseThrow());
            }
        }
        List<LabelRequirement> requirements = absent.stream()
                .map(key -> new LabelRequirement(key, SelectorOperator.DOES_NOT_EXIST, List.of())).toList();
        return new LabelSelector(workload.podLabels(), requirements);
    }

    /** The other workloads {@link #exact} cannot tell from {@code workload}: the same labels in the same namespace. */
    List<Workload> twins(Workload workload) {
        LabelSelector selector = exact(workload);
        return inNamespace(workload.namespace()).stream()
                .filter(other -> !other.equals(workload) && selector.matches(other.podLabels())).toList();
    }

    /** A peer naming the pods of {@code workload}, written into a policy of {@code policyNamespace}. */
    PolicyPeer peer(String policyNamespace, Workload workload) {
        LabelSelector pods = exact(workload);
        return workload.namespace().equals(policyNamespace) ? new PolicyPeer(pods, null, null)
                : new PolicyPeer(pods, namespaceNamed(workload.namespace()), null);
    }

    static LabelSelector namespaceNamed(String namespace) {
        return LabelSelector.ofLabels(Map.of(Namespace.NAME_LABEL, namespace));
    }

    /**
     * A requirement that {@code workload}'s pods fail and as few of {@code scope}'s other
     * workloads as possible: {@code key NotIn (value)} for the label fewest of them share. Empty
     * when the workload has no label to tell it by.
     */
    Optional<LabelRequirement> leaveOut(Workload workload, List<Workload> scope) {
        LabelRequirement best = null;
        long bestShared = Long.MAX_VALUE;
        for (Map.Entry<String, String> label : new java.util.TreeMap<>(workload.podLabels()).entrySet()) {
            long shared = scope.stream().filter(other -> !other.equals(workload))
                    .filter(other -> label.getValue().equals(other.podLabels().get(label.getKey()))).count();
            if (shared < bestShared) {
                bestShared = shared;
                best = new LabelRequirement(label.getKey(), SelectorOperator.NOT_IN, List.of(label.getValue()));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The workload of this id as the snapshot the selectors are designed on has it (it may carry a new label). */
    Workload workload(String id) {
        return snapshot.workloads().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    /** The workloads a pod peer of a policy in {@code policyNamespace} picks. */
    List<Workload> matchedBy(String policyNamespace, PolicyPeer peer) {
        List<Workload> out = new ArrayList<>();
        LabelSelector pods = peer.podSelector() == null ? LabelSelector.EVERYTHING : peer.podSelector();
        for (Workload workload : snapshot.workloads()) {
            boolean namespaceFits = peer.namespaceSelector() == null ? workload.namespace().equals(policyNamespace)
                    : peer.namespaceSelector().matches(namespaceLabels(workload.namespace()));
            if (namespaceFits && pods.matches(workload.podLabels())) {
                out.add(workload);
            }
        }
        return out;
    }

    Map<String, String> namespaceLabels(String namespace) {
        return snapshot.namespace(namespace).map(Namespace::labels).orElseGet(() -> new Namespace(namespace, Map.of(), true, null).labels());
    }

    List<Workload> inNamespace(String namespace) {
        return snapshot.workloads().stream().filter(w -> w.namespace().equals(namespace)).toList();
    }

    /** A selector with one more requirement. */
    static LabelSelector and(LabelSelector selector, LabelRequirement requirement) {
        LabelSelector base = selector == null ? LabelSelector.EVERYTHING : selector;
        List<LabelRequirement> requirements = new ArrayList<>(base.matchExpressions());
        requirements.add(requirement);
        return new LabelSelector(base.matchLabels(), requirements);
    }
}

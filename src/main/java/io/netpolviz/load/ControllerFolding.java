package io.netpolviz.load;

import io.netpolviz.load.SnapshotBuilder.Entry;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the objects a controller runs into the controller, and names pods whose controller the
 * input lacks by that controller, as netpol-analyzer does: a pod with an {@code ownerReferences}
 * entry marked {@code controller: true} (other than a Node's) is shown as its owner,
 * {@code default/details-v1-79f774bdb9} for the pods of that ReplicaSet, and the pods of one owner
 * are one workload (pods that differ in what a policy can see are shown apart, {@link OwnedPods}).
 */
final class ControllerFolding {

    private ControllerFolding() {
    }

    /**
     * {@code kept} with an owner made up for each controller that pods name but the input lacks,
     * from its first pod (labels, ports) and counting its pods; an owner of a kind that is not a
     * workload kind NetPolViz knows leaves its pods named as pods.
     */
    static List<Entry> withAbsentOwners(List<Entry> kept) {
        Map<String, Entry> present = new HashMap<>();
        for (Entry entry : kept) {
            if (entry.value() instanceof Workload) {
                present.put(workloadKey(entry.kind(), entry.namespace(), entry.name()), entry);
            }
        }
        Map<String, List<Workload>> podsByAbsentOwner = new LinkedHashMap<>();
        Map<String, Entry> firstPod = new HashMap<>();
        for (Entry entry : kept) {
            if (!entry.kind().equals("Pod") || entry.controller() == null || entry.controller().kind().equals("Node")
                    || WorkloadKind.fromApiKind(entry.controller().kind()).isEmpty()) {
                continue;
            }
            String key = workloadKey(entry.controller().kind(), entry.namespace(), entry.controller().name());
            if (!present.containsKey(key)) {
                podsByAbsentOwner.computeIfAbsent(key, k -> new ArrayList<>()).add((Workload) entry.value());
                firstPod.putIfAbsent(key, entry);
            }
        }
        if (podsByAbsentOwner.isEmpty()) {
            return kept;
        }
        List<Entry> withOwners = new ArrayList<>(kept);
        podsByAbsentOwner.forEach((key, pods) -> {
            Entry pod = firstPod.get(key);
            Workload first = pods.get(0);
            Optional<WorkloadKind> kind = WorkloadKind.fromApiKind(pod.controller().kind());
            Workload owner = new Workload(pod.namespace(), pod.controller().name(), kind.orElseThrow(), pods.size(), first.podLabels(),
                    first.ports(), first.hostNetwork(), pod.where());
            withOwners.add(new Entry(pod.controller().kind(), pod.namespace(), pod.controller().name(), pod.where(), owner, null));
        });
        return withOwners;
    }

    /**
     * Finds the workloads run by another workload that is present too (a ReplicaSet of a
     * Deployment, the Pods of a ReplicaSet, a Job of a CronJob): they are the owner's pods,
     * already shown by it, so they are folded into it. Without their owner they stay. Returns each
     * folded entry with the workload it is shown as. Pods are folded without a note: that is how
     * every controller's pods come, and one that differs from its template gets a note of its own
     * when it is shown apart ({@link OwnedPods}). Objects read from a cluster get no note either.
     */
    static Map<Entry, Entry> foldIntoOwners(List<Entry> kept, List<Diagnostic> out) {
        Map<String, Entry> workloads = new HashMap<>();
        for (Entry entry : kept) {
            if (entry.value() instanceof Workload) {
                workloads.put(workloadKey(entry.kind(), entry.namespace(), entry.name()), entry);
            }
        }
        Map<Entry, Entry> ownerOf = new IdentityHashMap<>();
        for (Entry entry : kept) {
            if (entry.value() instanceof Workload && entry.controller() != null) {
                Entry owner = workloads.get(workloadKey(entry.controller().kind(), entry.namespace(), entry.controller().name()));
                if (owner != null && owner != entry) {
                    ownerOf.put(entry, owner);
                }
            }
        }
        Map<Entry, Entry> folded = new IdentityHashMap<>();
        Map<String, List<Diagnostic>> notesByKind = new java.util.TreeMap<>();
        for (Entry entry : kept) {
            Entry owner = ownerOf.get(entry);
            if (owner == null || ownsItself(entry, ownerOf)) {
                continue;
            }
            Entry shownAs = owner;
            while (ownerOf.containsKey(shownAs) && !ownsItself(shownAs, ownerOf)) {
                shownAs = ownerOf.get(shownAs);
            }
            folded.put(entry, shownAs);
            if (!entry.where().isFile() || entry.kind().equals("Pod")) {
                continue;
            }
            String message = entry.subject() + " is run by " + owner.subject() + " (" + owner.where().display() + ")";
            message += shownAs == owner ? " and is shown as part of it"
                    : ", which belongs to " + shownAs.subject() + "; it is shown as part of that " + shownAs.kind();
            notesByKind.computeIfAbsent(entry.kind(), kind -> new ArrayList<>()).add(Diagnostic.note(entry.where(), message));
        }
        // One line per kind: a dump of a real cluster holds a ReplicaSet for every Deployment.
        notesByKind.forEach((kind, notes) -> out.add(notes.size() == 1 ? notes.get(0) : Diagnostic.note(notes.get(0).where(),
                String.format(java.util.Locale.ROOT, "%,d %s objects are run by workloads also read and are shown as part of them;"
                        + " the first: %s", notes.size(), kind, notes.get(0).message()))));
        return folded;
    }

    /** Whether following controllers from {@code entry} comes back to it: such a circle is left unfolded. */
    private static boolean ownsItself(Entry entry, Map<Entry, Entry> ownerOf) {
        Entry at = ownerOf.get(entry);
        for (int steps = 0; at != null && steps <= ownerOf.size(); steps++) {
            if (at == entry) {
                return true;
            }
            at = ownerOf.get(at);
        }
        return false;
    }

    private static String workloadKey(String kind, String namespace, String name) {
        return kind + '\u0000' + namespace + '\u0000' + name;
    }
}

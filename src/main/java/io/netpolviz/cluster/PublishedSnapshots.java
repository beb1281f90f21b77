package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a session holds into the snapshot the view shows, and tells a new one from the
 * last: a snapshot equal to the last one is no update (only its manifests are kept current, for
 * a later write), and a re-read that came without events is explained by how it differs from
 * the last one. Confined to the source's thread, but for {@link #capture()}.
 */
final class PublishedSnapshots {

    private static final Comparator<StoredObject> MANIFEST_ORDER = Comparator.comparing(StoredObject::key);

    private final ClusterOptions options;
    private ClusterSnapshot lastSnapshot;
    private Map<ObjectKey, Map<String, Object>> lastManifests = Map.of();
    private Instant lastChange;
    private volatile ClusterCapture capture;

    PublishedSnapshots(ClusterOptions options) {
        this.options = options;
    }

    /**
     * The snapshot of {@code objects} and why it changed, if it differs from the last one.
     *
     * @param gaps the resources the session could not read, which become error diagnostics
     * @param changes the watch events it follows (none after a read)
     * @throws RuntimeException when the snapshot cannot be built: a bug, which the caller reports
     */
    Optional<ChangeCause> next(String context, List<StoredObject> objects, List<AccessGap> gaps, ChangeCause.Origin origin,
            List<ObjectChange> changes) {
        return next(context, objects, List.of(), gaps, origin, changes);
    }

    /** As above, with the policies of other projects the cluster holds, by name ({@link ForeignPolicies}). */
    Optional<ChangeCause> next(String context, List<StoredObject> objects, List<Map<String, Object>> foreignPolicies, List<AccessGap> gaps,
            ChangeCause.Origin origin, List<ObjectChange> changes) {
        String sourceName = ClusterRefs.sourceName(context);
        List<StoredObject> stored = new ArrayList<>(objects);
        stored.sort(MANIFEST_ORDER);
        List<StoredObject> shown = TopLevelObjects.select(stored, StoredObject::raw);
        Map<ObjectKey, Map<String, Object>> manifests = new LinkedHashMap<>();
        shown.forEach(object -> manifests.put(object.key(), object.manifest()));
        // A workload's pods go with it, named as its own: policies select pods by the pods' labels.
        TopLevelObjects.ownedPods(stored, StoredObject::raw)
                .forEach((pod, owner) -> manifests.put(pod.key(), OwnedPodManifest.of(pod.manifest(), owner.manifest())));
        List<Map<String, Object>> manifestList = List.copyOf(manifests.values());

        ClusterSnapshot built = ObjectsToSnapshot.toSnapshot(sourceName, manifestList, foreignPolicies);
        List<Diagnostic> diagnostics = new ArrayList<>(built.diagnostics());
        gaps.forEach(gap -> diagnostics.add(gap.diagnostic(sourceName)));
        diagnostics.addAll(missingNamespaces(sourceName, context, stored, gaps));
        ClusterSnapshot snapshot = built.withDiagnostics(diagnostics);
        if (snapshot.equals(lastSnapshot)) {
            lastManifests = manifests;
            capture = new ClusterCapture(lastSnapshot, manifestList);
            return Optional.empty();
        }
        List<ObjectChange> cause = origin == ChangeCause.Origin.RESYNC && changes.isEmpty()
                ? differences(lastManifests, manifests) : changes;
        lastSnapshot = snapshot;
        lastManifests = manifests;
        lastChange = Instant.now();
        capture = new ClusterCapture(snapshot, manifestList);
        return Optional.of(new ChangeCause(origin, cause));
    }

    /** The snapshot last published. */
    ClusterSnapshot snapshot() {
        return lastSnapshot;
    }

    /** When the last published snapshot was read; null before the first. */
    Instant lastChange() {
        return lastChange;
    }

    /** The last snapshot with its current manifests; null before the first. Any thread. */
    ClusterCapture capture() {
        return capture;
    }

    /** A chosen namespace that does not exist is most likely a typo: say so rather than show it empty. */
    private List<Diagnostic> missingNamespaces(String sourceName, String context, List<StoredObject> stored, List<AccessGap> gaps) {
        List<Diagnostic> missing = new ArrayList<>();
        for (String namespace : options.sortedNamespaces()) {
            boolean present = stored.stream().anyMatch(object -> object.key().kind().equals(ResourceKind.NAMESPACE.kind())
                    && object.key().name().equals(namespace));
            boolean unreadable = gaps.stream().anyMatch(gap -> gap.kind() == ResourceKind.NAMESPACE && namespace.equals(gap.namespace()));
            if (!present && !unreadable) {
                missing.add(Diagnostic.warning(SourceRef.inCluster(sourceName + "/Namespace/" + namespace, ResourceKind.NAMESPACE.kind()),
                        "namespace " + namespace + " was chosen but does not exist in the cluster; check the name with kubectl --context "
                        + context + " get ns"));
            }
        }
        return missing;
    }

    private static List<ObjectChange> differences(Map<ObjectKey, Map<String, Object>> before, Map<ObjectKey, Map<String, Object>> after) {
        List<ObjectChange> changes = new ArrayList<>();
        before.forEach((key, manifest) -> {
            Map<String, Object> now = after.get(key);
            if (now == null) {
                changes.add(key.change(ChangeType.DELETED));
            } else if (!now.equals(manifest)) {
                changes.add(key.change(ChangeType.MODIFIED));
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> changes.add(key.change(ChangeType.ADDED)));
        changes.sort(Comparator.naturalOrder());
        return changes;
    }
}

package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One list-and-watch of every resource NetPolViz reads, through fabric8 SharedIndexInformers:
 * cluster-wide, or per chosen namespace. A resource the user may not read is recorded as an
 * {@link AccessGap} and the rest goes on. The current objects are always read from the
 * informer stores, so a relist can leave neither ghosts nor duplicates. A session is used once:
 * after a lost connection the source starts a new one, which lists everything afresh.
 */
final class InformerSession implements AutoCloseable {

    /** What the session reports; called on fabric8's threads. */
    interface Events {
        void changed(ObjectChange change);

        /** An informer stopped after it had started: the watch broke in a way it will not repair. */
        void stopped(Watched watched, Throwable cause);
    }

    /** One informer: a resource, cluster-wide (namespace null) or in one namespace. */
    static final class Watched {
        final ResourceKind kind;
        final String namespace;
        final SharedIndexInformer<GenericKubernetesResource> informer;
        volatile AccessGap gap;
        /** The server does not serve this optional kind (its CRD is not installed): nothing to read, nothing wrong. */
        volatile boolean absent;

        Watched(ResourceKind kind, String namespace, SharedIndexInformer<GenericKubernetesResource> informer) {
            this.kind = kind;
            this.namespace = namespace;
            this.informer = informer;
        }
    }

    private final ClusterConnection connection;
    private final KubernetesSerialization serialization;
    private final Events events;
    private final List<Watched> watched = new ArrayList<>();
    private final Map<ObjectKey, StoredObject> cache = new HashMap<>();
    private volatile boolean closed;
    private volatile List<Map<String, Object>> foreignPolicies = List.of();

    InformerSession(ClusterConnection connection, ClusterOptions options, Events events) {
        this.connection = connection;
        this.events = events;
        KubernetesClient client = connection.client();
        this.serialization = client.getKubernetesSerialization();
        for (ResourceKind kind : ResourceKind.values()) {
            var resources = client.genericKubernetesResources(kind.definition());
            if (kind.clusterWide()) {
                // Cluster-wide policies apply in every namespace, whichever namespaces the user chose.
                watched.add(watch(kind, null, resources.runnableInformer(0)));
            } else if (options.allNamespaces()) {
                watched.add(watch(kind, null, kind.namespaced()
                        ? resources.inAnyNamespace().runnableInformer(0)
                        : resources.runnableInformer(0)));
            } else {
                for (String namespace : options.sortedNamespaces()) {
                    watched.add(watch(kind, namespace, kind.namespaced()
                            ? resources.inNamespace(namespace).runnableInformer(0)
                            : resources.withName(namespace).runnableInformer(0)));
                }
            }
        }
    }

    private Watched watch(ResourceKind kind, String namespace, SharedIndexInformer<GenericKubernetesResource> informer) {
        // Never let an informer retry a failed list on its own: the source decides, and relists from scratch.
        informer.exceptionHandler((started, failure) -> false);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource added) {
                report(kind, added, ChangeType.ADDED);
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                if (!sameForTheView(toMap(kind, before), toMap(kind, after))) {
                    report(kind, after, ChangeType.MODIFIED);
                }
            }

            @Override
            public void onDelete(GenericKubernetesResource deleted, boolean finalStateUnknown) {
                report(kind, deleted, ChangeType.DELETED);
            }
        });
        return new Watched(kind, namespace, informer);
    }

    private void report(ResourceKind kind, GenericKubernetesResource object, ChangeType type) {
        if (!closed && object != null && object.getMetadata() != null) {
            events.changed(new ObjectChange(kind.label(), object.getMetadata().getNamespace(), object.getMetadata().getName(), type));
        }
    }

    /**
     * Lists every resource and starts watching. Completes normally when each informer either
     * synced, was refused (403) or is not served (404), the last two recorded as gaps; fails
     * with the first other failure.
     */
    CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Watched one : watched) {
            starts.add(one.informer.start().toCompletableFuture().handle((ignored, failure) -> {
                if (failure == null) {
                    one.informer.stopped().whenComplete((done, cause) -> {
                        if (!closed && cause != null) {
                            events.stopped(one, cause);
                        }
                    });
                    return null;
                }
                int code = FailureExplainer.httpCode(failure);
                if (code == 403) {
                    // A list that went through leaves a resource version: then it was the watch that was refused.
                    String verb = one.informer.lastSyncResourceVersion() == null ? "list" : "watch";
                    one.gap = gapFor(one, verb, failure);
                    return null;
                }
                if (code == 404 && one.informer.lastSyncResourceVersion() == null) {
                    // A cluster without the network-policy-api's CRDs is normal: nothing to report.
                    if (one.kind.optional()) {
                        one.absent = true;
                    } else {
                        one.gap = AccessGap.notServed(one.kind, one.namespace);
                    }
                    return null;
                }
                throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
            }));
        }
        // Other projects' policies are counted once per session: a reconnect counts them again.
        return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                // Blocking requests: not on the client's own thread that completed the starts.
                .thenRunAsync(() -> foreignPolicies = ForeignPolicies.list(connection.client()));
    }

    /** The policies of other projects the cluster held when this session started, by name ({@link ForeignPolicies}). */
    List<Map<String, Object>> foreignPolicies() {
        return foreignPolicies;
    }

    AccessGap gapFor(Watched one, String verb, Throwable failure) {
        String said = FailureExplainer.find(failure, io.fabric8.kubernetes.client.KubernetesClientException.class)
                .flatMap(connection.explainer()::serverMessage).orElse("");
        return AccessGap.forbidden(one.kind, one.namespace, verb, said);
    }

    /** Whether every readable resource is being watched right now. */
    boolean watching() {
        for (Watched one : watched) {
            if (one.gap == null && !one.absent && !one.informer.isWatching()) {
                return false;
            }
        }
        return true;
    }

    boolean nothingReadable() {
        return watched.stream().allMatch(one -> one.gap != null || one.absent);
    }

    List<AccessGap> gaps() {
        return CalicoVersions.uncovered(watched.stream().map(one -> one.gap).filter(Objects::nonNull).toList(),
                (kind, namespace) -> watched.stream().anyMatch(one -> one.kind == kind && Objects.equals(one.namespace, namespace)
                        && one.gap == null && !one.absent));
    }

    /**
     * The objects now in the stores, converted to maps once per resourceVersion. Called on the
     * source's thread only.
     */
    List<StoredObject> objects() {
        List<StoredObject> current = new ArrayList<>();
        Map<ObjectKey, StoredObject> seen = new HashMap<>();
        java.util.Set<ResourceKind> holding = java.util.EnumSet.noneOf(ResourceKind.class);
        watched.stream().filter(one -> !one.informer.getStore().list().isEmpty()).forEach(one -> holding.add(one.kind));
        for (Watched one : watched) {
            if (CalicoVersions.superseded(one.kind, holding::contains)) {
                continue;
            }
            for (GenericKubernetesResource resource : one.informer.getStore().list()) {
                ObjectKey key = new ObjectKey(one.kind.label(), resource.getMetadata().getNamespace(), resource.getMetadata().getName());
                String version = Objects.toString(resource.getMetadata().getResourceVersion(), "");
                StoredObject stored = cache.get(key);
                if (stored == null || version.isEmpty() || !stored.resourceVersion().equals(version)) {
                    stored = GenericResources.stored(one.kind, resource, serialization);
                }
                if (seen.putIfAbsent(key, stored) == null) {
                    current.add(stored);
                }
            }
        }
        cache.clear();
        cache.putAll(seen);
        return current;
    }

    private Map<String, Object> toMap(ResourceKind kind, GenericKubernetesResource resource) {
        return GenericResources.toMap(kind, resource, serialization);
    }

    /**
     * Whether an update leaves everything the view depends on as it was: the cleaned manifest,
     * the owners (which decide whether a pod is shown on its own) and a pod's phase. Status
     * updates of running pods are frequent and would otherwise cause a stream of no-op updates.
     */
    static boolean sameForTheView(Map<String, Object> before, Map<String, Object> after) {
        return ManifestCleaner.clean(before).equals(ManifestCleaner.clean(after))
                && Objects.equals(ApiObjects.metadata(before).get("ownerReferences"), ApiObjects.metadata(after).get("ownerReferences"))
                && Objects.equals(ApiObjects.map(before.get("status")).get("phase"), ApiObjects.map(after.get("status")).get("phase"));
    }

    @Override
    public void close() {
        closed = true;
        for (Watched one : watched) {
            one.informer.stop();
        }
    }
}

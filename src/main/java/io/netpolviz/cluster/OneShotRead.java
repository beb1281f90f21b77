package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cluster once, for the commands that answer and exit ({@code analyze}, {@code check},
 * {@code explain}, {@code snapshot}): one list per resource, converted once, and no informers,
 * whose stores and watches a one-off answer does not need and would hold the objects twice. What
 * it cannot read becomes the same gaps and messages as the watching source gives
 * ({@link ClusterSource}); the snapshot comes from the same {@link PublishedSnapshots}.
 */
final class OneShotRead {

    private OneShotRead() {
    }

    /**
     * @throws ClusterAccessException when the cluster cannot be read: lasting failures at once,
     *     transient ones after {@code attempts} tries or when {@code timeout} has passed, with the
     *     user's message (each request is bounded by the options' request timeout)
     */
    static ClusterCapture read(ClusterOptions options, int attempts, Duration timeout) throws ClusterAccessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Failure last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (ClusterConnection connection = ClusterConnection.open(options)) {
                try {
                    return readAll(connection, options);
                } catch (KubernetesClientException | IllegalStateException e) {
                    last = connection.explainer().explain(e);
                    if (last.lasting()) {
                        throw new ClusterAccessException(last.message());
                    }
                }
            }
            Duration pause = options.timing().retryMin();
            if (attempt == attempts || System.nanoTime() + pause.toNanos() > deadline) {
                break;
            }
            Thread.sleep(pause.toMillis());
        }
        throw new ClusterAccessException(last.message());
    }

    private static ClusterCapture readAll(ClusterConnection connection, ClusterOptions options) throws ClusterAccessException {
        KubernetesClient client = connection.client();
        KubernetesSerialization serialization = client.getKubernetesSerialization();
        java.util.Map<ResourceKind, List<StoredObject>> byKind = new java.util.EnumMap<>(ResourceKind.class);
        java.util.Set<String> read = new java.util.HashSet<>();
        List<AccessGap> gaps = new ArrayList<>();
        boolean readSomething = false;
        for (ResourceKind kind : ResourceKind.values()) {
            var resources = client.genericKubernetesResources(kind.definition());
            List<String> namespaces = kind.clusterWide() || options.allNamespaces() ? java.util.Collections.singletonList(null)
                    : List.copyOf(options.sortedNamespaces());
            for (String namespace : namespaces) {
                List<GenericKubernetesResource> items;
                try {
                    if (namespace == null) {
                        items = kind.namespaced() && !kind.clusterWide()
                                ? resources.inAnyNamespace().list().getItems() : resources.list().getItems();
                    } else if (kind.namespaced()) {
                        items = resources.inNamespace(namespace).list().getItems();
                    } else {
                        GenericKubernetesResource one = resources.withName(namespace).get();
                        items = one == null ? List.of() : List.of(one);
                    }
                } catch (KubernetesClientException e) {
                    if (e.getCode() == 403) {
                        gaps.add(AccessGap.forbidden(kind, namespace, "list", connection.explainer().serverMessage(e).orElse("")));
                        continue;
                    }
                    if (e.getCode() == 404) {
                        // A cluster without the network-policy-api's CRDs is normal: nothing to report.
                        if (!kind.optional()) {
                            gaps.add(AccessGap.notServed(kind, namespace));
                        }
                        continue;
                    }
                    throw e;
                }
                readSomething = true;
                read.add(kind + "/" + namespace);
                for (GenericKubernetesResource item : items) {
                    if (item.getMetadata() != null) {
                        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(GenericResources.stored(kind, item, serialization));
                    }
                }
            }
        }
        if (!readSomething) {
            throw new ClusterAccessException(ConnectionMessages.nothingReadable(connection, options, gaps));
        }
        List<StoredObject> objects = new ArrayList<>();
        byKind.forEach((kind, stored) -> {
            if (!CalicoVersions.superseded(kind, byKind::containsKey)) {
                objects.addAll(stored);
            }
        });
        gaps = CalicoVersions.uncovered(gaps, (kind, namespace) -> read.contains(kind + "/" + namespace));
        PublishedSnapshots published = new PublishedSnapshots(options);
        published.next(connection.context(), objects, ForeignPolicies.list(client), gaps, ChangeCause.Origin.INITIAL_READ, List.of());
        return published.capture();
    }

}

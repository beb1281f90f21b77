package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.testing.Timing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSourceTest {

    @TempDir
    Path temp;

    private MockCluster cluster;
    private final RecordingListener listener = new RecordingListener();
    private ClusterSource source;

    @BeforeEach
    void startCluster() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void stopEverything() {
        // Server first: the mock server can stall for a minute when a client closes its watches.
        cluster.close();
        if (source != null) {
            source.close();
        }
    }

    private ClusterSnapshot connectAndAwaitFirstSnapshot() throws Exception {
        source = ClusterSource.open(cluster.options(temp), listener);
        return listener.awaitSnapshot(p -> true).snapshot();
    }

    private static List<String> workloads(ClusterSnapshot snapshot) {
        return snapshot.workloads().stream().map(w -> w.kind().apiKind() + " " + w.id()).toList();
    }

    private static List<String> policies(ClusterSnapshot snapshot) {
        return snapshot.policies().stream().map(p -> p.id().toString()).toList();
    }

    @Test
    void objectsOnTheServerAppearInTheFirstSnapshot() throws Exception {
        Fixtures.createShop(cluster.admin());

        RecordingListener.Published first;
        source = ClusterSource.open(cluster.options(temp), listener);
        first = listener.awaitSnapshot(p -> true);
        ClusterSnapshot snapshot = first.snapshot();

        assertEquals(ChangeCause.Origin.INITIAL_READ, first.cause().origin());
        assertEquals("cluster:mock", snapshot.sourceName());
        assertEquals("web", snapshot.namespace("shop").orElseThrow().labels().get("team"));
        assertEquals(List.of("Pod shop/debug", "Deployment shop/web"), workloads(snapshot));
        Workload web = snapshot.workloads().stream().filter(w -> w.kind() == WorkloadKind.DEPLOYMENT).findFirst().orElseThrow();
        assertEquals(3, web.replicas());
        assertEquals(Map.of("app", "web"), web.podLabels());
        assertEquals("cluster:mock/Deployment/shop/web", web.where().file());
        assertEquals(List.of("shop/web"), snapshot.services().stream().map(s -> s.namespace() + "/" + s.name()).toList());
        assertEquals(List.of("shop/deny-all", "shop/web-from-debug"), policies(snapshot));
        assertFalse(snapshot.hasErrors(), () -> snapshot.diagnostics().toString());
        ConnectionStatus connected = listener.awaitState(ConnectionState.CONNECTED);
        assertTrue(connected.message().contains("Watching context 'mock'"), connected.message());
        assertEquals("mock", connected.context());
        assertTrue(connected.lastChange() != null);
    }

    @Test
    void podsMadeByAControllerThatWasReadAreNotCountedTwice() throws Exception {
        Deployment web = cluster.admin().resource(Fixtures.deployment("shop", "web", 2, Map.of("app", "web"))).create();
        ReplicaSet replicas = cluster.admin().resource(Fixtures.replicaSetOwnedBy(web, "web-5d8f")).create();
        cluster.admin().resource(Fixtures.podOwnedBy(replicas, "web-5d8f-a", Map.of("app", "web"))).create();
        cluster.admin().resource(Fixtures.podOwnedBy(replicas, "web-5d8f-b", Map.of("app", "web"))).create();
        // Owned by something NetPolViz does not read: the pod must still be shown.
        Pod orphan = Fixtures.pod("shop", "operator-made", Map.of("app", "db"));
        orphan.getMetadata().getOwnerReferences().add(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                .withApiVersion("example.com/v1").withKind("Database").withName("db").withUid("uid-not-read").withController(true).build());
        cluster.admin().resource(orphan).create();
        Pod finished = Fixtures.pod("shop", "migration", Map.of("app", "migrate"));
        finished.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Succeeded").build());
        cluster.admin().resource(finished).create();

        ClusterSnapshot snapshot = connectAndAwaitFirstSnapshot();

        assertEquals(List.of("Pod shop/operator-made", "Deployment shop/web"), workloads(snapshot));
    }

    @Test
    void creatingChangingAndDeletingAPodEachReachTheListenerAsOneChange() throws Exception {
        createChangeAndDeleteAPod();
    }

    @Test
    @Timing
    void creatingChangingAndDeletingAPodEachReachTheListenerWithinASecond() throws Exception {
        List<Long> latencies = createChangeAndDeleteAPod();
        System.out.println("cluster source: added, modified, deleted reached the listener after "
                + latencies.stream().map(nanos -> nanos / 1_000_000 + " ms").toList());
        for (long nanos : latencies) {
            assertTrue(nanos < 1_000_000_000L, "took " + nanos / 1_000_000 + " ms; all three: " + latencies);
        }
    }

    /** Creates, changes and deletes a pod, checks each update, and returns how long each took to arrive. */
    private List<Long> createChangeAndDeleteAPod() throws Exception {
        Fixtures.createShop(cluster.admin());
        connectAndAwaitFirstSnapshot();

        int before = listener.snapshotCount();
        long start = System.nanoTime();
        cluster.admin().resource(Fixtures.pod("shop", "cache", Map.of("app", "cache"))).create();
        RecordingListener.Published added = listener.awaitSnapshot(before,
                p -> workloads(p.snapshot()).contains("Pod shop/cache"));
        long addedAfter = added.atNanos() - start;
        assertEquals(ChangeCause.Origin.WATCH_EVENTS, added.cause().origin());
        assertEquals(new ObjectChange("Pod", "shop", "cache", ChangeType.ADDED), added.cause().first());

        before = listener.snapshotCount();
        start = System.nanoTime();
        cluster.admin().pods().inNamespace("shop").withName("cache")
                .edit(pod -> new PodBuilder(pod).editMetadata().addToLabels("tier", "backend").endMetadata().build());
        RecordingListener.Published modified = listener.awaitSnapshot(before, p -> p.snapshot().workloads().stream()
                .anyMatch(w -> w.name().equals("cache") && "backend".equals(w.podLabels().get("tier"))));
        long modifiedAfter = modified.atNanos() - start;
        assertEquals(List.of(new ObjectChange("Pod", "shop", "cache", ChangeType.MODIFIED)), modified.cause().changes());

        before = listener.snapshotCount();
        start = System.nanoTime();
        cluster.admin().pods().inNamespace("shop").withName("cache").delete();
        RecordingListener.Published deleted = listener.awaitSnapshot(before,
                p -> !workloads(p.snapshot()).contains("Pod shop/cache"));
        long deletedAfter = deleted.atNanos() - start;
        assertEquals(List.of(new ObjectChange("Pod", "shop", "cache", ChangeType.DELETED)), deleted.cause().changes());
        return List.of(addedAfter, modifiedAfter, deletedAfter);
    }

    @Test
    void policyChangesArePublishedWithThePolicyAsCause() throws Exception {
        Fixtures.createShop(cluster.admin());
        connectAndAwaitFirstSnapshot();

        int before = listener.snapshotCount();
        cluster.admin().resource(Fixtures.allow("shop", "web-from-cache", Map.of("app", "web"), Map.of("app", "cache"))).create();
        RecordingListener.Published added = listener.awaitSnapshot(before, p -> policies(p.snapshot()).contains("shop/web-from-cache"));
        assertEquals(new ObjectChange("NetworkPolicy", "shop", "web-from-cache", ChangeType.ADDED), added.cause().first());

        before = listener.snapshotCount();
        cluster.admin().network().v1().networkPolicies().inNamespace("shop").withName("web-from-cache").edit(policy -> {
            policy.getSpec().getPodSelector().getMatchLabels().put("app", "api");
            return policy;
        });
        RecordingListener.Published modified = listener.awaitSnapshot(before, p -> p.snapshot()
                .policy(new PolicyId("shop", "web-from-cache")).map(np -> np.podSelector().matchLabels().equals(Map.of("app", "api")))
                .orElse(false));
        assertEquals(List.of(new ObjectChange("NetworkPolicy", "shop", "web-from-cache", ChangeType.MODIFIED)), modified.cause().changes());

        before = listener.snapshotCount();
        cluster.admin().network().v1().networkPolicies().inNamespace("shop").withName("deny-all").delete();
        RecordingListener.Published deleted = listener.awaitSnapshot(before, p -> !policies(p.snapshot()).contains("shop/deny-all"));
        assertEquals(List.of(new ObjectChange("NetworkPolicy", "shop", "deny-all", ChangeType.DELETED)), deleted.cause().changes());
    }

    @Test
    void aBurstOfChangesGivesOneUpdateNamingEveryChange() throws Exception {
        Fixtures.createShop(cluster.admin());
        connectAndAwaitFirstSnapshot();
        int before = listener.snapshotCount();

        IntStream.range(0, 12).forEach(i ->
                cluster.admin().resource(Fixtures.pod("shop", "worker-" + i, Map.of("app", "worker"))).create());

        RecordingListener.Published all = listener.awaitSnapshot(before,
                p -> p.snapshot().workloads().stream().filter(w -> w.name().startsWith("worker-")).count() == 12);
        List<RecordingListener.Published> burst = listener.snapshots().subList(before, listener.snapshotCount());
        // One update, or at most a few when the machine is slow: never one per event.
        assertTrue(burst.size() <= 3, "updates: " + burst.size());
        long named = burst.stream().mapToLong(p -> p.cause().changes().size()).sum();
        assertEquals(12, named);
        assertTrue(all.cause().changes().size() > 1);
    }

    @Test
    void updatesThatChangeNothingTheViewShowsPublishNothing() throws Exception {
        Fixtures.createShop(cluster.admin());
        connectAndAwaitFirstSnapshot();
        int before = listener.snapshotCount();

        cluster.admin().pods().inNamespace("shop").withName("debug").edit(pod -> new PodBuilder(pod)
                .editMetadata().addToAnnotations(ManifestCleaner.LAST_APPLIED, "{\"big\":\"blob\"}").endMetadata().build());
        cluster.admin().resource(Fixtures.pod("shop", "sentinel", Map.of("app", "sentinel"))).create();

        RecordingListener.Published next = listener.awaitSnapshot(before, p -> workloads(p.snapshot()).contains("Pod shop/sentinel"));
        assertEquals(List.of(new ObjectChange("Pod", "shop", "sentinel", ChangeType.ADDED)), next.cause().changes());
        assertEquals(before + 1, listener.snapshotCount());
    }

    @Test
    void chosenNamespacesLimitTheView() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.admin().resource(Fixtures.namespace("billing", Map.of())).create();
        cluster.admin().resource(Fixtures.pod("billing", "invoices", Map.of("app", "invoices"))).create();
        cluster.admin().resource(Fixtures.denyAllIngress("billing", "deny-all")).create();

        ClusterOptions onlyShop = ClusterOptions.of(cluster.kubeconfig(temp), MockCluster.CONTEXT, Set.of("shop")).withTiming(MockCluster.FAST);
        source = ClusterSource.open(onlyShop, listener);
        ClusterSnapshot snapshot = listener.awaitSnapshot(p -> true).snapshot();

        assertEquals(List.of("shop"), snapshot.namespaces().stream().map(ns -> ns.name()).toList());
        assertEquals(List.of("Pod shop/debug", "Deployment shop/web"), workloads(snapshot));
        assertEquals(List.of("shop/deny-all", "shop/web-from-debug"), policies(snapshot));
        assertTrue(listener.awaitState(ConnectionState.CONNECTED).message().contains("(namespaces shop)"));

        int before = listener.snapshotCount();
        cluster.admin().resource(Fixtures.pod("billing", "ignored", Map.of())).create();
        cluster.admin().resource(Fixtures.pod("shop", "seen", Map.of())).create();
        RecordingListener.Published next = listener.awaitSnapshot(before, p -> workloads(p.snapshot()).contains("Pod shop/seen"));
        assertFalse(workloads(next.snapshot()).contains("Pod billing/ignored"));
    }

    @Test
    void aChosenNamespaceThatDoesNotExistIsReportedAsLikelyTypo() throws Exception {
        Fixtures.createShop(cluster.admin());
        ClusterOptions options = ClusterOptions.of(cluster.kubeconfig(temp), MockCluster.CONTEXT, Set.of("shop", "shpo"))
                .withTiming(MockCluster.FAST);

        source = ClusterSource.open(options, listener);
        ClusterSnapshot snapshot = listener.awaitSnapshot(p -> true).snapshot();

        assertEquals(List.of("namespace shpo was chosen but does not exist in the cluster; check the name with kubectl --context mock get ns"),
                snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::message).toList());
        assertEquals(List.of("Pod shop/debug", "Deployment shop/web"), workloads(snapshot));
    }

    @Test
    void aNamespaceOptionThatIsNoNamespaceNameIsRefusedBeforeAnyRequest() throws Exception {
        ClusterOptions options = ClusterOptions.of(cluster.kubeconfig(temp), MockCluster.CONTEXT, Set.of("Shop_Front"))
                .withTiming(MockCluster.FAST);

        source = ClusterSource.open(options, listener);
        ConnectionStatus error = listener.awaitState(ConnectionState.ERROR);

        assertTrue(error.message().startsWith("'Shop_Front' is not a namespace name"), error.message());
        assertEquals(List.of(), cluster.requestsWithToken());
    }

    @Test
    void aKindAnOldServerDoesNotServeIsLeftOutWithADiagnostic() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.answer(request -> request.getPath().startsWith("/apis/batch/v1/cronjobs")
                ? MockCluster.status(404, "NotFound", "the server could not find the requested resource") : null);

        ClusterSnapshot snapshot = connectAndAwaitFirstSnapshot();

        Diagnostic error = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(error.message().startsWith("the server does not serve cronjobs.batch batch/v1 (404 Not Found) — the view is partial"),
                error.message());
        assertEquals(List.of("shop/deny-all", "shop/web-from-debug"), policies(snapshot));
    }

    @Test
    void forbiddenNetworkPoliciesLeaveAPartialViewWithADiagnosticSayingWhatToGrant() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/v1/networkpolicies")
                ? MockCluster.status(403, "Forbidden", "networkpolicies.networking.k8s.io is forbidden: User \"tester\" cannot list "
                + "resource \"networkpolicies\" in API group \"networking.k8s.io\" at the cluster scope")
                : null);

        ClusterSnapshot snapshot = connectAndAwaitFirstSnapshot();

        assertEquals(List.of("Pod shop/debug", "Deployment shop/web"), workloads(snapshot));
        assertEquals(List.of(), policies(snapshot));
        List<Diagnostic> errors = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors::toString);
        String message = errors.get(0).message();
        assertTrue(message.startsWith("cannot list networkpolicies.networking.k8s.io in any namespace (cluster-wide): forbidden"), message);
        assertTrue(message.contains("the view is partial"), message);
        assertTrue(message.contains("grant get,list,watch on networkpolicies.networking.k8s.io"), message);
        assertTrue(message.contains("User \"tester\" cannot list"), message);
        assertEquals("cluster:mock/NetworkPolicy", errors.get(0).where().file());
        ConnectionStatus connected = listener.awaitState(ConnectionState.CONNECTED);
        assertTrue(connected.message().contains("Partial view: 1 resource is unreadable"), connected.message());
    }

    @Test
    void forbiddenInAChosenNamespaceNamesTheNamespace() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies")
                ? MockCluster.status(403, "Forbidden", "forbidden") : null);
        ClusterOptions onlyShop = ClusterOptions.of(cluster.kubeconfig(temp), MockCluster.CONTEXT, Set.of("shop")).withTiming(MockCluster.FAST);

        source = ClusterSource.open(onlyShop, listener);
        ClusterSnapshot snapshot = listener.awaitSnapshot(p -> true).snapshot();

        Diagnostic error = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(error.message().startsWith("cannot list networkpolicies.networking.k8s.io in namespace shop: forbidden"), error.message());
        assertEquals("cluster:mock/NetworkPolicy/shop", error.where().file());
    }

    @Test
    void listingWithoutTheRightToWatchKeepsWhatWasListedAndSaysUpdatesWillNotCome() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/v1/networkpolicies")
                && request.getPath().contains("watch=true")
                ? MockCluster.status(403, "Forbidden", "User \"tester\" cannot watch resource \"networkpolicies\"") : null);

        source = ClusterSource.open(cluster.options(temp), listener);
        RecordingListener.Published partial = listener.awaitSnapshot(p -> p.snapshot().hasErrors());

        assertEquals(List.of("shop/deny-all", "shop/web-from-debug"), policies(partial.snapshot()));
        Diagnostic error = partial.snapshot().diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(error.message().startsWith("cannot watch networkpolicies.networking.k8s.io in any namespace (cluster-wide): forbidden"
                + " — the view shows them as first read and will not follow changes"), error.message());
        listener.awaitStatus(status -> status.state() == ConnectionState.CONNECTED && status.message().contains("Partial view"));

        // Everything else still follows the cluster.
        int before = listener.snapshotCount();
        cluster.admin().resource(Fixtures.pod("shop", "late", Map.of())).create();
        listener.awaitSnapshot(before, p -> workloads(p.snapshot()).contains("Pod shop/late"));
    }

    @Test
    void forbiddenEverywhereIsAnErrorThatSaysWhatToAskFor() throws Exception {
        cluster.answer(request -> MockCluster.status(403, "Forbidden", "User \"tester\" cannot list anything"));

        source = ClusterSource.open(cluster.options(temp), listener);
        ConnectionStatus error = listener.awaitState(ConnectionState.ERROR);

        assertTrue(error.message().startsWith("Context 'mock': the server at " + cluster.url().replaceAll("/$", "")), error.message());
        assertTrue(error.message().contains("403 Forbidden"), error.message());
        assertTrue(error.message().contains("User \"tester\" cannot list anything"), error.message());
        assertFalse(error.retrying());
        assertEquals(0, listener.snapshotCount());
    }

    @Test
    void aLostServerShowsReconnectingAndTheNewServersObjectsReplaceTheOldWithoutGhosts() throws Exception {
        cluster.admin().resource(Fixtures.namespace("shop", Map.of())).create();
        cluster.admin().resource(Fixtures.pod("shop", "gone-after-restart", Map.of("app", "a"))).create();
        cluster.admin().resource(Fixtures.pod("shop", "survivor", Map.of("app", "b"))).create();
        cluster.admin().resource(Fixtures.denyAllIngress("shop", "deny-all")).create();
        ClusterSnapshot first = connectAndAwaitFirstSnapshot();
        assertEquals(List.of("Pod shop/gone-after-restart", "Pod shop/survivor"), workloads(first));

        cluster.stop();
        ConnectionStatus reconnecting = listener.awaitState(ConnectionState.RECONNECTING);
        assertTrue(reconnecting.message().startsWith("Context 'mock':"), reconnecting.message());
        assertTrue(reconnecting.retrying());
        assertTrue(source.latest().isPresent(), "the last snapshot stays available");

        cluster.restartWith(
                Fixtures.namespace("shop", Map.of()),
                Fixtures.pod("shop", "survivor", Map.of("app", "b", "restarted", "yes")),
                Fixtures.pod("shop", "newcomer", Map.of("app", "c")));

        RecordingListener.Published resync = listener.awaitSnapshot(1, p -> p.cause().origin() == ChangeCause.Origin.RESYNC);
        assertEquals(List.of("Pod shop/newcomer", "Pod shop/survivor"), workloads(resync.snapshot()));
        assertEquals(List.of(), policies(resync.snapshot()));
        assertEquals(List.of(
                new ObjectChange("NetworkPolicy", "shop", "deny-all", ChangeType.DELETED),
                new ObjectChange("Pod", "shop", "gone-after-restart", ChangeType.DELETED),
                new ObjectChange("Pod", "shop", "newcomer", ChangeType.ADDED),
                new ObjectChange("Pod", "shop", "survivor", ChangeType.MODIFIED)), resync.cause().changes());
        listener.awaitStatus(status -> status.state() == ConnectionState.CONNECTED && status.since().isAfter(reconnecting.since()));

        // And the new watch works.
        int before = listener.snapshotCount();
        cluster.admin().resource(Fixtures.pod("shop", "after", Map.of())).create();
        listener.awaitSnapshot(before, p -> workloads(p.snapshot()).contains("Pod shop/after"));
    }

    @Test
    void reconnectOnDemandRereadsTheKubeconfigAndRecovers() throws Exception {
        Fixtures.createShop(cluster.admin());
        cluster.answer(request -> MockCluster.status(401, "Unauthorized", "Unauthorized"));
        source = ClusterSource.open(cluster.options(temp), listener);
        ConnectionStatus error = listener.awaitState(ConnectionState.ERROR);
        assertTrue(error.message().contains("401 Unauthorized"), error.message());
        assertTrue(error.message().contains("log in again"), error.message());
        assertFalse(error.retrying());

        cluster.answerNormally();
        source.reconnect();

        listener.awaitState(ConnectionState.CONNECTED);
        assertEquals(List.of("shop/deny-all", "shop/web-from-debug"), policies(listener.awaitSnapshot(p -> true).snapshot()));
    }

    @Test
    void theSourceOnlyEverReadsTheCluster() throws Exception {
        Fixtures.createShop(cluster.admin());
        connectAndAwaitFirstSnapshot();
        cluster.admin().resource(Fixtures.pod("shop", "more", Map.of())).create();
        listener.awaitSnapshot(p -> workloads(p.snapshot()).contains("Pod shop/more"));

        List<String> requests = cluster.requestsWithToken();
        assertTrue(requests.size() >= 11, requests::toString);
        assertTrue(requests.stream().allMatch(request -> request.startsWith("GET ")), requests::toString);
        assertTrue(requests.stream().anyMatch(request -> request.contains("watch=true")), requests::toString);
        assertTrue(requests.stream().noneMatch(request -> request.contains("secrets") || request.contains("configmaps")), requests::toString);
    }
}

package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.ClusterStatusLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ConnectionState;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.cluster.MockCluster;
import io.netpolviz.graph.LabelPort;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.PortStyle;
import io.netpolviz.layout.Rect;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import io.netpolviz.testing.Timing;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Picture;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view-model following fabric8's mock API server over real HTTP: the same pipeline as a
 * folder, updates within seconds, partial views, outages, and switches that survive updates.
 */
class LiveClusterViewModelTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final PolicyId DNS = new PolicyId("production", "allow-dns-egress");
    private static final String TEST_RUNNER_TO_API = "staging/test-runner->production/backend-api";

    @TempDir
    Path dir;

    private MockCluster cluster;
    private UiThread ui;
    private BackgroundWork work;
    private MainViewModel model;
    /** Every text the user could see: status lines, cluster status, diagnostics. */
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = MockCluster.start();
        ui = new UiThread();
        work = BackgroundWork.withWorkerThread(ui::execute);
        model = ui.call(() -> new MainViewModel(work, Lessons.loader(),
                Lessons.scratchRecents(), false, ZoneOffset.UTC));
        ui.run(() -> {
            model.statusProperty().addListener((o, before, after) -> shown.add(after));
            model.cluster().clusterStatusProperty().addListener((o, before, after) -> {
                if (after != null) {
                    shown.add(after.text());
                    shown.add(after.detail());
                }
            });
            model.problems().diagnostics().addListener((javafx.collections.ListChangeListener<Diagnostic>) change ->
                    model.problems().diagnostics().forEach(d -> shown.add(d.display())));
        });
    }

    @AfterEach
    void stop() throws Exception {
        ui.run(model::close);
        ui.close();
        cluster.close();
    }

    private void connect() throws Exception {
        connect(cluster.options(dir));
    }

    private void connect(ClusterOptions options) throws Exception {
        ui.run(() -> model.cluster().connect(options));
    }

    private void awaitConnectedView() throws Exception {
        ui.await("the cluster's first snapshot on show", () -> model.evaluationProperty().get() != null
                && model.workspaceProperty().get().live() && state() == ConnectionState.CONNECTED, 20_000);
    }

    private ConnectionState state() {
        ConnectionStatus status = model.cluster().connectionProperty().get();
        return status == null ? null : status.state();
    }

    /** The label styles of the drawn edge that tells a pair's verdict (checked to state it exactly). */
    private List<PortStyle> styles(String pair) throws Exception {
        return ui.call(() -> Lessons.tellingStyles(model, pair));
    }

    private boolean allowed(String pair) throws Exception {
        return ui.call(() -> Lessons.pair(model, pair).anyAllowed());
    }

    private static boolean all(List<PortStyle> styles, PortStyle style) {
        return !styles.isEmpty() && styles.stream().allMatch(each -> each == style);
    }

    /** Each drawn edge with its label as it reads: what a picture draws, whatever its layout. */
    private static List<String> drawn(Evaluated evaluated) {
        return evaluated.picture().graph().edges().stream()
                .map(edge -> edge.key() + " " + edge.labelPorts().stream().map(LabelPort::display).toList()).toList();
    }

    @Test
    void connectingShowsTheClusterThroughTheSamePipelineAsAFolder() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();

        assertFalse(allowed(Lessons.TEST_RUNNER_TO_PAYMENTS));
        assertEquals(List.of(PortStyle.ALLOWED), styles(Lessons.FRONTEND_TO_API));
        // The picture a folder of the same objects gives: the same edges, the same labels.
        try (MainViewModel folder = Lessons.synchronousModel()) {
            // The cluster holds every object of the lesson: its last step.
            folder.open(List.of(Lessons.TUTORIAL), 5);
            assertEquals(drawn(folder.evaluationProperty().get()), ui.call(() -> drawn(model.evaluationProperty().get())));
        }
        assertTrue(ui.call(() -> model.switches().policyRow(DENY_ALL).orElseThrow().on()));
        assertTrue(ui.call(() -> model.titleProperty().get()).contains("cluster:mock (live)"));
        ClusterStatusLine.Summary line = ui.call(() -> model.cluster().clusterStatusProperty().get());
        assertEquals(ClusterStatusLine.Level.OK, line.level());
        assertTrue(line.text().matches("Connected to mock \u2014 last change \\d\\d:\\d\\d:\\d\\d, initial read"), line.text());
        assertFalse(line.reconnectOffered());
        assertTrue(ui.call(() -> model.problems().diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR)));
        assertFalse(ui.call(() -> model.cluster().policiesUnreadableProperty().get()));
    }

    @Test
    void aPolicyCreatedOnTheServerShowsMarkingWhatItChangedInTheShapeOfThePictureOnShow() throws Exception {
        createAPolicyThatBlocksTheTestRunnerAndAwaitThePicture();
    }

    @Test
    @Timing
    void aPolicyCreatedOnTheServerReachesTheDiagramWithinThreeSeconds() throws Exception {
        double seconds = createAPolicyThatBlocksTheTestRunnerAndAwaitThePicture();
        System.out.printf(Locale.ROOT, "live cluster: diagram updated %.2f s after the server accepted the policy%n", seconds);
        assertTrue(seconds < 3, "took " + seconds + " s");
    }

    /**
     * Creates a policy on the server that blocks the test runner's egress, checks that the picture
     * marks what changed in the shape of the picture on show, and returns the seconds until it showed it.
     */
    private double createAPolicyThatBlocksTheTestRunnerAndAwaitThePicture() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();

        // An update that changes no verdict (a policy that selects nothing) draws the same edges and moves nothing.
        Map<String, Rect> placed = ui.call(() -> bounds(model));
        List<String> edges = ui.call(() -> drawn(model.evaluationProperty().get()));
        cluster.admin().resource(selectingNothing("production", "for-later")).create();
        ui.await("the new policy listed", () -> model.switches().policyRow(new PolicyId("production", "for-later")).isPresent(), 10_000);
        assertEquals(edges, ui.call(() -> drawn(model.evaluationProperty().get())));
        assertEquals(placed, ui.call(() -> bounds(model)), "nothing drawn changed: nothing moves");

        Picture before = ui.call(() -> model.evaluationProperty().get().picture());
        assertTrue(all(styles(TEST_RUNNER_TO_API), PortStyle.ALLOWED));

        long created = System.nanoTime();
        cluster.admin().resource(denyEgress("staging", "lock-staging")).create();
        ui.await("test-runner -> backend-api blocked", () -> !Lessons.pair(model, TEST_RUNNER_TO_API).anyAllowed(), 20_000);
        double seconds = (System.nanoTime() - created) / 1e9;

        // Just closed by the update: drawn blocked, marked and flashing; an edge whose verdict stayed is not marked.
        assertTrue(all(styles(TEST_RUNNER_TO_API), PortStyle.BLOCKED));
        String closed = ui.call(() -> Lessons.edgeTelling(model, TEST_RUNNER_TO_API).key());
        assertTrue(ui.call(() -> model.diagramProperty().get().edge(closed).orElseThrow().changed()));
        assertTrue(ui.call(() -> model.flashProperty().get().edgeKeys().contains(closed)));
        assertFalse(ui.call(() -> Lessons.edgeTelling(model, Lessons.FRONTEND_TO_API).anyChanged()), "an edge whose verdict stayed is not marked");
        // Other edges are drawn now: laid out again, keeping the shape of the picture on show (its seed and direction).
        Picture after = ui.call(() -> model.evaluationProperty().get().picture());
        assertEquals(before.layoutSeed(), after.layoutSeed());
        assertEquals(before.layoutDown(), after.layoutDown());
        assertTrue(ui.call(() -> model.switches().policyRow(new PolicyId("staging", "lock-staging")).isPresent()));
        // The status line follows the snapshot through its own callback, so it may come a moment later.
        // The informer may also have learnt of the policy by a relist after a dropped watch; the line
        // then says "resync: NetworkPolicy staging/lock-staging ADDED", which names it just as well.
        ui.await("the status line names the policy", () -> model.cluster().clusterStatusProperty().get().text()
                .matches(".* \u2014 last change \\d\\d:\\d\\d:\\d\\d, (resync: )?NetworkPolicy staging/lock-staging ADDED"), 10_000);
        return seconds;
    }

    @Test
    void aPodCreatedOnTheServerAppearsAsANewNode() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();

        cluster.admin().resource(new PodBuilder().withNewMetadata().withNamespace("staging").withName("debug")
                .addToLabels("app", "debug").endMetadata()
                .withNewSpec().addNewContainer().withName("shell").withImage("busybox").endContainer().endSpec().build()).create();

        ui.await("the new pod as a node", () -> model.diagramProperty().get().node("staging/debug").isPresent(), 10_000);
        // Deny-all isolates production's pods: the new pod may reach nothing there but what is allowed.
        assertTrue(ui.call(() -> model.node("staging/debug").isPresent()));
        ui.await("the status line names the pod", () -> model.cluster().clusterStatusProperty().get().text().endsWith(", Pod staging/debug ADDED"), 10_000);
    }

    @Test
    void switchedOffPoliciesStayOffAcrossUpdatesAndPoliciesDeletedOnTheServerAreForgotten() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();
        ui.run(() -> {
            model.switches().toggle(DENY_ALL);
            model.switches().toggle(DNS);
        });
        ui.await("deny-all off", () -> Lessons.pair(model, Lessons.TEST_RUNNER_TO_PAYMENTS).anyAllowed(), 10_000);

        cluster.admin().network().v1().networkPolicies().inNamespace("production").withName(DNS.name()).delete();
        cluster.admin().resource(denyEgress("staging", "lock-staging")).create();
        ui.await("both changes shown", () -> model.switches().policyRow(DNS).isEmpty()
                && model.switches().policyRow(new PolicyId("staging", "lock-staging")).isPresent(), 10_000);

        assertFalse(ui.call(() -> model.switches().policyRow(DENY_ALL).orElseThrow().on()), "deny-all is still switched off");
        // lock-staging blocks the test runner's egress now; deny-all would block the ingress too, were it on.
        assertFalse(allowed(Lessons.TEST_RUNNER_TO_PAYMENTS));
        // The deleted DNS policy is no longer named as switched off.
        String title = ui.call(model.exporter()::exportTitle);
        ViewFilter filter = ui.call(() -> model.filters().filterProperty().get());
        assertEquals(ViewTitle.of("cluster:mock", List.of(DENY_ALL), filter), title);

        cluster.admin().network().v1().networkPolicies().inNamespace("staging").withName("lock-staging").delete();
        ui.await("lock-staging gone", () -> model.switches().policyRow(new PolicyId("staging", "lock-staging")).isEmpty(), 10_000);
        assertTrue(allowed(Lessons.TEST_RUNNER_TO_PAYMENTS), "still the what-if without deny-all");
        assertTrue(all(styles(Lessons.TEST_RUNNER_TO_PAYMENTS), PortStyle.ALLOWED));
    }

    @Test
    void aForbiddenResourceShowsAPartialViewInLoadProblemsAndTheStatusLine() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        // NetworkPolicies alone (Ingresses share their API group and stay readable).
        cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/") && request.getPath().contains("/networkpolicies")
                ? MockCluster.status(403, "Forbidden", "networkpolicies.networking.k8s.io is forbidden: User \"viewer\" cannot list resource")
                : null);
        connect();
        awaitConnectedView();

        List<Diagnostic> errors = ui.call(() -> model.problems().diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        assertTrue(errors.stream().anyMatch(d -> d.message().startsWith("cannot list networkpolicies.networking.k8s.io")
                && d.message().contains("the view is partial")), errors.toString());
        ClusterStatusLine.Summary line = ui.call(() -> model.cluster().clusterStatusProperty().get());
        assertEquals(ClusterStatusLine.Level.WARNING, line.level());
        assertTrue(line.text().contains("partial view: 1 resource is unreadable, see Load problems"), line.text());
        assertFalse(ui.call(() -> model.diagramProperty().get().nodes().isEmpty()), "the readable part is still drawn");
        assertTrue(ui.call(() -> model.cluster().policiesUnreadableProperty().get()), "an empty policy list does not claim there are none");
        assertFalse(ProblemsViewModel.hasSourceFile(errors.get(0).where()), "a cluster diagnostic links to no file");
    }

    @Test
    void aStoppedServerMakesItReconnectAndARestartedOneBringsTheNewStateBack() throws Exception {
        HasMetadata[] shop = {
            new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
            pod("shop", "web"), pod("shop", "db"),
        };
        for (HasMetadata object : shop) {
            cluster.admin().resource(object).create();
        }
        cluster.admin().resource(denyIngress("shop", "deny-all")).create();
        connect();
        awaitConnectedView();
        assertFalse(allowed("shop/web->shop/db"));

        cluster.stop();
        ui.await("reconnecting", () -> state() == ConnectionState.RECONNECTING, 10_000);
        ClusterStatusLine.Summary line = ui.call(() -> model.cluster().clusterStatusProperty().get());
        assertTrue(line.text().startsWith("Reconnecting: Context 'mock'"), line.text());
        assertTrue(line.reconnectOffered());
        assertFalse(allowed("shop/web->shop/db"), "the last state read stays on show");
        assertTrue(ui.call(() -> model.diagramProperty().get() != null));

        // The cluster comes back without the policy, as after a restore.
        cluster.restartWith(shop);
        ui.await("connected again with the policy gone", () -> state() == ConnectionState.CONNECTED
                && model.switches().policyRow(new PolicyId("shop", "deny-all")).isEmpty(), 15_000);
        assertTrue(allowed("shop/web->shop/db"));
        assertTrue(all(styles("shop/web->shop/db"), PortStyle.ALLOWED));
        ui.await("the status line names the resync", () -> model.cluster().clusterStatusProperty().get().text()
                .contains("resync: NetworkPolicy shop/deny-all DELETED"), 10_000);
    }

    @Test
    void anUnreachableServerIsAnErrorThatNamesTheContextAndOffersReconnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path kubeconfig = cluster.kubeconfig(dir);
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(cluster.url().replaceAll("/$", ""), "http://127.0.0.1:" + closedPort));
        connect(ClusterOptions.of(kubeconfig, MockCluster.CONTEXT, Set.of()).withTiming(MockCluster.FAST));

        ui.await("an error", () -> state() == ConnectionState.ERROR, 10_000);
        ClusterStatusLine.Summary line = ui.call(() -> model.cluster().clusterStatusProperty().get());
        assertEquals(ClusterStatusLine.Level.ERROR, line.level());
        assertTrue(line.text().startsWith("Error: Context 'mock': the server at http://127.0.0.1:" + closedPort + " refused the connection."),
                line.text());
        assertTrue(line.reconnectOffered());
        assertNull(ui.call(() -> model.diagramProperty().get()), "nothing drawn: the placeholder explains instead");
    }

    @Test
    void theTokenAppearsInNoStatusOrMessageEvenWhenTheServerQuotesIt() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        // NetworkPolicies alone (Ingresses share their API group and stay readable).
        cluster.answer(request -> request.getPath().startsWith("/apis/networking.k8s.io/") && request.getPath().contains("/networkpolicies")
                ? MockCluster.status(403, "Forbidden", "token " + MockCluster.TOKEN + " may not list networkpolicies")
                : null);
        connect();
        awaitConnectedView();
        cluster.stop();
        ui.await("reconnecting", () -> state() == ConnectionState.RECONNECTING, 10_000);
        ui.run(model.cluster()::reconnect);
        ui.await("reconnecting again", () -> state() == ConnectionState.RECONNECTING
                && model.cluster().connectionProperty().get().message().contains("Retrying"), 10_000);

        assertTrue(shown.stream().anyMatch(text -> text.contains("[redacted]")), "the quoted token was seen and hidden");
        assertTrue(shown.size() > 5, shown::toString);
        for (String text : shown) {
            assertFalse(text.contains(MockCluster.TOKEN), text);
        }
    }

    @Test
    void openingAFolderClosesTheClusterAndItsLateUpdatesAreIgnored() throws Exception {
        Set<Thread> earlier = clusterSourceThreads();
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();
        Set<Thread> followed = clusterSourceThreads();
        followed.removeAll(earlier);
        assertFalse(followed.isEmpty(), "the view follows the cluster through a source of its own");

        ui.run(() -> model.open(List.of(Path.of("sample-clusters/02-cross-namespace"))));
        ui.await("the folder on show", () -> model.workspaceProperty().get() != null && !model.workspaceProperty().get().live()
                && !model.busyProperty().get(), 20_000);
        assertFalse(ui.call(model.cluster()::followsCluster));
        assertNull(ui.call(() -> model.cluster().clusterStatusProperty().get()));

        cluster.admin().resource(denyEgress("staging", "lock-staging")).create();
        // A source calls its listener on its own thread only, so once that thread has ended nothing
        // more can come from it; whatever it sent before waits on the UI thread or the worker, and
        // one round trip through both lets it arrive.
        for (Thread thread : followed) {
            thread.join(20_000);
            assertFalse(thread.isAlive(), "the closed cluster source still runs");
        }
        drainWorkerAndUiThread();
        assertFalse(ui.call(() -> model.workspaceProperty().get().live()), "the closed source did not come back");
        assertFalse(ui.call(() -> model.switches().policyRow(new PolicyId("staging", "lock-staging")).isPresent()));
    }

    // ---------------------------------------------------------------- helpers

    /** The threads of the live cluster sources now running (see {@code ClusterSource}). */
    private static Set<Thread> clusterSourceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("netpolviz-cluster"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Returns once every job the worker held and every delivery it posted have run. */
    private void drainWorkerAndUiThread() throws Exception {
        CountDownLatch drained = new CountDownLatch(1);
        ui.run(() -> work.submit(BackgroundWork.Lane.KUBECONFIG, progress -> null, value -> drained.countDown()));
        assertTrue(drained.await(20, TimeUnit.SECONDS), "the worker drained");
        ui.run(() -> { });
    }

    private static Map<String, Rect> bounds(MainViewModel model) {
        return model.diagramProperty().get().nodes().stream()
                .collect(Collectors.toMap(NodeBox::id, NodeBox::bounds, (a, b) -> a, TreeMap::new));
    }

    private static HasMetadata pod(String namespace, String app) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(app).addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName(app).withImage("example/" + app).addNewPort().withContainerPort(8080)
                .endPort().endContainer().endSpec().build();
    }

    /**
     * Calico's policies are watched like the rest: a Calico NetworkPolicy created in the cluster
     * closes the edge it denies, and deleting it opens the edge again, with no reconnect.
     */
    @Test
    void aCalicoPolicyCreatedAndDeletedOnTheServerChangesTheLiveView() throws Exception {
        cluster.applyFolder(Lessons.TUTORIAL);
        connect();
        awaitConnectedView();
        assertTrue(allowed(TEST_RUNNER_TO_API));
        var calico = cluster.admin().genericKubernetesResources(new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup("projectcalico.org").withVersion("v3").withKind("NetworkPolicy").withPlural("networkpolicies")
                .withNamespaced(true).build()).inNamespace("staging");

        calico.resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder().withApiVersion("projectcalico.org/v3")
                .withKind("NetworkPolicy").withNewMetadata().withNamespace("staging").withName("lock-staging").endMetadata()
                .addToAdditionalProperties("spec", Map.of("selector", "all()", "types", List.of("Egress"),
                        "egress", List.of(Map.of("action", "Deny")))).build()).create();
        ui.await("test-runner -> backend-api denied by Calico", () -> !Lessons.pair(model, TEST_RUNNER_TO_API).anyAllowed(), 20_000);
        assertTrue(ui.call(() -> model.switches().policyRow(new PolicyId(io.netpolviz.model.CalicoPolicy.NAMESPACED_PREFIX + "staging", "lock-staging")).isPresent()),
                "the policy panel lists it");

        calico.withName("lock-staging").delete();
        ui.await("test-runner -> backend-api allowed again", () -> Lessons.pair(model, TEST_RUNNER_TO_API).anyAllowed(), 20_000);
    }

    private static HasMetadata denyEgress(String namespace, String name) {
        return new NetworkPolicyBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Egress").endSpec().build();
    }

    private static HasMetadata selectingNothing(String namespace, String name) {
        return new NetworkPolicyBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", "not-deployed-yet").endPodSelector()
                .withPolicyTypes("Ingress").endSpec().build();
    }

    private static HasMetadata denyIngress(String namespace, String name) {
        return new NetworkPolicyBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec().build();
    }
}

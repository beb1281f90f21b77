package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * fabric8's mock API server in CRUD mode over real HTTP, with a hook to answer some requests
 * differently (403, 401) and a record of the requests that carried the test token. The code
 * under test reaches it only through a generated kubeconfig file.
 */
public final class MockCluster implements AutoCloseable {

    public static final String CONTEXT = "mock";
    public static final String TOKEN = "sekrit-TOKEN-4f2a9c1e7b";

    /** Quick debounce and retries, so tests of updates and outages take a second or two. */
    public static final ClusterOptions.Timing FAST = new ClusterOptions.Timing(
            Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(300),
            Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** Held, because java.util.logging forgets the level of a logger nobody references. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        // The mock server logs every request at INFO; the tests read better without it.
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final boolean https;
    private volatile Function<RecordedRequest, MockResponse> override = request -> null;
    private final List<String> requestsWithToken = new CopyOnWriteArrayList<>();
    private KubernetesMockServer server;
    private KubernetesClient admin;
    private int port;
    private boolean running;

    private MockCluster(boolean https) {
        this.https = https;
    }

    public static MockCluster start() {
        return start(false);
    }

    static MockCluster start(boolean https) {
        MockCluster cluster = new MockCluster(https);
        cluster.startServer(0);
        return cluster;
    }

    private void startServer(int onPort, HasMetadata... preloaded) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
        for (HasMetadata object : preloaded) {
            MockResponse created = crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collectionPath(object),
                    Headers.builder().add("Content-Type", "application/json").build(),
                    new Buffer(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8))));
            if (created.code() != 201) {
                throw new IllegalStateException("could not preload " + object.getKind() + ": HTTP " + created.code());
            }
        }
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (carriesToken(request)) {
                    requestsWithToken.add(request.getMethod() + " " + request.getPath());
                }
                MockResponse special = override.apply(request);
                return special != null ? special : crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, https);
        if (onPort == 0) {
            server.start();
        } else {
            server.start(onPort);
        }
        port = server.getPort();
        admin = server.createClient();
        running = true;
    }

    /** The API server goes away; connections are refused until {@link #restartEmpty()}. */
    public void stop() {
        running = false;
        admin.close();
        try {
            server.shutdown();
        } catch (IllegalStateException stalled) {
            // The mock server can stall when a client closes a watch just as it is closing; it
            // gives up after a while and the port is free anyway. Not what the tests are about.
        }
    }

    /**
     * A new API server on the same port holding only {@code objects}, as after a restore or a
     * recreated cluster. The objects are there before the first request is answered.
     */
    public void restartWith(HasMetadata... objects) {
        startServer(port, objects);
    }

    private static String collectionPath(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return switch (object.getKind()) {
            case "Namespace" -> "/api/v1/namespaces";
            case "Pod" -> "/api/v1/namespaces/" + namespace + "/pods";
            case "NetworkPolicy" -> "/apis/networking.k8s.io/v1/namespaces/" + namespace + "/networkpolicies";
            default -> throw new IllegalArgumentException("no preload path for " + object.getKind());
        };
    }

    /** A client for setting up and changing objects; it carries no token, so its requests are not recorded. */
    public KubernetesClient admin() {
        return admin;
    }

    public String url() {
        return server.url("/");
    }

    /** Whether the request came from the code under test (the admin client carries no token). */
    static boolean carriesToken(RecordedRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.contains(TOKEN);
    }

    /** Answers requests with {@code answer} where it gives a response (a 403, a 401), normally where it gives null. */
    public void answer(Function<RecordedRequest, MockResponse> answer) {
        this.override = answer;
    }

    public void answerNormally() {
        this.override = request -> null;
    }

    /** Requests made with the kubeconfig's token: {@code GET /api/v1/pods?...}. */
    List<String> requestsWithToken() {
        return List.copyOf(requestsWithToken);
    }

    /** A Kubernetes {@code Status} error response. */
    public static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A kubeconfig with one context {@value #CONTEXT} pointing at this server with the test token. */
    public Path kubeconfig(Path directory) throws IOException {
        return kubeconfig(directory, url(), false);
    }

    static Path kubeconfig(Path directory, String server, boolean skipTlsVerify) throws IOException {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock-cluster
                  cluster:
                    server: %s%s
                contexts:
                - name: other
                  context:
                    cluster: mock-cluster
                    user: someone-else
                - name: %s
                  context:
                    cluster: mock-cluster
                    user: tester
                    namespace: shop
                current-context: %s
                users:
                - name: tester
                  user:
                    token: %s
                - name: someone-else
                  user:
                    token: other-token-0000000
                """.formatted(server, skipTlsVerify ? "\n    insecure-skip-tls-verify: true" : "", CONTEXT, CONTEXT, TOKEN);
        Path file = directory.resolve("kubeconfig-" + System.nanoTime() + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    /** Options for a source reading this server through a fresh kubeconfig in {@code directory}, with {@link #FAST} timing. */
    public ClusterOptions options(Path directory) throws IOException {
        return ClusterOptions.of(kubeconfig(directory), CONTEXT, java.util.Set.of()).withTiming(FAST);
    }

    /** What {@code kubectl apply -f FOLDER} would do: every YAML file's objects, namespaces first. */
    public void applyFolder(Path folder) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    objects.addAll(admin.load(in).items());
                }
            }
        }
        objects.sort(Comparator.comparing(o -> o.getKind().equals("Namespace") ? 0 : 1));
        for (HasMetadata object : objects) {
            // A CRD's object (a UserDefinedNetwork, say) goes through its resource definition, as the client knows no handler for it.
            java.util.Optional<ResourceKind> crd = object instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource
                    ? ResourceKind.fromKind(object.getKind()) : java.util.Optional.empty();
            if (crd.isPresent()) {
                var resources = admin.genericKubernetesResources(crd.get().definition());
                (object.getMetadata().getNamespace() == null ? resources : resources.inNamespace(object.getMetadata().getNamespace()))
                        .resource((io.fabric8.kubernetes.api.model.GenericKubernetesResource) object).create();
            } else {
                admin.resource(object).create();
            }
        }
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }
}

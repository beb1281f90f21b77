package io.netpolviz.graph;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.policy.PolicyEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Most real manifests declare no container ports. Such a workload still gets edges: on the
 * target ports of its Services, or, where nothing names a port, on "all ports", whose verdict is
 * the same for every port because no rule names one.
 */
class PortlessWorkloadsTest {

    @TempDir
    Path dir;

    private static String deployment(String name) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: c, image: nginx}]}
                ---
                """.formatted(name, name, name);
    }

    /** Ingress to db only from api: "podSelector ... selects the pods to which this ingress rule applies" and no ports means all ports. */
    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
            """;

    private ReachabilityGraph graph() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), deployment("web") + deployment("api") + deployment("db") + POLICY);
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(dir)));
        return new ReachabilityGraphBuilder(engine).build(engine.evaluate(), null);
    }

    private static String label(ReachabilityGraph graph, String from, String to) {
        Optional<GraphEdge> edge = graph.edges().stream().filter(e -> e.sourceId().equals(from) && e.targetId().equals(to)).findFirst();
        return edge.map(e -> String.join(", ", e.labelPorts().stream().map(LabelPort::display).toList())).orElse("no edge");
    }

    @Test
    void aWorkloadWithoutPortsIsReachedOnItsServicesTargetPortOrOnAllPorts() throws IOException {
        ReachabilityGraph graph = graph();

        assertEquals("\u2713 8080", label(graph, "shop/web", "shop/api"));
        assertEquals("\u2713 all ports", label(graph, "shop/db", "shop/web"));
        // A rule without ports admits every port of every protocol: "all ports", not "all TCP" (issue 15).
        assertEquals("\u2713 all ports", label(graph, "shop/api", "shop/db"));
        assertEquals("\u2717 all ports", label(graph, "shop/web", "shop/db"));
    }
}

package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.testing.PictureReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that admits a whole namespace while only one of its workloads may send there (lesson 05's
 * redis): the blocked, half-open pairs of that namespace are one edge from its box, "✗ 6379", and
 * the workload that gets through has its own edge, as the legend says of box edges.
 *
 * <p>The semantics encoded: "traffic is allowed if it is allowed by at least one policy for egress
 * of the source and by at least one policy for ingress of the destination ... both the egress
 * policy on the source pod and the ingress policy on the destination pod need to allow the
 * traffic" (https://kubernetes.io/docs/concepts/services-networking/network-policies/).
 */
class HalfOpenGroupsTest {

    @TempDir
    Path dir;

    private static String deployment(String namespace, String name, int port) {
        return DefaultPicture.deployment(namespace, name, "{containerPort: %d}".formatted(port));
    }

    private static final String POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: store, namespace: data}
            spec:
              podSelector: {matchLabels: {app: store}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]
                ports: [{port: 6379}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: no-egress, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: cart-to-store, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: cart}}
              policyTypes: [Egress]
              egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchLabels: {app: store}}}]}]
            """;

    @Test
    void theBlockedHalfOpenPairsOfANamespaceAreOneEdgeFromItsBox() throws IOException {
        Files.writeString(dir.resolve("cluster.yaml"), deployment("shop", "web", 8080) + deployment("shop", "search", 8080)
                + deployment("shop", "catalog", 8080) + deployment("shop", "cart", 8080) + deployment("data", "store", 6379) + POLICIES);
        DefaultPicture drawn = DefaultPicture.of(dir);
        ReachabilityGraph graph = drawn.graph();
        PairVerdicts pairs = drawn.pairs();

        List<String> toStore = graph.edges().stream().filter(edge -> edge.targetId().equals("data/store"))
                .map(edge -> edge.key() + " " + String.join(", ", edge.labelPorts().stream().map(LabelPort::display).toList())).toList();
        assertEquals(List.of("box:shop->data/store \u2717 6379", "shop/cart->data/store \u2713 6379"), toStore.stream().sorted().toList());
        for (String source : List.of("shop/web", "shop/search", "shop/catalog")) {
            assertEquals(true, pairs.pair(source + "->data/store").halfOpen(), source);
            assertEquals(true, PictureReading.read(graph, drawn.nodes(), source, pairs.pair(source + "->data/store").destination())
                    .orElseThrow().isEmpty(), source + " reads blocked from the box edge");
        }
    }
}

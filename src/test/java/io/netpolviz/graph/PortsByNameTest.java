package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netpolviz.testing.PictureReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scraper that may reach every pod on the port named {@code metrics} is one edge, "✓ metrics",
 * though the number differs per workload; each pair still reads its own number from it.
 *
 * <p>The semantics encoded: "port ... The port on the given protocol. This can either be a numerical or
 * named port on a pod." (Kubernetes API reference, NetworkPolicyPort,
 * https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/): one named
 * rule port admits, on each pod, the container port that pod gives that name.
 */
class PortsByNameTest {

    @TempDir
    Path dir;

    private static String deployment(String namespace, String name, String portName, int port) {
        return DefaultPicture.deployment(namespace, name, "{name: %s, containerPort: %d}".formatted(portName, port));
    }

    /** Every pod of the namespace admits the scraper in namespace mon on {@code port} (a name or a number), and nothing else. */
    private static String scrapePolicy(String namespace, String port) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-scrape, namespace: %s}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: mon}}, podSelector: {matchLabels: {app: scraper}}}]
                    ports: [{port: %s}]
                ---
                """.formatted(namespace, port);
    }

    private static final String WORKLOADS = deployment("mon", "scraper", "http", 8080) + deployment("apps", "web", "metrics", 9090)
            + deployment("apps", "api", "metrics", 9090) + deployment("db", "redis", "metrics", 9121)
            + deployment("db", "postgres", "metrics", 9187);

    private static List<String> labelsFrom(DefaultPicture drawn, String source) {
        return drawn.graph().edges().stream().filter(edge -> edge.sourceId().equals(source))
                .map(edge -> edge.key() + " " + String.join(", ", edge.labelPorts().stream().map(LabelPort::display).toList())).toList();
    }

    private DefaultPicture draw(String manifests) throws IOException {
        Files.writeString(dir.resolve("cluster.yaml"), manifests);
        return DefaultPicture.of(dir);
    }

    private static void assertEveryPairReadsItsOwnPorts(DefaultPicture drawn) {
        for (PairVerdicts.Pair pair : drawn.pairs().pairs()) {
            PictureReading.read(drawn.graph(), drawn.nodes(), pair.source().id(), pair.destination())
                    .ifPresentOrElse(said -> assertEquals(pair.allowed(), said, pair.key()),
                            () -> assertFalse(pair.anyAllowed(), pair.key() + " is allowed but not drawn"));
        }
    }

    @Test
    void aScrapeOfThePortNamedMetricsIsOneEdgeThoughEachWorkloadNumbersItsOwn() throws IOException {
        DefaultPicture drawn = draw(WORKLOADS + scrapePolicy("apps", "metrics") + scrapePolicy("db", "metrics"));

        assertEquals(List.of("mon/scraper->anywhere \u2713 metrics"), labelsFrom(drawn, "mon/scraper"));
        assertEveryPairReadsItsOwnPorts(drawn);
        assertEquals("TCP 9121", drawn.pairs().pair("mon/scraper->db/redis").allowed().display());
    }

    @Test
    void oneNumberForEveryDestinationIsSaidAsTheNumber() throws IOException {
        DefaultPicture drawn = draw(WORKLOADS.replace("9121", "9090").replace("9187", "9090") + scrapePolicy("apps", "metrics")
                + scrapePolicy("db", "metrics"));

        assertEquals(List.of("mon/scraper->anywhere \u2713 9090"), labelsFrom(drawn, "mon/scraper"));
        assertEveryPairReadsItsOwnPorts(drawn);
    }

    @Test
    void twoEdgesAreNotWorthAName() throws IOException {
        // Lesson 04 shows one named port resolving to two numbers on two edges: a name is used where it gathers a fan.
        DefaultPicture drawn = draw(deployment("mon", "scraper", "http", 8080) + deployment("apps", "web", "metrics", 9090)
                + deployment("db", "redis", "metrics", 9121) + scrapePolicy("apps", "metrics") + scrapePolicy("db", "metrics"));

        assertEquals(List.of("mon/scraper->apps/web \u2713 9090", "mon/scraper->db/redis \u2713 9121"),
                labelsFrom(drawn, "mon/scraper").stream().sorted().toList());
        assertEveryPairReadsItsOwnPorts(drawn);
    }

    @Test
    void aNameNoRuleUsesIsNeverWrittenOnALabel() throws IOException {
        // The same verdicts, but the rules name numbers: a label speaks the policies' words, so it keeps numbers.
        DefaultPicture drawn = draw(WORKLOADS + scrapePolicy("apps", "9090") + scrapePolicy("db", "9121") + scrapePolicy("db", "9187")
                .replace("allow-scrape", "allow-scrape-postgres"));

        List<String> labels = labelsFrom(drawn, "mon/scraper");
        assertFalse(labels.stream().anyMatch(label -> label.contains("metrics")), labels.toString());
        assertEveryPairReadsItsOwnPorts(drawn);
    }
}

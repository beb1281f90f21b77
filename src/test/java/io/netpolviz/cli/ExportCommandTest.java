package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ExportCommandTest {

    private static final String TUTORIAL = "sample-clusters/01-tutorial";

    @TempDir
    Path dir;

    @Test
    void exportsTheSameBytesEveryTime() throws IOException {
        Path first = dir.resolve("a.svg");
        Path second = dir.resolve("b.svg");
        Path firstPng = dir.resolve("a.png");
        Path secondPng = dir.resolve("b.png");
        assertEquals(0, CliRun.of("export", TUTORIAL, "--svg", first.toString(), "--png", firstPng.toString()).exitCode());
        assertEquals(0, CliRun.of("export", TUTORIAL, "--svg", second.toString(), "--png", secondPng.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertArrayEquals(Files.readAllBytes(firstPng), Files.readAllBytes(secondPng));
    }

    @Test
    void svgIsValidXmlWithTextAndTheSwitchedOffPolicyInTheTitle() throws Exception {
        Path svg = dir.resolve("view.svg");
        CliRun run = CliRun.of("export", TUTORIAL, "--svg", svg.toString(), "--off", "production/allow-frontend-egress-to-api");
        assertEquals(0, run.exitCode(), run.err());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        NodeList texts = document.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        assertTrue(all.toString().contains("switched off: production/allow-frontend-egress-to-api"), all.toString());
        assertEquals("\u2717 8080", textOf(document, "production/frontend->production/backend-api"), "blocked mark and port as text");
        assertEquals("\u2713 5432", textOf(document, "production/backend-api->production/database"), "allowed mark and port as text");
    }

    /** The text of every group that carries {@code data-id}, in document order, joined by spaces. */
    private static String textOf(Document document, String dataId) {
        NodeList groups = document.getElementsByTagName("g");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.getLength(); i++) {
            org.w3c.dom.Element group = (org.w3c.dom.Element) groups.item(i);
            if (dataId.equals(group.getAttribute("data-id"))) {
                NodeList texts = group.getElementsByTagName("text");
                for (int t = 0; t < texts.getLength(); t++) {
                    text.append(text.length() == 0 ? "" : " ").append(texts.item(t).getTextContent());
                }
            }
        }
        return text.toString();
    }

    @Test
    void scaleTwoDoublesThePixelsAndTransparentLeavesTheCornerClear() throws IOException {
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        assertEquals(0, CliRun.of("export", TUTORIAL, "--png", one.toString()).exitCode());
        assertEquals(0, CliRun.of("export", TUTORIAL, "--png", two.toString(), "--scale", "2", "--transparent").exitCode());
        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(two.toFile());
        assertEquals(small.getWidth() * 2, large.getWidth(), 2);
        assertEquals(small.getHeight() * 2, large.getHeight(), 2);
        assertEquals(0xFF, small.getRGB(0, 0) >>> 24, "opaque by default");
        assertEquals(0, large.getRGB(0, 0) >>> 24, "transparent corner");
    }

    @Test
    void focusAndFilterHideWhatTheyLeaveOut() throws IOException {
        Path all = dir.resolve("all.svg");
        Path focused = dir.resolve("focused.svg");
        assertEquals(0, CliRun.of("export", TUTORIAL, "--svg", all.toString()).exitCode());
        assertEquals(0, CliRun.of("export", TUTORIAL, "--svg", focused.toString(), "--focus", "production/database", "--filter", "allowed").exitCode());
        String full = Files.readString(all);
        String narrow = Files.readString(focused);
        assertTrue(full.contains("data-id='staging/test-runner'"), "every node in the full view");
        assertTrue(!narrow.contains("data-id='staging/test-runner'"), "test-runner has no allowed edge to or from database");
        assertTrue(narrow.contains("data-id='production/backend-api'"), "backend-api -> database is allowed");
        assertTrue(narrow.contains("focus: production/database"), "the title says what the view shows");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("export", TUTORIAL).exitCode(), "no output named");
        assertEquals(2, CliRun.of("export", TUTORIAL, "--png", dir.resolve("x.png").toString(), "--scale", "zero").exitCode());
        assertEquals(2, CliRun.of("export", TUTORIAL, "--png", dir.resolve("x.png").toString(), "--filter", "some").exitCode());
        assertEquals(2, CliRun.of("export", TUTORIAL, "--png", dir.resolve("x.png").toString(), "--focus", "production/nope").exitCode());
    }

    /** A generated cluster of 434 workloads in 6 application namespaces (more than 24 each, so they split into parts by tier). */
    private Path generatedCluster() {
        Path cluster = dir.resolve("cluster");
        assertEquals(0, CliRun.of("generate", "--pods", "1200", "--policies", "240", "--namespaces", "6", "--seed", "1",
                "--out", cluster.toString()).exitCode());
        return cluster;
    }

    @Test
    void aLargeClusterIsExportedAsTheAppOpensItWithNamespacesCollapsed() throws IOException {
        Path cluster = generatedCluster();
        Path svg = dir.resolve("large.svg");

        CliRun run = CliRun.of("export", cluster.toString(), "--svg", svg.toString());

        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("ns:monitoring \u2192 ns:payments-1: \u2713 9090, \u2713 9187"), "a summary edge between collapsed namespaces");
        assertTrue(!text.contains("part:payments-1/"), "namespaces are not opened unless asked");
    }

    @Test
    void expandOpensCollapsedNodesInTurnAsDoubleClickingDoes() throws IOException {
        Path cluster = generatedCluster();
        Path svg = dir.resolve("opened.svg");

        CliRun run = CliRun.of("export", cluster.toString(), "--svg", svg.toString(), "--expand", "ns:payments-1",
                "--expand", "part:payments-1/tier=db");

        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("ext:203.0.113.0/24 \u2192 part:payments-1/tier=web: \u2713 8080"), "payments-1 opened into its parts");
        assertTrue(text.matches("(?s).*data-id='payments-1/[a-z0-9-]+-db'.*"), "the db part opened into its workloads");
        // Monitoring scrapes them on 9187: one edge to each, or one to the open namespace's box that stands for them all.
        assertTrue(text.matches("(?s).*ns:monitoring \u2192 (all of payments-1|payments-1/[a-z0-9-]+-db): \u2713 9187.*"), "the scrape of the db workloads");
        assertTrue(!text.contains("part:payments-1/tier=db"), "the db part is open");
    }

    @Test
    void expandingANodeThePictureDoesNotShowCollapsedIsAUsageErrorNamingTheOnesItDoes() {
        Path cluster = generatedCluster();

        CliRun run = CliRun.of("export", cluster.toString(), "--svg", dir.resolve("x.svg").toString(), "--expand", "part:payments-1/tier=api");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--expand part:payments-1/tier=api: no such collapsed node in the picture"), run.err());
        assertTrue(run.err().contains("ns:payments-1"), "names what can be opened: " + run.err());
        assertTrue(Files.notExists(dir.resolve("x.svg")));
    }

    @Test
    void aPictureTooLargeToReadIsRefusedWithAMessageInsteadOfLaidOut() {
        Path cluster = generatedCluster();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("export", cluster.toString(), "--svg",
                dir.resolve("huge.svg").toString()));
        java.util.List<String> namespaces = java.util.List.of("payments-1", "orders-1", "catalog-1", "identity-1", "search-1", "shipping-1");
        for (String namespace : namespaces) {
            args.addAll(java.util.List.of("--expand", "ns:" + namespace));
        }
        for (String namespace : namespaces) {
            for (String tier : java.util.List.of("web", "api", "worker", "db", "cache")) {
                args.addAll(java.util.List.of("--expand", "part:" + namespace + "/tier=" + tier));
            }
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("a picture stays readable up to 250 boxes and 400 edges"), run.err());
        assertTrue(Files.notExists(dir.resolve("huge.svg")));
    }
}

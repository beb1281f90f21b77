package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.SampleGraphs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgExporterTest {

    private final Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());

    /** Parses without ever fetching a DTD or entity: any attempt fails the test. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> {
            throw new AssertionError("tried to fetch " + systemId);
        });
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgIsWellFormedXmlSizedLikeTheDiagram() throws Exception {
        Document document = parse(SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE));
        Element svg = document.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals(SvgExporter.number(diagram.bounds().width()), svg.getAttribute("width"));
        assertEquals("0 0 " + SvgExporter.number(diagram.bounds().width()) + " "
                + SvgExporter.number(diagram.bounds().height()), svg.getAttribute("viewBox"));
    }

    @Test
    void portLabelsAndTheirMarksAreText() throws Exception {
        List<String> texts = texts(parse(SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE)));
        assertTrue(texts.contains("8080"), texts.toString());
        assertTrue(texts.contains("9000\u20139100"), "a range, TCP unnamed");
        assertTrue(texts.contains("\u2713"), "check mark");
        assertTrue(texts.contains("\u2717"), "cross mark");
        assertTrue(texts.contains("\u25D0"), "partial mark");
        assertTrue(texts.contains("web"));
        assertTrue(texts.contains("prod"));
        assertTrue(texts.contains("\u00D73"));
        assertTrue(texts.contains(diagram.title()));
    }

    @Test
    void textNamesAFontThatHasTheMarks() throws Exception {
        String svg = SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE);
        NodeList texts = parse(svg).getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            String style = ((Element) texts.item(i)).getAttribute("style");
            assertTrue(style.contains("font-family: \"DejaVu Sans\""), style);
        }
    }

    @Test
    void nodesEdgesAndNamespacesAreGroupsCarryingTheirIds() throws Exception {
        Document document = parse(SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE));
        NodeList groups = document.getElementsByTagNameNS("*", "g");
        List<String> nodeIds = new ArrayList<>();
        List<String> edgeKeys = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            switch (group.getAttribute("class")) {
                case "node" -> nodeIds.add(group.getAttribute("data-id"));
                case "edge" -> edgeKeys.add(group.getAttribute("data-id"));
                case "namespace" -> namespaces.add(group.getAttribute("data-id"));
                default -> { }
            }
        }
        assertEquals(diagram.nodes().stream().map(node -> node.id()).toList(), nodeIds);
        assertEquals(diagram.edges().stream().map(edge -> edge.key()).toList(), edgeKeys);
        assertEquals(List.of("kube-system", "payments", "prod"), namespaces);
        assertTrue(SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE)
                .contains("<title>prod/web \u2192 prod/api: \u2713 8080</title>"));
    }

    @Test
    void sameGraphGivesByteIdenticalSvg(@TempDir Path dir) throws Exception {
        Diagram again = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());
        SvgExporter.write(diagram, Theme.standard(), Background.OPAQUE, dir.resolve("a.svg"));
        SvgExporter.write(again, Theme.standard(), Background.OPAQUE, dir.resolve("b.svg"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.svg")), Files.readAllBytes(dir.resolve("b.svg")));
    }

    @Test
    void transparentSvgHasNoBackgroundRectangle() {
        String opaque = SvgExporter.toSvg(diagram, Theme.standard(), Background.OPAQUE);
        String clear = SvgExporter.toSvg(diagram, Theme.standard(), Background.TRANSPARENT);
        assertTrue(opaque.contains("<rect x='0' y='0'"));
        assertFalse(clear.contains("<rect x='0' y='0'"));
    }

    @Test
    void numbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
        assertEquals("12.5", SvgExporter.number(12.5));
        assertEquals("3", SvgExporter.number(3.0));
        assertEquals("2337.99", SvgExporter.number(2337.993896484375));
        assertEquals("0", SvgExporter.number(-0.001));
        assertEquals("-0.25", SvgExporter.number(-0.25));
        assertEquals("100", SvgExporter.number(100));
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }
}

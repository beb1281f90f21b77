package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagramTitleTest {

    private static final TextMeasurer MEASURER = new AwtTextMeasurer();

    @Test
    void aLongerTitleWidensTheBoundsAndMovesNothing() {
        Diagram laidOut = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults().withTitle("shop"));
        String longTitle = "shop \u2014 switched off: " + "production/a-policy-with-a-very-long-name, ".repeat(8) + "the end";
        Diagram retitled = DiagramTitle.retitled(laidOut, longTitle, MEASURER);

        assertEquals(longTitle, retitled.title());
        assertEquals(laidOut.nodes(), retitled.nodes());
        assertEquals(laidOut.edges(), retitled.edges());
        assertEquals(laidOut.titleBaseline(), retitled.titleBaseline());
        double textWidth = MEASURER.measure(longTitle, laidOut.typography().title()).width();
        double margin = laidOut.titleBaseline().x() - laidOut.bounds().x();
        assertEquals(laidOut.bounds().y(), retitled.bounds().y());
        assertEquals(laidOut.bounds().height(), retitled.bounds().height());
        assertTrue(retitled.bounds().maxX() >= laidOut.titleBaseline().x() + textWidth + margin);
    }

    @Test
    void aShorterTitleKeepsTheBoundsAndTheSameTitleIsTheSameDiagram() {
        Diagram laidOut = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults().withTitle("a fairly long title here"));
        assertEquals(laidOut.bounds(), DiagramTitle.retitled(laidOut, "short", MEASURER).bounds());
        assertSame(laidOut, DiagramTitle.retitled(laidOut, laidOut.title(), MEASURER));
    }

    @Test
    void aDiagramWithoutATitleGetsRoomAboveItsDrawing() {
        Diagram untitled = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults().withTitle(""));
        Diagram titled = DiagramTitle.retitled(untitled, "shop", MEASURER);
        double topOfDrawing = untitled.namespaces().stream().mapToDouble(box -> box.bounds().y()).min().orElseThrow();
        double titleBottom = titled.titleBaseline().y() + MEASURER.measure("shop", titled.typography().title()).descent();
        assertTrue(titleBottom < topOfDrawing, titleBottom + " >= " + topOfDrawing);
        assertTrue(titled.bounds().y() < untitled.bounds().y());
        assertTrue(titled.bounds().y() <= titled.titleBaseline().y() - MEASURER.measure("shop", titled.typography().title()).ascent());
    }
}

package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restyle carries new change marks into a diagram without moving anything; a graph whose label
 * entries differ (another verdict, another port) does not fit and is laid out again.
 */
class RestylerTest {

    private static final LayoutOptions OPTIONS = LayoutOptions.defaults();
    private final Diagram before = DiagramLayout.layout(SampleGraphs.shop(), OPTIONS);
    /** The same verdicts, every port marked changed: what a step or an update that changed them back shows. */
    private final ReachabilityGraph marked = SampleGraphs.shop(SampleGraphs::changed);
    private final ReachabilityGraph toggled = SampleGraphs.shop(SampleGraphs::flipped);

    @Test
    void restyleKeepsEveryCoordinate() {
        Diagram after = Restyler.restyle(before, marked);
        assertEquals(before.nodes(), after.nodes());
        assertEquals(before.namespaces(), after.namespaces());
        assertEquals(before.legend(), after.legend());
        assertEquals(before.bounds(), after.bounds());
        for (EdgePath old : before.edges()) {
            EdgePath now = after.edge(old.key()).orElseThrow();
            assertEquals(old.route(), now.route());
            assertEquals(old.chip(), now.chip());
            assertEquals(old.labels().stream().map(PortLabel::bounds).toList(),
                    now.labels().stream().map(PortLabel::bounds).toList());
            assertEquals(old.labels().stream().map(PortLabel::textBaseline).toList(),
                    now.labels().stream().map(PortLabel::textBaseline).toList());
        }
    }

    @Test
    void restyleTakesTheNewChangeMarks() {
        Diagram after = Restyler.restyle(before, marked);
        EdgePath web = after.edge("prod/web->prod/api").orElseThrow();
        assertEquals(before.edge("prod/web->prod/api").orElseThrow().style(), web.style());
        assertTrue(web.changed());
        assertTrue(web.labels().stream().allMatch(PortLabel::changed));
        assertFalse(before.edge("prod/web->prod/api").orElseThrow().changed());
        assertEquals(before, Restyler.restyle(after, SampleGraphs.shop()), "restyling back restores the diagram");
    }

    @Test
    void aGraphWithOtherVerdictsDoesNotFit() {
        assertFalse(Restyler.fits(before, toggled), "a verdict that flips changes the label, so the picture is laid out again");
        assertThrows(IllegalArgumentException.class, () -> Restyler.restyle(before, toggled));
        assertEquals(DiagramLayout.layout(toggled, OPTIONS), Restyler.update(before, toggled, OPTIONS));
    }

    @Test
    void restyleKeepsHiddenElementsHidden() {
        Diagram filtered = before.showingOnly(List.of(), List.of("prod/web", "prod/api"), List.of("prod/web->prod/api"));
        Diagram after = Restyler.restyle(filtered, marked);
        assertTrue(after.edge("prod/web->prod/db").orElseThrow().hidden());
        assertFalse(after.edge("prod/web->prod/api").orElseThrow().hidden());
    }

    @Test
    void restyleKeepsADraggedNodeWhereItWasDropped() {
        Diagram dragged = before.withNodeMoved("prod/web", 40, 25);
        Diagram after = Restyler.restyle(dragged, marked);
        assertEquals(dragged.node("prod/web"), after.node("prod/web"));
        assertEquals(dragged.edge("prod/web->prod/api").orElseThrow().route(),
                after.edge("prod/web->prod/api").orElseThrow().route());
    }

    @Test
    void graphOfAnotherShapeDoesNotFitAndUpdateLaysItOutAfresh() {
        ReachabilityGraph other = SampleGraphs.generated(10, 1);
        assertFalse(Restyler.fits(before, other));
        assertThrows(IllegalArgumentException.class, () -> Restyler.restyle(before, other));
        Diagram fresh = Restyler.update(before, other, OPTIONS);
        assertEquals(DiagramLayout.layout(other, OPTIONS), fresh);
        assertTrue(Restyler.fits(before, marked));
        assertEquals(Restyler.restyle(before, marked), Restyler.update(before, marked, OPTIONS));
    }

    @Test
    void aPortThatIsNoLongerThereMeansTheGraphDoesNotFit() {
        ReachabilityGraph fewerPorts = SampleGraphs.shop(verdict -> verdict);
        ReachabilityGraph changedPort = new ReachabilityGraph(fewerPorts.namespaces(), fewerPorts.nodes(),
                fewerPorts.edges().stream()
                        .map(edge -> edge.key().equals("prod/web->prod/api")
                                ? new GraphEdge(edge.sourceId(), edge.targetId(),
                                        List.of(new PortVerdict(SampleGraphs.tcp(8081), true, false, false)))
                                : edge)
                        .toList());
        assertFalse(Restyler.fits(before, changedPort));
        assertNotEquals(before, Restyler.update(before, changedPort, OPTIONS));
    }
}

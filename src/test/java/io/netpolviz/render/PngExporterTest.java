package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.SampleGraphs;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngExporterTest {

    private static final Theme THEME = Theme.standard();
    private final Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());

    @Test
    void scaleTwoDoublesThePixelSize() throws IOException {
        BufferedImage once = PngExporter.render(diagram, THEME, 1, Background.OPAQUE);
        byte[] png = PngExporter.toBytes(diagram, THEME, 2, Background.OPAQUE);
        BufferedImage twice = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals((int) Math.ceil(diagram.bounds().width()), once.getWidth());
        assertEquals((int) Math.ceil(diagram.bounds().height()), once.getHeight());
        assertEquals((int) Math.ceil(diagram.bounds().width() * 2), twice.getWidth());
        assertEquals((int) Math.ceil(diagram.bounds().height() * 2), twice.getHeight());
        assertThrows(IllegalArgumentException.class, () -> PngExporter.render(diagram, THEME, 0, Background.OPAQUE));
    }

    @Test
    void backgroundIsWhiteOrClear() {
        BufferedImage opaque = PngExporter.render(diagram, THEME, 1, Background.OPAQUE);
        BufferedImage clear = PngExporter.render(diagram, THEME, 1, Background.TRANSPARENT);
        assertEquals(0xFFFFFFFF, opaque.getRGB(1, 1));
        assertEquals(0, clear.getRGB(1, 1) >>> 24, "alpha of an empty corner");
        Rect web = diagram.node("prod/web").orElseThrow().bounds();
        assertEquals(255, clear.getRGB((int) web.centerX(), (int) web.centerY()) >>> 24, "a node is opaque");
    }

    @Test
    void allowedEdgesAreBlueBlockedOnesVermillionAndChangedOnesHaloed() {
        BufferedImage image = PngExporter.render(diagram, THEME, 2, Background.OPAQUE);
        assertTrue(colourNear(image, diagram.edge("prod/web->prod/api").orElseThrow(), THEME.allowed(), 0));
        assertTrue(colourNear(image, diagram.edge("prod/web->prod/db").orElseThrow(), THEME.blocked(), 0));
        assertTrue(colourNear(image, diagram.edge("ext:0.0.0.0/0->prod/web").orElseThrow(), THEME.mixed(), 0));
        EdgePath changed = diagram.edge("prod/api->payments/gateway").orElseThrow();
        assertTrue(colourNear(image, changed, THEME.changed(), 4));
        EdgePath unchanged = diagram.edge("prod/web->prod/api").orElseThrow();
        assertTrue(!colourNear(image, unchanged, THEME.changed(), 4), "no halo on an unchanged edge");
    }

    @Test
    void hiddenNodesAreNotPainted() {
        String id = "ext:203.0.113.0/24";
        Diagram hidden = diagram.showingOnly(List.of(), diagram.nodes().stream()
                .map(node -> node.id()).filter(nodeId -> !nodeId.equals(id)).toList(),
                diagram.edges().stream().map(EdgePath::key).toList());
        BufferedImage shown = PngExporter.render(diagram, THEME, 1, Background.OPAQUE);
        BufferedImage gone = PngExporter.render(hidden, THEME, 1, Background.OPAQUE);
        Rect box = diagram.node(id).orElseThrow().bounds();
        int darkShown = 0;
        int darkGone = 0;
        for (int y = (int) box.y() + 2; y < box.maxY() - 2; y++) {
            for (int x = (int) box.x() + 2; x < box.maxX() - 2; x++) {
                darkShown += isDark(shown.getRGB(x, y)) ? 1 : 0;
                darkGone += isDark(gone.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertTrue(darkShown > 50, "the node's text and icon are dark: " + darkShown);
        assertEquals(0, darkGone);
    }

    /** True if some pixel within {@code reach} of the middle of the edge's longest segment has the colour. */
    private static boolean colourNear(BufferedImage image, EdgePath edge, Color colour, int reach) {
        List<Point> route = edge.route();
        int longest = 1;
        for (int i = 1; i < route.size(); i++) {
            if (route.get(i).distanceTo(route.get(i - 1)) > route.get(longest).distanceTo(route.get(longest - 1))) {
                longest = i;
            }
        }
        Point a = route.get(longest - 1);
        Point b = route.get(longest);
        for (double t = 0.3; t <= 0.7; t += 0.01) {
            int cx = (int) Math.round(2 * (a.x() + (b.x() - a.x()) * t));
            int cy = (int) Math.round(2 * (a.y() + (b.y() - a.y()) * t));
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    if (distance(new Color(image.getRGB(cx + dx, cy + dy)), colour) < 40) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    private static boolean isDark(int rgb) {
        Color colour = new Color(rgb);
        return colour.getRed() + colour.getGreen() + colour.getBlue() < 300;
    }
}

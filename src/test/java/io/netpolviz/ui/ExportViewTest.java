package io.netpolviz.ui;

import io.netpolviz.view.ExportRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.model.PolicyId;
import io.netpolviz.render.Background;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of the current view: scale, background, and a title that says what the view changes. */
class ExportViewTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");

    @TempDir
    Path dir;

    private MainViewModel model;

    @BeforeEach
    void openTutorial() {
        model = Lessons.synchronousModel();
        // A lesson opens at its first step; these exports are of the last, with every policy, as opened there.
        model.open(List.of(Lessons.TUTORIAL), 5);
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aTwoTimesTransparentPngHasTwiceThePixelsOfOneTimesAndATransparentCorner() throws Exception {
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        model.exporter().export(new ExportRequest(one, ExportRequest.Format.PNG, 1, Background.OPAQUE));
        model.exporter().export(new ExportRequest(two, ExportRequest.Format.PNG, 2, Background.TRANSPARENT));

        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(two.toFile());
        assertEquals(2 * small.getWidth(), large.getWidth());
        assertEquals(2 * small.getHeight(), large.getHeight());
        assertEquals(0, large.getRGB(0, 0) >>> 24, "transparent corner");
        assertEquals(0xFF, small.getRGB(0, 0) >>> 24, "white corner");
        assertEquals(0xFFFFFF, small.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void theExportTitleNamesTheSourceTheStepAndTheSwitchedOffPolicyAndTheSvgCarriesIt() throws Exception {
        model.switches().toggle(DENY_ALL);
        model.filters().showEdges(ViewFilter.EdgeFilter.BLOCKED);
        String title = model.exporter().exportTitle();
        assertEquals("01-tutorial (step 5 of 5) \u2014 switched off: production/deny-all \u2014 blocked only", title);

        Path svg = dir.resolve("view.svg");
        model.exporter().export(new ExportRequest(svg, ExportRequest.Format.SVG, 1, Background.TRANSPARENT));
        String text = Files.readString(svg);
        assertTrue(text.contains("switched off: production/deny-all"), "the title is drawn in the file");
        assertEquals(svg.toString(), model.exporter().lastExportProperty().get());
        assertFalse(text.contains("<rect x='0' y='0'"), "no background rectangle when transparent");
        Path opaque = dir.resolve("opaque.svg");
        model.exporter().export(new ExportRequest(opaque, ExportRequest.Format.SVG, 1, Background.OPAQUE));
        assertTrue(Files.readString(opaque).contains("<rect x='0' y='0'"), "a white one otherwise");
    }

    @Test
    void aLongerTitleWidensTheExportButMovesNothing() throws Exception {
        Path plain = dir.resolve("plain.png");
        model.exporter().export(new ExportRequest(plain, ExportRequest.Format.PNG, 1, Background.OPAQUE));
        Diagram shown = model.diagramProperty().get();
        // A toggle that changes no verdict (allow-frontend-to-api admits the same) draws the same picture: only the title grows.
        model.switches().toggle(new PolicyId("production", "allow-frontend-to-backend"));
        assertEquals(shown.nodes(), model.diagramProperty().get().nodes());
        Path titled = dir.resolve("titled.png");
        model.exporter().export(new ExportRequest(titled, ExportRequest.Format.PNG, 1, Background.OPAQUE));
        BufferedImage before = ImageIO.read(plain.toFile());
        BufferedImage after = ImageIO.read(titled.toFile());
        assertEquals(before.getHeight(), after.getHeight());
        assertTrue(after.getWidth() >= before.getWidth());
        // Below the title everything is where it was, pixel for pixel.
        int top = (int) Math.ceil(shown.namespaces().stream().mapToDouble(box -> box.bounds().y()).min().orElseThrow());
        for (int y = top; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (before.getRGB(x, y) != after.getRGB(x, y)) {
                    throw new AssertionError("the pixel at " + x + "," + y + " moved");
                }
            }
        }
    }
}

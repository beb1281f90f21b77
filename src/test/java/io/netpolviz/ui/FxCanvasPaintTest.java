package io.netpolviz.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.SampleGraphs;
import io.netpolviz.render.DiagramPainter;
import io.netpolviz.render.Theme;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The canvas draws the way the app does: the one Java2D painter into {@link CanvasRaster}'s image,
 * which goes onto a JavaFX canvas (headless Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class FxCanvasPaintTest {

    /** Started by TestFX, as the other JavaFX tests are, so that the order the classes run in does not matter. */
    @Start
    void start(Stage stage) {
    }

    @Test
    void painterDrawsOnAJavaFxCanvas() throws Exception {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());
        CompletableFuture<WritableImage> snapshot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(diagram.bounds().width(), diagram.bounds().height());
                CanvasRaster raster = new CanvasRaster();
                Graphics2D g = raster.begin((int) canvas.getWidth(), (int) canvas.getHeight(), new Color(0, 0, 0, 0));
                DiagramPainter.paint(diagram, g, Theme.standard());
                g.dispose();
                raster.drawOn(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
                snapshot.complete(canvas.snapshot(null, null));
            } catch (RuntimeException e) {
                snapshot.completeExceptionally(e);
            }
        });
        WritableImage image = snapshot.get(30, TimeUnit.SECONDS);
        Rect web = diagram.node("prod/web").orElseThrow().bounds();
        int dark = 0;
        for (int y = (int) web.y() + 2; y < web.maxY() - 2; y++) {
            for (int x = (int) web.x() + 2; x < web.maxX() - 2; x++) {
                javafx.scene.paint.Color colour = image.getPixelReader().getColor(x, y);
                dark += colour.getBrightness() < 0.4 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the web node's text and icon show on the canvas: " + dark + " dark pixels");
        javafx.scene.paint.Color corner = image.getPixelReader().getColor(2, 2);
        assertTrue(corner.getOpacity() < 0.01 || corner.getBrightness() > 0.95, "nothing painted in the margin");
    }
}

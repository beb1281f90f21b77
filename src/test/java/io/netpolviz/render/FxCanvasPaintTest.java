package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.Rect;
import io.netpolviz.layout.SampleGraphs;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UI hands the painter an FXGraphics2D; the same painter must draw on a JavaFX canvas (headless Monocle). */
class FxCanvasPaintTest {

    @BeforeAll
    static void startFx() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "JavaFX did not start");
    }

    @Test
    void painterDrawsOnAJavaFxCanvas() throws Exception {
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());
        CompletableFuture<WritableImage> snapshot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(diagram.bounds().width(), diagram.bounds().height());
                FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
                DiagramPainter.paint(diagram, g, Theme.standard());
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
                Color colour = image.getPixelReader().getColor(x, y);
                dark += colour.getBrightness() < 0.4 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the web node's text and icon show on the canvas: " + dark + " dark pixels");
        Color corner = image.getPixelReader().getColor(2, 2);
        assertTrue(corner.getOpacity() < 0.01 || corner.getBrightness() > 0.95, "nothing painted in the margin");
    }
}

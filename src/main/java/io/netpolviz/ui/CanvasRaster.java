package io.netpolviz.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;

/**
 * The diagram canvas's pixels, drawn with Java2D into an image and put on the JavaFX canvas in
 * one go. Drawing the same picture as vector commands on the canvas leaves the rasterising to
 * JavaFX, which without a graphics card (a virtual display, a remote desktop) takes about 400 ms
 * for a large picture; Java2D draws it in a few tens of milliseconds, exactly as the PNG export
 * does. The images are kept and reused while the canvas keeps its size.
 */
final class CanvasRaster {

    private BufferedImage image;
    private WritableImage fxImage;

    /**
     * A Graphics2D over a cleared image of {@code width × height} pixels, filled with {@code background}
     * and antialiased; dispose it, then {@link #drawOn} the canvas.
     */
    Graphics2D begin(int width, int height, Color background) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB_PRE);
            fxImage = null;
        }
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Puts the image on the canvas, covering {@code width × height} canvas units (fewer than its pixels on a high-density screen). */
    void drawOn(GraphicsContext gc, double width, double height) {
        toFxImage();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.drawImage(fxImage, 0, 0, width, height);
    }

    /** The image as JavaFX pixels, converted into the kept JavaFX image; any thread may call it for an image no canvas shows. */
    WritableImage toFxImage() {
        fxImage = SwingFXUtils.toFXImage(image, fxImage);
        return fxImage;
    }
}

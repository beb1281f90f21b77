package io.netpolviz.render;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.Rect;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Paints a diagram into an image at any scale (2 for sharp slides) and writes it as PNG. */
public final class PngExporter {

    private PngExporter() {
    }

    /** The diagram's bounds times {@code scale}, rounded up to whole pixels. */
    public static BufferedImage render(Diagram diagram, Theme theme, double scale, Background background) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        Rect bounds = diagram.bounds();
        int width = Math.max(1, (int) Math.ceil(bounds.width() * scale));
        int height = Math.max(1, (int) Math.ceil(bounds.height() * scale));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background == Background.OPAQUE) {
                g.setColor(theme.canvas());
                g.fillRect(0, 0, width, height);
            }
            g.scale(scale, scale);
            g.translate(-bounds.x(), -bounds.y());
            DiagramPainter.paint(diagram, g, theme);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(Diagram diagram, Theme theme, double scale, Background background, OutputStream out)
            throws IOException {
        if (!ImageIO.write(render(diagram, theme, scale, background), "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    public static void write(Diagram diagram, Theme theme, double scale, Background background, Path file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(diagram, theme, scale, background, out);
        }
    }

    public static byte[] toBytes(Diagram diagram, Theme theme, double scale, Background background) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(diagram, theme, scale, background, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package io.netpolviz.render;

import io.netpolviz.layout.IconKind;
import io.netpolviz.layout.Rect;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes the node-kind icon files of {@code icons/} ({@code pod.svg}, {@code pod-64.png}, ...)
 * from {@link IconPainter}, so the files are exactly what the diagram draws. Run from the
 * project root (see {@code icons/README.md}); the output is deterministic, and
 * {@code IconSheetTest} fails when the committed files differ from it.
 */
public final class IconSheet {

    /** Where the icons live, relative to the project root. */
    static final Path ICONS = Path.of("icons");

    /** The command that regenerates the icon files, for people and failure messages. */
    static final String REGENERATE = "mvn -B -o -q test-compile dependency:build-classpath"
            + " -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt"
            + " && java -Djava.awt.headless=true -cp \"target/test-classes:target/classes:$(cat target/test-classpath.txt)\""
            + " io.netpolviz.render.IconSheet icons";

    private static final int SIZE = 64;

    private IconSheet() {
    }

    /** Writes every icon's SVG and 64 px PNG into {@code args[0]} (default {@code icons}). */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : ICONS;
        Files.createDirectories(out);
        for (IconKind kind : IconKind.values()) {
            Files.writeString(out.resolve(fileName(kind) + ".svg"), svg(kind), StandardCharsets.UTF_8);
            try (OutputStream png = Files.newOutputStream(out.resolve(fileName(kind) + "-64.png"))) {
                ImageIO.write(png(kind, SIZE), "png", png);
            }
        }
    }

    /** {@code pod}, {@code workload}, ...: the icon's file name without extension. */
    static String fileName(IconKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The icon as a 64 × 64 SVG document in the standard theme. */
    static String svg(IconKind kind) {
        SVGGraphics2D g = new SVGGraphics2D(SIZE, SIZE);
        g.setDefsKeyPrefix("icon");
        g.setGeomDoubleConverter(SvgExporter::number);
        g.setTransformDoubleConverter(SvgExporter::number);
        new IconPainter(g, Theme.standard()).paint(kind, new Rect(0, 0, SIZE, SIZE));
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, SIZE, SIZE), null, null);
        // A title names the icon for screen readers and file browsers; the comment stops hand edits.
        int afterOpen = element.indexOf('>') + 1;
        // One element a line, so a change to the design reads as a small diff.
        return element.substring(0, afterOpen) + "\n"
                + "<title>" + title(kind) + "</title>\n"
                + "<!-- Generated from io.netpolviz.render.IconPainter by IconSheet: edit that, not this file;"
                + " see icons/README.md. -->\n"
                + element.substring(afterOpen).replace("><", ">\n<") + "\n";
    }

    /** The icon painted into a transparent square image of {@code size} pixels, as the diagram paints it. */
    static BufferedImage png(IconKind kind, int size) {
        return strip(Theme.standard(), List.of(kind), size, 0, null);
    }

    /**
     * The icons side by side at {@code size} px with {@code gap} px around each, on {@code background}
     * (transparent when null): for looking at every icon at one size.
     */
    static BufferedImage strip(Theme theme, List<IconKind> kinds, int size, int gap, Color background) {
        int cell = size + gap;
        BufferedImage image = new BufferedImage(kinds.size() * cell + gap, size + 2 * gap, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            // The hints DiagramPainter uses, so these pixels are the diagram's.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            IconPainter painter = new IconPainter(g, theme);
            for (int i = 0; i < kinds.size(); i++) {
                painter.paint(kinds.get(i), new Rect(gap + i * cell, gap, size, size));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String title(IconKind kind) {
        return switch (kind) {
            case POD -> "Pod";
            case WORKLOAD -> "Workload";
            case NAMESPACE -> "Namespace";
            case EXTERNAL -> "External address";
            case DNS -> "DNS";
        };
    }
}

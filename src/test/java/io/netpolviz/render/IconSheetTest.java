package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.IconKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The icon files in {@code icons/} are what {@link IconPainter} draws, and stay so. */
class IconSheetTest {

    private static final List<IconKind> KINDS = List.of(IconKind.values());

    @Test
    void committedSvgIconsAreWhatThePainterDraws() throws Exception {
        for (IconKind kind : KINDS) {
            Path file = IconSheet.ICONS.resolve(IconSheet.fileName(kind) + ".svg");
            assertTrue(Files.exists(file), file + " is missing; regenerate with: " + IconSheet.REGENERATE);
            assertEquals(IconSheet.svg(kind), Files.readString(file, StandardCharsets.UTF_8),
                    file + " differs from what IconPainter draws now; edit IconPainter, never the file, and"
                            + " regenerate the icons from the project root with: " + IconSheet.REGENERATE);
        }
    }

    @Test
    void committedPngIconsAreWhatThePainterDraws() throws Exception {
        for (IconKind kind : KINDS) {
            Path file = IconSheet.ICONS.resolve(IconSheet.fileName(kind) + "-64.png");
            BufferedImage committed = ImageIO.read(file.toFile());
            BufferedImage drawn = IconSheet.png(kind, 64);
            assertEquals(64, committed.getWidth(), file.toString());
            assertEquals(64, committed.getHeight(), file.toString());
            // A little slack per channel: another JDK may antialias an edge pixel a shade differently.
            int far = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    far += channelDistance(committed.getRGB(x, y), drawn.getRGB(x, y)) > 24 ? 1 : 0;
                }
            }
            assertEquals(0, far, file + " differs from what IconPainter draws now in " + far
                    + " pixels; regenerate the icons from the project root with: " + IconSheet.REGENERATE);
        }
    }

    @Test
    void svgIconsAreSixtyFourUnitVectorDrawingsWithATitle() {
        String pod = IconSheet.svg(IconKind.POD);
        assertTrue(pod.contains("viewBox='0 0 64 64'"), pod);
        assertTrue(pod.contains("<title>Pod</title>"), pod);
        assertTrue(pod.contains("<path"), pod);
        assertTrue(!pod.contains("<image"), "vectors, not an embedded bitmap");
        assertTrue(IconSheet.svg(IconKind.EXTERNAL).contains("<ellipse"), "the globe stays a true ellipse");
        assertEquals(IconSheet.svg(IconKind.WORKLOAD), IconSheet.svg(IconKind.WORKLOAD), "deterministic");
    }

    /** Writes {@code target/icon-strip.png}: every icon at 16, 24 and 64 px in both themes, small ones also enlarged. */
    @Test
    void writesAStripOfEveryIconToLookAt() throws Exception {
        int[] sizes = {16, 24, 64};
        int zoom = 4;
        List<Theme> themes = List.of(Theme.standard(), Theme.presentation());
        int width = 0;
        int height = 0;
        for (int size : sizes) {
            int strip = KINDS.size() * (size + 8) + 8;
            width = Math.max(width, strip + (size < 64 ? strip * zoom : 0) + 16);
            height += (size < 64 ? (size + 16) * zoom : size + 16) * themes.size();
        }
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int y = 0;
        for (int size : sizes) {
            for (Theme theme : themes) {
                BufferedImage strip = IconSheet.strip(theme, KINDS, size, 8, theme.nodeFill());
                assertTrue(inkIn(strip) > KINDS.size() * size, theme.name() + " " + size + " px icons are drawn");
                g.drawImage(strip, 0, y, null);
                if (size < 64) {
                    g.drawImage(strip, strip.getWidth() + 16, y, strip.getWidth() * zoom, strip.getHeight() * zoom, null);
                    y += strip.getHeight() * zoom;
                } else {
                    y += strip.getHeight();
                }
            }
        }
        g.dispose();
        Path target = Path.of("target");
        Files.createDirectories(target);
        ImageIO.write(sheet, "png", target.resolve("icon-strip.png").toFile());
        assertTrue(Files.size(target.resolve("icon-strip.png")) > 1000);
    }

    private static int inkIn(BufferedImage image) {
        int ink = 0;
        int background = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                ink += image.getRGB(x, y) != background ? 1 : 0;
            }
        }
        return ink;
    }

    private static int channelDistance(int a, int b) {
        int most = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            most = Math.max(most, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
        }
        return most;
    }
}

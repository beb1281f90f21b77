package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.SampleGraphs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rasterizes the SVG export with librsvg and compares it with the PNG export: the two come
 * from one painter, so they may differ only in antialiasing. Needs {@code rsvg-convert}
 * (Debian: librsvg2-bin) and fails without it, so a CI that forgets it notices.
 */
class RasterizedSvgMatchesPngTest {

    /** Average per-pixel difference (0-255, largest channel) allowed over the whole image. */
    private static final double MAX_MEAN_DIFFERENCE = 3;
    /** Allowed between averages of any 8×8 block: text placement differs by a fraction of a pixel (measured: under 30), a missing box or word does not (measured: about 150). */
    private static final double MAX_BLOCK_DIFFERENCE = 50;
    private static final int BLOCK = 8;

    private final Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), LayoutOptions.defaults());

    @Test
    void rasterizedSvgLooksLikeThePng(@TempDir Path dir) throws Exception {
        BufferedImage png = PngExporter.render(diagram, Theme.standard(), 1, Background.OPAQUE);
        BufferedImage svg = rasterize(diagram, dir);
        assertEquals(png.getWidth(), svg.getWidth());
        assertEquals(png.getHeight(), svg.getHeight());
        Difference difference = Difference.between(png, svg);
        assertTrue(difference.mean() < MAX_MEAN_DIFFERENCE, "mean difference " + difference.mean());
        assertTrue(difference.worstBlock() < MAX_BLOCK_DIFFERENCE, "worst block " + difference.worstBlock());
    }

    @Test
    void theComparisonNoticesAMissingNode(@TempDir Path dir) throws Exception {
        BufferedImage png = PngExporter.render(diagram, Theme.standard(), 1, Background.OPAQUE);
        Diagram withoutOne = diagram.showingOnly(List.of(),
                diagram.nodes().stream().map(NodeBox::id).filter(id -> !id.equals("prod/debug")).toList(),
                diagram.edges().stream().map(EdgePath::key).toList());
        Difference difference = Difference.between(png, rasterize(withoutOne, dir));
        assertTrue(difference.worstBlock() > MAX_BLOCK_DIFFERENCE, "worst block " + difference.worstBlock());
    }

    private static BufferedImage rasterize(Diagram diagram, Path dir) throws IOException, InterruptedException {
        Path svg = dir.resolve("diagram.svg");
        Path png = dir.resolve("rasterized.png");
        SvgExporter.write(diagram, Theme.standard(), Background.OPAQUE, svg);
        Process process;
        try {
            process = new ProcessBuilder("rsvg-convert", "-o", png.toString(), svg.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("rsvg-convert is missing: apt-get install -y librsvg2-bin", e);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "rsvg-convert timed out");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), "rsvg-convert failed: " + output);
        return ImageIO.read(png.toFile());
    }

    /**
     * Differences between two images: the mean over all pixels (largest channel), and the worst
     * difference between {@code BLOCK}×{@code BLOCK} block averages, where antialiasing noise
     * cancels out but a missing box, line or word does not.
     */
    private record Difference(double mean, double worstBlock) {

        static Difference between(BufferedImage a, BufferedImage b) {
            int width = Math.min(a.getWidth(), b.getWidth());
            int height = Math.min(a.getHeight(), b.getHeight());
            long total = 0;
            double worst = 0;
            for (int blockY = 0; blockY < height; blockY += BLOCK) {
                for (int blockX = 0; blockX < width; blockX += BLOCK) {
                    long[] sumA = new long[4];
                    long[] sumB = new long[4];
                    int pixels = 0;
                    for (int y = blockY; y < Math.min(height, blockY + BLOCK); y++) {
                        for (int x = blockX; x < Math.min(width, blockX + BLOCK); x++) {
                            int p = a.getRGB(x, y);
                            int q = b.getRGB(x, y);
                            int largest = 0;
                            for (int channel = 0; channel < 4; channel++) {
                                int pa = (p >>> (8 * channel)) & 0xFF;
                                int qb = (q >>> (8 * channel)) & 0xFF;
                                sumA[channel] += pa;
                                sumB[channel] += qb;
                                largest = Math.max(largest, Math.abs(pa - qb));
                            }
                            total += largest;
                            pixels++;
                        }
                    }
                    for (int channel = 0; channel < 4; channel++) {
                        worst = Math.max(worst, Math.abs(sumA[channel] - sumB[channel]) / (double) pixels);
                    }
                }
            }
            return new Difference(total / (double) (width * height), worst);
        }
    }
}

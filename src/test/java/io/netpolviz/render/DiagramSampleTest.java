package io.netpolviz.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Writes the sample pictures to {@code target/} (for people and CI artifacts) and checks they are real images. */
class DiagramSampleTest {

    @Test
    void writesSamplePicturesToLookAt() throws Exception {
        Path target = Path.of("target");
        DiagramSampleWriter.main(new String[] {target.toString()});
        BufferedImage sample = ImageIO.read(target.resolve("diagram-sample.png").toFile());
        BufferedImage retina = ImageIO.read(target.resolve("diagram-sample@2x.png").toFile());
        assertTrue(sample.getWidth() > 600 && sample.getHeight() > 300, sample.getWidth() + "x" + sample.getHeight());
        assertEquals(sample.getWidth() * 2, retina.getWidth(), 2.0);
        assertTrue(Files.readString(target.resolve("diagram-sample.svg")).contains("<text"));
    }
}

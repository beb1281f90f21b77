package io.netpolviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import org.junit.jupiter.api.Test;

class AwtTextMeasurerTest {

    private final AwtTextMeasurer measurer = new AwtTextMeasurer();
    private final FontSpec plain = new FontSpec(Typography.DEFAULT_FAMILY, 12, false);

    @Test
    void longerTextIsWiderAndBoldIsWiderStill() {
        double short1 = measurer.measure("TCP 80", plain).width();
        double long1 = measurer.measure("TCP 8080", plain).width();
        double bold = measurer.measure("TCP 8080", new FontSpec(Typography.DEFAULT_FAMILY, 12, true)).width();
        assertTrue(long1 > short1);
        assertTrue(bold > long1);
    }

    @Test
    void heightIsTheSameForAnyTextOfOneFont() {
        assertEquals(measurer.measure("TCP", plain).height(), measurer.measure("gy", plain).height());
        assertTrue(measurer.measure("TCP", plain.scaled(2)).height() > 1.9 * measurer.measure("TCP", plain).height());
    }

    @Test
    void theDefaultFontIsInstalledAndHasTheVerdictMarks() {
        Font font = AwtTextMeasurer.toAwtFont(plain);
        assertEquals(Typography.DEFAULT_FAMILY, font.getFamily(), "DejaVu Sans must be installed (fonts-dejavu-core)");
        for (PortStyle style : PortStyle.values()) {
            assertTrue(font.canDisplay(style.mark().codePointAt(0)), "no glyph for " + style.mark());
        }
        assertTrue(font.canDisplay('\u00D7'));
    }
}

package io.netpolviz.render;

import io.netpolviz.layout.Typography;
import java.awt.Color;

/**
 * Colours and line weights of a drawing, plus the fonts to lay it out with. The edge colours are
 * from the Okabe-Ito palette (blue for allowed, vermillion for blocked), which colour-blind
 * viewers can tell apart; dashes and ✓/✗ marks carry the same meaning in black and white.
 * Blocked edges are drawn thinner: in a dense cluster most pairs are blocked, and what is
 * allowed should stand out.
 *
 * <p>Font sizes are geometry, so they live in the {@link io.netpolviz.layout.Diagram}: lay out
 * with {@link #typography()} of the theme you will paint with ({@code
 * LayoutOptions.defaults().withTypography(theme.typography())}); the painter always draws text
 * in the diagram's own fonts, so labels fit their boxes whatever the theme.
 */
public record Theme(
        String name,
        Typography typography,
        Color canvas,
        Color text,
        Color mutedText,
        Color namespaceFill,
        Color namespaceBorder,
        Color nodeFill,
        Color nodeBorder,
        Color externalFill,
        Color externalBorder,
        Color collapsedFill,
        Color iconStroke,
        Color iconFill,
        Color allowed,
        Color mixed,
        Color blocked,
        Color changed,
        Color labelFill,
        Color badgeFill,
        Color hostNetworkFill,
        Color legendFill,
        Color legendBorder,
        float edgeWidth,
        float blockedEdgeWidth,
        float borderWidth,
        float namespaceBorderWidth) {

    /** For a screen or a document. */
    public static Theme standard() {
        return new Theme("standard", Typography.standard(),
                Color.WHITE,
                rgb(0x1B1F24),
                rgb(0x57606A),
                rgb(0xF2F5F8),
                rgb(0x8C959F),
                Color.WHITE,
                rgb(0x57606A),
                rgb(0xFFF6E0),
                rgb(0x9A7B3C),
                rgb(0xE9EEF4),
                rgb(0x2F3A46),
                rgb(0xD6E4F0),
                rgb(0x0072B2),
                rgb(0x8E4F9E),
                rgb(0xD55E00),
                rgb(0xF0E442),
                Color.WHITE,
                rgb(0xE3E8EE),
                rgb(0xFBE3CF),
                rgb(0xFAFBFC),
                rgb(0xD0D7DE),
                2.0f, 1.4f, 1.3f, 1.5f);
    }

    /** For a projector: larger fonts, black text, darker colours and heavier lines. */
    public static Theme presentation() {
        return new Theme("presentation", Typography.presentation(),
                Color.WHITE,
                Color.BLACK,
                rgb(0x30363D),
                rgb(0xEDF1F5),
                rgb(0x4A525B),
                Color.WHITE,
                rgb(0x1B1F24),
                rgb(0xFFF1CC),
                rgb(0x6E5420),
                rgb(0xE1E8F0),
                Color.BLACK,
                rgb(0xBFD6EA),
                rgb(0x005A8E),
                rgb(0x6F2D82),
                rgb(0xC04B00),
                rgb(0xF0E442),
                Color.WHITE,
                rgb(0xD5DCE4),
                rgb(0xF8D2B4),
                Color.WHITE,
                rgb(0x8C959F),
                3.0f, 2.2f, 2.0f, 2.2f);
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
